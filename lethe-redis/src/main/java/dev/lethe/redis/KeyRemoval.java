package dev.lethe.redis;

import dev.lethe.core.store.BatchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Removes one batch of keys with pipelined commands: every group is sent before any reply is awaited. Without
 * server-side filters a group is one {@code UNLINK k1 … kn}; with them, one check-and-unlink script call
 * ({@link KeyChecks}). The count is the sum of what the server reports as removed, so a key that is already
 * gone — removed by its TTL, by someone else, or returned twice by {@code SCAN} and removed the first time —
 * is not counted. Keys of different outcome labels ({@link KeyOutcomes}) never share a command, so each label's
 * count is exact too.
 *
 * <p>A group the server refuses (an error reply) is counted as failed and the batch goes on; a lost
 * connection ends the run.
 */
final class KeyRemoval {

    /** Keys per UNLINK: freeing 1,000 small keys takes the server well under a millisecond. */
    static final int UNLINK_GROUP = 1000;

    private final String store;
    private final RedisTopology topology;
    private final KeyChecks checks;
    private final KeyOutcomes outcomes;

    KeyRemoval(String store, RedisTopology topology, KeyChecks checks, KeyOutcomes outcomes) {
        this.store = store;
        this.topology = topology;
        this.checks = checks;
        this.outcomes = outcomes;
    }

    BatchResult remove(List<String> keys) {
        boolean checked = checks.active();
        List<String> labels = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        outcomes.classify(keys).forEach((label, labelled) -> {
            for (List<String> group : topology.groups(labelled, checked ? KeyChecks.GROUP : UNLINK_GROUP)) {
                labels.add(label);
                groups.add(group);
            }
        });
        List<CompletionStage<Long>> replies = new ArrayList<>(groups.size());
        for (List<String> group : groups) {
            replies.add(checked ? checks.unlinkMatching(group) : topology.commands().unlink(group.toArray(String[]::new)));
        }
        long removed = 0;
        long failed = 0;
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            try {
                long n = Replies.await(store, checked ? "the check-and-unlink script" : "UNLINK", replies.get(i));
                removed += n;
                if (!labels.get(i).equals(KeyOutcomes.NONE)) {
                    counts.merge(labels.get(i), n, Long::sum);
                }
            } catch (Replies.Rejected e) {
                failed += groups.get(i).size();
                if (!errors.contains(e.getMessage())) {
                    errors.add(e.getMessage());
                }
            }
        }
        return new BatchResult(removed, counts, failed, 0, Map.of(), List.of(), errors);
    }

    /** How the plan describes removal, for its statements. */
    String describe() {
        return checks.active() ? checks.describe()
                : "UNLINK key [key …] (≤" + UNLINK_GROUP + " keys per command" + (topology.masters().size() > 1
                        ? ", one hash slot per command" : "") + ", pipelined)";
    }
}
