package dev.lethe.config.internal;

import dev.lethe.config.ClosestName;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.policy.TableSelection.TimeUnit;
import dev.lethe.core.store.StoreSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the selection of a policy on a SQL store: {@code table}, {@code key}, {@code where}, {@code cutoffs},
 * {@code olderThan}, {@code outcomes} and {@code then} into a {@link TableSelection}.
 */
final class TableSelectionReader {

    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("now", "keys");
    private static final Map<String, TimeUnit> UNITS = Map.of(
            "timestamp", TimeUnit.TIMESTAMP, "epoch-seconds", TimeUnit.EPOCH_SECONDS, "epoch-millis", TimeUnit.EPOCH_MILLIS);
    private static final List<String> UNIT_NAMES = List.of("timestamp", "epoch-seconds", "epoch-millis");

    private TableSelectionReader() {
    }

    static TableSelection read(Section policy, StoreSpec store, Map<String, StoreSpec> stores) {
        String table = SqlIdentifier.of(policy, "table", policy.requireText("table"));
        TableSelection.Builder selection = TableSelection.builder(table, key(policy));
        if (!policy.has("where") && !policy.has("olderThan")) {
            throw policy.error(policy.at(), "a selection needs 'where' or 'olderThan';"
                    + " to match every row write where: \"1=1\" explicitly");
        }
        policy.text("where").ifPresent(where -> selection.where(sql(policy, "where", where)));
        policy.section("cutoffs").ifPresent(cutoffs -> cutoffs.entries().forEach(cutoff -> {
            String name = cutoff.key();
            if (!PARAMETER.matcher(name).matches() || RESERVED.contains(name)) {
                throw cutoffs.error(cutoff.keyNode(), "cutoff name '" + name + "' must be an identifier other than"
                        + " 'now' and 'keys' (those are bound by every run)");
            }
            String path = cutoffs.path(name);
            selection.cutoff(name, cutoffs.duration(path, cutoffs.text(path, cutoff.keyNode(), cutoff.value())));
        }));
        policy.section("olderThan").ifPresent(olderThan -> olderThan(olderThan, selection));
        policy.section("outcomes").ifPresent(outcomes -> outcomes.entries().forEach(outcome -> {
            String path = outcomes.path(outcome.key());
            selection.outcome(outcome.key(), sql(outcomes, path, outcomes.text(path, outcome.keyNode(), outcome.value())));
        }));
        policy.list("then", "{ store, table, where } mappings")
                .ifPresent(cascades -> CascadeReader.read(policy, cascades, store, stores, selection));
        return selection.build();
    }

    private static String key(Section policy) {
        Section.Entry key = policy.entry("key").orElseThrow(() -> policy.missing("key"));
        if (key.value() instanceof SequenceNode) {
            throw policy.error(key.value(), "composite keys are not supported yet; use a single unique column as key");
        }
        return SqlIdentifier.of(policy, "key", policy.text("key", key.keyNode(), key.value()));
    }

    private static void olderThan(Section olderThan, TableSelection.Builder selection) {
        if (olderThan.isEmpty()) {
            throw olderThan.error(olderThan.node(), "olderThan must name at least one column, e.g. { created_at: 24h }");
        }
        for (Section.Entry filter : olderThan.entries()) {
            String path = olderThan.path(filter.key());
            String column = SqlIdentifier.of(olderThan, "olderThan column", keyText(filter));
            if (filter.value() instanceof ScalarNode) {
                Text age = olderThan.text(path, filter.keyNode(), filter.value());
                selection.olderThan(column, olderThan.duration(path, age), TimeUnit.TIMESTAMP);
                continue;
            }
            Section detail = Section.of(olderThan.scope(), path, filter.keyNode(), filter.value());
            detail.expectKeys(List.of("age", "unit"));
            TimeUnit unit = detail.text("unit").map(text -> unit(detail, text)).orElse(TimeUnit.TIMESTAMP);
            selection.olderThan(column, detail.duration("age").orElseThrow(() -> detail.missing("age")), unit);
        }
    }

    private static TimeUnit unit(Section detail, Text text) {
        TimeUnit unit = UNITS.get(text.value());
        if (unit == null) {
            String hint = ClosestName.among(text.value(), UNIT_NAMES).map(u -> "did you mean '" + u + "'? ").orElse("");
            throw detail.error(text.node(), detail.path("unit") + " '" + text.shown() + "' is not a time unit; " + hint
                    + "use " + String.join(", ", UNIT_NAMES));
        }
        return unit;
    }

    /** Author-written SQL: any text, but not empty (an empty predicate is never what was meant). */
    static String sql(Section section, String path, Text text) {
        if (text.isBlank()) {
            throw section.error(text.node(), path + " must not be empty; to match every row write \"1=1\" explicitly");
        }
        return text.value();
    }

    private static Text keyText(Section.Entry entry) {
        String key = ((ScalarNode) entry.keyNode()).getValue();
        return new Text(key, key, entry.keyNode());
    }
}
