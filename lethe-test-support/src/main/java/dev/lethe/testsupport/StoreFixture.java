package dev.lethe.testsupport;

import dev.lethe.core.policy.Selection;
import dev.lethe.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What {@link StoreContractTest} needs from a store module: a place to create items of given ages, a way to see
 * which are left, and selections in the store's own terms. One fixture serves one test and owns its items: it
 * works in a private namespace (uniquely named tables, a key prefix, a directory) that {@link #close()} removes,
 * so suites of several modules can run at the same time against the same server.
 */
public interface StoreFixture extends AutoCloseable {

    /**
     * An item to create.
     *
     * @param id    the item's identity; the store's key order must follow id order
     * @param age   how long before the store's clock the item was last written
     * @param state a short word the store keeps with the item (outcomes select on it), or null
     */
    record Item(long id, Duration age, String state) {
        public static Item aged(long id, Duration age) {
            return new Item(id, age, null);
        }
    }

    /** The name under which {@link #openStore()} registers; policies name it as their store. */
    String storeName();

    /** A newly opened store; the engine that gets it closes it. */
    Store openStore();

    /** Creates the items, ages measured back from the store's clock. */
    void createItems(Collection<Item> items);

    /** The ids of the items still there. */
    Set<Long> remainingIds();

    /**
     * A selection of the items older than {@code age}; for each of {@code outcomeStates}, an outcome with that
     * label holding for the items in that state.
     */
    Selection olderThan(Duration age, List<String> outcomeStates);

    /** Rewrites the item as if written just now, so it no longer matches any {@code olderThan} selection. */
    void makeYoung(long id);

    /** The store's current time, read from the store itself. */
    Instant storeNow();

    /** How the store shows the item's key in a plan's sample. */
    String keyOf(long id);

    /** Removes everything the fixture created. */
    @Override
    void close();
}
