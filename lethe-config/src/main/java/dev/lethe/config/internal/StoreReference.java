package dev.lethe.config.internal;

import dev.lethe.config.ClosestName;
import dev.lethe.core.store.StoreSpec;
import java.util.Map;

/** A {@code store:} value in a policy or cascade, resolved against the stores the config defines. */
final class StoreReference {

    private StoreReference() {
    }

    static StoreSpec resolve(Section section, String path, Text name, Map<String, StoreSpec> stores) {
        StoreSpec spec = stores.get(name.value());
        if (spec != null) {
            return spec;
        }
        String prefix = path.equals("store") ? "" : path + ": ";
        String hint = stores.isEmpty()
                ? "no stores are defined; add it under 'stores:'"
                : ClosestName.among(name.value(), stores.keySet()).map(s -> "did you mean '" + s + "'? ").orElse("")
                        + "known stores: " + String.join(", ", stores.keySet());
        throw section.error(name.node(), prefix + "store '" + name.shown() + "' is not defined; " + hint);
    }
}
