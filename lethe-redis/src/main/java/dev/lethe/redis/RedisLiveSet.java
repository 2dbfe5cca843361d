package dev.lethe.redis;

import dev.lethe.core.store.LiveOwners;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ValueScanCursor;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Live owners listed as the members of a Redis set. The snapshot is read with {@code SSCAN} (bounded steps, so
 * a large set never blocks the server); a recheck asks {@code SMISMEMBER} about the candidates only.
 */
final class RedisLiveSet implements LiveOwners {

    private static final int RECHECK_GROUP = 1000;

    private final String store;
    private final RedisClusterAsyncCommands<String, String> commands;
    private final String key;
    private final Set<String> snapshot;

    private RedisLiveSet(String store, RedisClusterAsyncCommands<String, String> commands, String key, Set<String> snapshot) {
        this.store = store;
        this.commands = commands;
        this.key = key;
        this.snapshot = snapshot;
    }

    /** Reads the members of set {@code key}; a missing key is an empty set (which the inventory floor refuses). */
    static RedisLiveSet read(String store, RedisClusterAsyncCommands<String, String> commands, String key, int count) {
        Set<String> members = new HashSet<>();
        ScanArgs args = ScanArgs.Builder.limit(count);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ValueScanCursor<String> reply = Replies.await(store, "SSCAN " + key, commands.sscan(key, cursor, args));
            members.addAll(reply.getValues());
            cursor = reply;
        } while (!cursor.isFinished());
        return new RedisLiveSet(store, commands, key, members);
    }

    @Override
    public int size() {
        return snapshot.size();
    }

    @Override
    public boolean contains(String owner) {
        return snapshot.contains(owner);
    }

    @Override
    public Set<String> recheck(Collection<String> candidates) {
        List<String> asked = List.copyOf(candidates);
        Set<String> live = new HashSet<>();
        for (List<String> group : RedisTopology.chunks(asked, RECHECK_GROUP)) {
            List<Boolean> members = Replies.await(store, "SMISMEMBER " + key,
                    commands.smismember(key, group.toArray(String[]::new)));
            for (int i = 0; i < group.size(); i++) {
                if (members.get(i)) {
                    live.add(group.get(i));
                }
            }
        }
        return live;
    }

    @Override
    public String toString() {
        return "set " + key + " on store " + store + " (" + snapshot.size() + " members)";
    }
}
