package dev.lethe.config.internal;

import dev.lethe.core.store.StoreSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which policy keys belong to which kind of store. Every key of every kind is recognised, so a key written on
 * the wrong kind of store is reported as such ("'keys' is for redis stores") instead of as an unknown key.
 */
final class PolicyKeys {

    private static final List<String> COMMON = List.of("store", "action", "schedule", "limits");
    private static final Map<String, Set<StoreKind>> BY_KIND = new LinkedHashMap<>();

    static {
        BY_KIND.put("table", EnumSet.of(StoreKind.SQL));
        BY_KIND.put("key", EnumSet.of(StoreKind.SQL));
        BY_KIND.put("where", EnumSet.of(StoreKind.SQL));
        BY_KIND.put("cutoffs", EnumSet.of(StoreKind.SQL));
        BY_KIND.put("olderThan", EnumSet.of(StoreKind.SQL, StoreKind.FS, StoreKind.DOCKER));
        BY_KIND.put("outcomes", EnumSet.of(StoreKind.SQL, StoreKind.REDIS));
        BY_KIND.put("then", EnumSet.of(StoreKind.SQL));
        BY_KIND.put("budget", EnumSet.of(StoreKind.SQL));
        BY_KIND.put("maintenance", EnumSet.of(StoreKind.SQL));
        BY_KIND.put("keys", EnumSet.of(StoreKind.REDIS));
        BY_KIND.put("owner", EnumSet.of(StoreKind.REDIS));
        BY_KIND.put("live", EnumSet.of(StoreKind.REDIS));
        BY_KIND.put("minLive", EnumSet.of(StoreKind.REDIS));
        BY_KIND.put("type", EnumSet.of(StoreKind.REDIS));
        BY_KIND.put("idleLongerThan", EnumSet.of(StoreKind.REDIS));
        BY_KIND.put("withoutTtl", EnumSet.of(StoreKind.REDIS));
        BY_KIND.put("exclude", EnumSet.of(StoreKind.REDIS, StoreKind.FS));
        BY_KIND.put("files", EnumSet.of(StoreKind.FS));
        BY_KIND.put("containers", EnumSet.of(StoreKind.DOCKER));
    }

    private PolicyKeys() {
    }

    /** Every key a policy may have, whatever its store. */
    static List<String> all() {
        List<String> keys = new ArrayList<>(COMMON);
        keys.addAll(BY_KIND.keySet());
        return keys;
    }

    /** Fails on the first key that belongs to another kind of store than {@code store}'s. */
    static void expectFor(Section policy, StoreKind kind, StoreSpec store) {
        for (Section.Entry entry : policy.entries()) {
            Set<StoreKind> kinds = BY_KIND.get(entry.key());
            if (kinds != null && !kinds.contains(kind)) {
                throw policy.error(entry.keyNode(), "'" + entry.key() + "' is for " + Wording.and(kinds.stream().map(StoreKind::label).toList())
                        + " stores, but store '" + store.name() + "' is " + store.type());
            }
        }
    }
}
