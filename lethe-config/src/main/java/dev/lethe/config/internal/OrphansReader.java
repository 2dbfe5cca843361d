package dev.lethe.config.internal;

import dev.lethe.core.policy.LiveSource;
import dev.lethe.core.policy.Orphans;
import dev.lethe.core.store.StoreSpec;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the orphan rule of a redis policy: {@code owner} (a regex with a named group {@code owner}),
 * {@code live} ({@code { store, query }} on a SQL store or {@code { store, set }} on a redis store) and
 * {@code minLive} (at least 1, default 1). The three belong together: a regex without a live source, or a
 * floor without either, is an error rather than a policy that quietly sweeps something else.
 */
final class OrphansReader {

    private static final List<String> LIVE_KEYS = List.of("store", "query", "set");
    private static final String EXAMPLE = "e.g. owner: \"^mosaic:session:(?<owner>[^:]+):\" with"
            + " live: { store: app, query: \"SELECT id FROM sessions\" }";

    private OrphansReader() {
    }

    static boolean present(Section policy) {
        return policy.has("owner") || policy.has("live") || policy.has("minLive");
    }

    static Orphans read(Section policy, Map<String, StoreSpec> stores) {
        for (String key : List.of("owner", "live")) {
            if (!policy.has(key)) {
                String given = policy.has("owner") ? "owner" : policy.has("live") ? "live" : "minLive";
                throw policy.error(policy.entry(given).orElseThrow().keyNode(), "an orphan sweep needs both owner and"
                        + " live; " + key + " is missing (" + EXAMPLE + ")");
            }
        }
        return new Orphans(owner(policy, policy.requireText("owner")), live(policy, stores), minLive(policy));
    }

    private static Pattern owner(Section policy, Text owner) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(owner.value());
        } catch (PatternSyntaxException e) {
            throw policy.error(owner.node(), "owner is not a valid regex: " + e.getDescription() + " near index "
                    + e.getIndex());
        }
        if (!owner.value().contains("(?<owner>")) {
            throw policy.error(owner.node(), "owner regex needs a named group (?<owner>…) that captures the owner's"
                    + " id; " + EXAMPLE);
        }
        return pattern;
    }

    private static LiveSource live(Section policy, Map<String, StoreSpec> stores) {
        Section live = policy.section("live").orElseThrow();
        live.expectKeys(LIVE_KEYS);
        StoreSpec store = StoreReference.resolve(live, "live.store", live.requireText("store"), stores);
        StoreKind kind = StoreType.of(store.type()).orElseThrow().kind();
        if (live.has("query") == live.has("set")) {
            throw live.error(live.has("query") ? live.entry("set").orElseThrow().keyNode() : live.at(),
                    "live needs exactly one of query (on a SQL store) or set (on a redis store)");
        }
        if (live.has("query")) {
            expectKind(live, "query", kind, StoreKind.SQL, store);
            return new LiveSource.Query(store.name(),
                    TableSelectionReader.sql(live, live.path("query"), live.requireText("query")));
        }
        expectKind(live, "set", kind, StoreKind.REDIS, store);
        Text set = live.requireText("set");
        if (set.isBlank()) {
            throw live.error(set.node(), "live.set must name a Redis set, e.g. mosaic:live");
        }
        return new LiveSource.SetMembers(store.name(), set.value());
    }

    private static void expectKind(Section live, String key, StoreKind kind, StoreKind expected, StoreSpec store) {
        if (kind != expected) {
            throw live.error(live.entry(key).orElseThrow().keyNode(), "live." + key + " needs a " + expected.label()
                    + " store, but store '" + store.name() + "' is " + store.type());
        }
    }

    private static int minLive(Section policy) {
        long minLive = policy.integer("minLive").orElse(1L);
        if (minLive < 1 || minLive > Integer.MAX_VALUE) {
            throw policy.error(policy.entry("minLive").orElseThrow().value(), "minLive must be at least 1 (0 would let an"
                    + " empty live source delete every key), was " + minLive);
        }
        return (int) minLive;
    }
}
