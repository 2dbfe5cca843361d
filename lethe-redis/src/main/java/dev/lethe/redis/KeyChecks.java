package dev.lethe.redis;

import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.store.PolicyRejectedException;
import dev.lethe.core.store.ReferenceTime;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The server-side filters of a key selection — {@code type}, {@code withoutTtl}, {@code idleLongerThan} —
 * evaluated by one Lua script per group of keys, so that a key is checked and removed in one atomic step: a
 * key that was read, got a TTL or changed type since the walk saw it is left alone.
 *
 * <p>Idle time is judged against the run's frozen reference time, not the moment of the check: a key matches
 * when its last access lies before {@code now - idleLongerThan}, i.e. when {@code OBJECT IDLETIME} exceeds the
 * threshold plus the time elapsed since the run started (read with {@code TIME} inside the script).
 */
final class KeyChecks {

    /** Keys per script call: each call holds the server for a few microseconds per key. */
    static final int GROUP = 100;

    private static final String SCRIPT = """
            local wanted, idle, reference = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
            local noTtl, remove = ARGV[4] == '1', ARGV[5] == '1'
            local elapsed = 0
            if idle >= 0 then
              local t = redis.call('TIME')
              elapsed = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) - reference
            end
            local matched = {}
            for _, key in ipairs(KEYS) do
              local ok = wanted == '' or redis.call('TYPE', key)['ok'] == wanted
              if ok and noTtl then ok = redis.call('PTTL', key) == -1 end
              if ok and idle >= 0 then
                local seconds = redis.call('OBJECT', 'IDLETIME', key)
                ok = seconds ~= false and seconds * 1000 > idle + elapsed
              end
              if ok and remove then ok = redis.call('UNLINK', key) == 1 end
              if ok then matched[#matched + 1] = key end
            end
            if remove then return #matched end
            return matched
            """;

    private final String store;
    private final RedisTopology topology;
    private final KeySelection selection;
    private final String[] arguments;
    private final String digest;

    KeyChecks(String store, RedisTopology topology, KeySelection selection, ReferenceTime now) {
        this.store = store;
        this.topology = topology;
        this.selection = selection;
        this.arguments = new String[] {selection.type().orElse(""),
                String.valueOf(selection.idleLongerThan().map(java.time.Duration::toMillis).orElse(-1L)),
                String.valueOf(now.instant().toEpochMilli()), selection.withoutTtl() ? "1" : "0", "0"};
        this.digest = topology.commands().digest(SCRIPT);
    }

    /** Whether any filter needs the server; without one, the key pattern alone decides and UNLINK suffices. */
    boolean active() {
        return selection.type().isPresent() || selection.idleLongerThan().isPresent() || selection.withoutTtl();
    }

    /**
     * Rejects an idle filter on a server that does not track idle time (an LFU eviction policy). A server that
     * hides {@code CONFIG} is given the benefit of the doubt.
     */
    void verify(String policy) {
        if (selection.idleLongerThan().isEmpty()) {
            return;
        }
        for (RedisTopology.Master master : topology.masters()) {
            String eviction;
            try {
                Map<String, String> config = Replies.await(store, "CONFIG GET", master.commands().configGet("maxmemory-policy"));
                eviction = config.getOrDefault("maxmemory-policy", "");
            } catch (Replies.Rejected e) {
                continue;
            }
            if (eviction.toLowerCase(Locale.ROOT).contains("lfu")) {
                throw new PolicyRejectedException("policy '" + policy + "': idleLongerThan needs OBJECT IDLETIME, which"
                        + " store '" + store + "' does not track under maxmemory-policy " + eviction);
            }
        }
    }

    /** The keys of {@code group} (one slot in a cluster) that pass the filters now. Changes nothing. */
    CompletionStage<List<String>> matching(List<String> group) {
        return call(group, ScriptOutputType.MULTI, "0");
    }

    /** Removes the keys of {@code group} that pass the filters now, in one atomic step; the number removed. */
    CompletionStage<Long> unlinkMatching(List<String> group) {
        return call(group, ScriptOutputType.INTEGER, "1");
    }

    /** How the plan describes the check, for its statements. */
    String describe() {
        return "EVALSHA " + digest + " (per ≤" + GROUP + " keys: TYPE / PTTL / OBJECT IDLETIME re-checked, then UNLINK,"
                + " atomically)";
    }

    private <T> CompletionStage<T> call(List<String> group, ScriptOutputType type, String remove) {
        String[] keys = group.toArray(String[]::new);
        String[] args = arguments.clone();
        args[4] = remove;
        RedisClusterAsyncCommands<String, String> commands = topology.commands();
        CompletionStage<T> sha = commands.evalsha(digest, type, keys, args);
        // A server that lost its script cache (restart, failover, SCRIPT FLUSH) gets the script itself once.
        return sha.handle((value, error) -> error == null ? CompletableFuture.completedStage(value)
                        : noScript(error) ? commands.<T>eval(SCRIPT, type, keys, args) : CompletableFuture.<T>failedStage(error))
                .thenCompose(Function.identity());
    }

    private static boolean noScript(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause instanceof RedisNoScriptException;
    }
}
