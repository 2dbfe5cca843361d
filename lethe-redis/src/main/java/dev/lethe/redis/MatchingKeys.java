package dev.lethe.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The keys a selection matches, one {@code SCAN} step at a time: the step's keys ({@code MATCH}, {@code TYPE}
 * applied by the server), less those the client-side filters refuse ({@link KeyFilter}), less those failing the
 * server-side filters now ({@link KeyChecks}, asked read-only and pipelined, one script call per group). Used
 * by the plan to count and by the sweep to fill batches with keys that really match, so a batch of
 * {@code n} removes {@code n} keys unless they changed in between.
 */
final class MatchingKeys {

    private final String store;
    private final RedisTopology topology;
    private final KeyScan scan;
    private final KeyFilter filter;
    private final KeyChecks checks;

    MatchingKeys(PreparedSelection prepared) {
        this.store = prepared.store();
        this.topology = prepared.topology();
        this.scan = new KeyScan(store, topology.masters(), prepared.selection().pattern(), prepared.selection().type(),
                prepared.scanCount());
        this.filter = prepared.filter();
        this.checks = prepared.checks();
    }

    /** Whether the walk is over. */
    boolean exhausted() {
        return scan.exhausted();
    }

    /** The matching keys of the next step (possibly none); call only while not {@link #exhausted()}. */
    List<String> next() {
        List<String> keys = scan.next().stream().filter(filter::admits).toList();
        if (!checks.active() || keys.isEmpty()) {
            return keys;
        }
        List<CompletionStage<List<String>>> replies = new ArrayList<>();
        for (List<String> group : topology.groups(keys, KeyChecks.GROUP)) {
            replies.add(checks.matching(group));
        }
        List<String> matched = new ArrayList<>(keys.size());
        for (CompletionStage<List<String>> reply : replies) {
            matched.addAll(Replies.await(store, "the key check script", reply));
        }
        return matched;
    }

    /** The walk as the plan shows it. */
    String describe() {
        return scan.describe();
    }
}
