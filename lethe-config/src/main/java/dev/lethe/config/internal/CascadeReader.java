package dev.lethe.config.internal;

import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.store.StoreSpec;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code then:}, the dependent rows removed with each batch. A cascade runs in the batch's transaction,
 * so it must stay in the policy's own store: across stores there is no transaction to share, and a cascade
 * that half-happens is worse than none.
 */
final class CascadeReader {

    private CascadeReader() {
    }

    static void read(Section policy, List<Node> cascades, StoreSpec store, Map<String, StoreSpec> stores,
                     TableSelection.Builder selection) {
        for (int i = 0; i < cascades.size(); i++) {
            Node node = cascades.get(i);
            Section cascade = Section.of(policy.scope(), "then[" + i + "]", node, node);
            cascade.expectKeys(List.of("store", "table", "where"));
            cascade.text("store").ifPresent(name -> {
                StoreSpec target = StoreReference.resolve(cascade, cascade.path("store"), name, stores);
                if (!target.name().equals(store.name())) {
                    throw cascade.error(name.node(), "cross-store cascades are not supported yet: "
                            + cascade.path("store") + " is '" + target.name() + "' but the policy's store is '"
                            + store.name() + "'; cascade within '" + store.name()
                            + "' or write a separate policy for '" + target.name() + "'");
                }
            });
            String table = SqlIdentifier.of(cascade, cascade.path("table"), cascade.requireText("table"));
            Text whereText = cascade.requireText("where");
            String where = TableSelectionReader.sql(cascade, cascade.path("where"), whereText);
            if (!where.contains(":keys")) {
                throw cascade.error(whereText.node(), cascade.path("where") + " must use :keys (the keys of each batch),"
                        + " e.g. \"observation_id IN (:keys)\"");
            }
            selection.cascade(store.name(), table, where);
        }
    }
}
