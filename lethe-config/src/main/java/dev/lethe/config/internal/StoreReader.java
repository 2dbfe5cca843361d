package dev.lethe.config.internal;

import dev.lethe.config.ClosestName;
import dev.lethe.core.store.StoreSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code stores:} into {@link StoreSpec}s: a known {@code type}, exactly the keys that type takes, and
 * settings checked as far as can be done without connecting (URL schemes, required keys).
 */
final class StoreReader {

    /** Same rule as policy names, so names read the same in both places and in {@code lethe} output. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private StoreReader() {
    }

    static Map<String, StoreSpec> read(Section stores) {
        Map<String, StoreSpec> specs = new LinkedHashMap<>();
        for (Section.Entry entry : stores.entries()) {
            specs.put(entry.key(), read(stores.scope(), entry));
        }
        return specs;
    }

    private static StoreSpec read(Scope top, Section.Entry entry) {
        String name = entry.key();
        if (!NAME.matcher(name).matches()) {
            throw top.error(entry.keyNode(), "store name '" + name + "' must match " + NAME.pattern());
        }
        Section store = Section.of(top.named("store '" + name + "'"), "", entry.keyNode(), entry.value());
        store.expectKeys(allKeys());
        Text typeText = store.requireText("type");
        StoreType type = StoreType.of(typeText.value()).orElseThrow(() -> {
            String hint = ClosestName.among(typeText.value(), StoreType.ids()).map(t -> "did you mean '" + t + "'? ").orElse("");
            return store.error(typeText.node(), "unknown store type '" + typeText.shown() + "'; " + hint
                    + "known types: " + String.join(", ", StoreType.ids()));
        });
        for (Section.Entry setting : store.entries()) {
            if (!setting.key().equals("type") && !type.keys().contains(setting.key())) {
                throw store.error(setting.keyNode(), "'" + setting.key() + "' is for " + ownersOf(setting.key())
                        + " stores, but store '" + name + "' is " + type.id() + "; " + type.id()
                        + " stores take " + String.join(", ", type.keys()));
            }
        }
        return new StoreSpec(name, type.id(), StoreSettings.of(type, store));
    }

    private static List<String> allKeys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("type");
        for (StoreType type : StoreType.values()) {
            keys.addAll(type.keys());
        }
        return List.copyOf(keys);
    }

    private static String ownersOf(String key) {
        return Wording.and(Arrays.stream(StoreType.values())
                .filter(type -> type.keys().contains(key))
                .map(StoreType::id)
                .toList());
    }
}
