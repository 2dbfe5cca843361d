package dev.lethe.testsupport;

import dev.lethe.core.policy.Selection;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.store.Store;
import dev.lethe.core.store.StoreProvider;
import dev.lethe.core.store.StoreSpec;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The generic contract's items as rows of one table: {@code id BIGINT} key, a {@code created_at} column of the
 * database's first timestamp type written from the database's own clock, and a {@code state}.
 */
public final class SqlItemFixture implements StoreFixture {

    public static final String STORE_NAME = "app";

    private final SqlTables tables;
    private final SqlDatabase database;
    private final String table;

    public SqlItemFixture(SqlDatabase database) {
        this.database = database;
        this.tables = new SqlTables(database);
        this.table = tables.create("items", "id BIGINT PRIMARY KEY, created_at " + database.timestampTypes().get(0)
                + " NULL, state VARCHAR(32) NULL");
    }

    /** The test's tables, for store-specific cases. */
    public SqlTables tables() {
        return tables;
    }

    /** The items table's full name. */
    public String table() {
        return table;
    }

    @Override
    public String storeName() {
        return STORE_NAME;
    }

    @Override
    public Store openStore() {
        return openStore(new StoreSpec(STORE_NAME, database.storeType(), database.storeSettings()));
    }

    /** Opens {@code spec} through the {@link StoreProvider} registered for its type, as the engine would. */
    public static Store openStore(StoreSpec spec) {
        return ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.types().contains(spec.type())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no StoreProvider for type " + spec.type()))
                .open(spec);
    }

    @Override
    public void createItems(Collection<Item> items) {
        try {
            tables.connection().setAutoCommit(false);
            for (Item item : items) {
                tables.exec("INSERT INTO " + table + " (id, created_at, state) VALUES (?, "
                        + database.secondsAgo(item.age().toSeconds()) + ", ?)", item.id(), item.state());
            }
            tables.connection().commit();
            tables.connection().setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Set<Long> remainingIds() {
        return tables.longs("SELECT id FROM " + table);
    }

    @Override
    public Selection olderThan(Duration age, List<String> outcomeStates) {
        TableSelection.Builder selection = TableSelection.builder(table, "id").olderThan("created_at", age);
        outcomeStates.forEach(state -> selection.outcome(state, "state = '" + state + "'"));
        return selection.build();
    }

    @Override
    public void makeYoung(long id) {
        tables.exec("UPDATE " + table + " SET created_at = " + database.secondsAgo(0) + " WHERE id = ?", id);
    }

    @Override
    public Instant storeNow() {
        double seconds = ((Number) tables.column("SELECT " + database.epochSecondsNow()).get(0)).doubleValue();
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
    }

    @Override
    public String keyOf(long id) {
        return String.valueOf(id);
    }

    @Override
    public void close() {
        tables.close();
    }
}
