package dev.lethe.redis;

import dev.lethe.core.store.SweepPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

/**
 * Plans a key sweep with one full walk that changes nothing, in bounded memory: a count, the smallest
 * {@code sampleSize} matched keys, and a fixed-size reservoir of matched keys whose {@code MEMORY USAGE}
 * (one round trip per key, so never asked of every key) gives the estimated bytes. The total is the sum of
 * {@code DBSIZE} over the masters.
 *
 * <p>{@code SCAN} may return a key twice while the server resizes its table, so the count can exceed the
 * number of distinct keys by those few; batches count only what they actually remove.
 */
final class KeyPlanner {

    private static final int BYTES_SAMPLE = 64;

    private final PreparedSelection prepared;
    private final String store;
    private final RedisTopology topology;
    private final KeyOutcomes outcomes;

    KeyPlanner(PreparedSelection prepared) {
        this.prepared = prepared;
        this.store = prepared.store();
        this.topology = prepared.topology();
        this.outcomes = prepared.outcomes();
    }

    SweepPlan plan(int sampleSize) {
        MatchingKeys scan = prepared.walk();
        TreeSet<String> sample = new TreeSet<>();
        List<String> reservoir = new ArrayList<>(BYTES_SAMPLE);
        Random random = new Random(42);
        long matched = 0;
        Map<String, Long> counts = new LinkedHashMap<>();
        while (!scan.exhausted()) {
            for (String key : scan.next()) {
                matched++;
                String label = outcomes.labelOf(key);
                if (!label.equals(KeyOutcomes.NONE)) {
                    counts.merge(label, 1L, Long::sum);
                }
                sample.add(key);
                if (sample.size() > sampleSize) {
                    sample.pollLast();
                }
                if (reservoir.size() < BYTES_SAMPLE) {
                    reservoir.add(key);
                } else if (random.nextLong(matched) < BYTES_SAMPLE) {
                    reservoir.set(random.nextInt(BYTES_SAMPLE), key);
                }
            }
        }
        long total = 0;
        for (RedisTopology.Master master : topology.masters()) {
            total += Replies.await(store, "DBSIZE on " + master.id(), master.commands().dbsize());
        }
        List<String> statements = new ArrayList<>();
        statements.add(scan.describe());
        statements.addAll(prepared.filter().describe());
        statements.addAll(outcomes.describe());
        statements.add(prepared.removal().describe());
        return new SweepPlan(matched, total, counts, List.copyOf(sample), estimatedBytes(reservoir, matched), statements);
    }

    private OptionalLong estimatedBytes(List<String> reservoir, long matched) {
        if (reservoir.isEmpty()) {
            return matched == 0 ? OptionalLong.of(0) : OptionalLong.empty();
        }
        List<CompletionStage<Long>> replies = reservoir.stream().map(key -> topology.commands().memoryUsage(key))
                .map(reply -> (CompletionStage<Long>) reply).toList();
        long bytes = 0;
        int seen = 0;
        for (CompletionStage<Long> reply : replies) {
            Long usage = Replies.await(store, "MEMORY USAGE", reply);
            if (usage != null) {
                bytes += usage;
                seen++;
            }
        }
        return seen == 0 ? OptionalLong.empty() : OptionalLong.of(Math.round((double) bytes / seen * matched));
    }
}
