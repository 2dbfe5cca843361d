package dev.lethe.redis;

import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.policy.LiveSource;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.store.LiveOwners;
import dev.lethe.core.store.PolicyRejectedException;
import dev.lethe.core.store.ReferenceTime;
import dev.lethe.core.store.Store;
import dev.lethe.core.store.Sweep;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A Redis or Valkey server, or a Redis Cluster, holding keys. Policies select keys with a
 * {@link KeySelection}; the only action is {@code delete}. Keys are walked with {@code SCAN} on every master
 * and removed with pipelined {@code UNLINK}; {@code KEYS} is never sent. The reference time of a run is the
 * server's {@code TIME} (UTC: Redis has no session time zone). A store can also list the live owners of an
 * orphan sweep from a Redis set ({@code live: {store, set}}).
 *
 * <p>Keys are read and written as UTF-8 text.
 */
public final class RedisStore implements Store {

    /** {@code SCAN ... COUNT} by default: about a millisecond of server time per step. */
    public static final int DEFAULT_SCAN_COUNT = 1000;

    private final String name;
    private final RedisTopology topology;
    private final int scanCount;

    RedisStore(String name, RedisTopology topology, int scanCount) {
        this.name = name;
        this.topology = topology;
        this.scanCount = scanCount;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ReferenceTime referenceTime() {
        List<String> time = Replies.await(name, "TIME", topology.masters().get(0).commands().time());
        Instant instant = Instant.ofEpochSecond(Long.parseLong(time.get(0)), Long.parseLong(time.get(1)) * 1000);
        return new ReferenceTime(instant, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    public Sweep prepare(Policy policy, ReferenceTime now) {
        return prepare(policy, now, LiveOwners.NONE);
    }

    @Override
    public Sweep prepare(Policy policy, ReferenceTime now, LiveOwners live) {
        if (!(policy.selection() instanceof KeySelection selection)) {
            throw new PolicyRejectedException("policy '" + policy.name() + "': store '" + name + "' is a Redis store"
                    + " and selects keys ('keys: pattern'), not " + policy.selection().describe());
        }
        if (!(policy.action() instanceof Action.Delete)) {
            throw new PolicyRejectedException("policy '" + policy.name() + "': store '" + name + "' can only delete keys;"
                    + " '" + (policy.action() instanceof Action.Update ? "update" : "moveTo") + "' is for SQL stores");
        }
        if (selection.orphans().isPresent() && live == LiveOwners.NONE) {
            throw new PolicyRejectedException("policy '" + policy.name() + "' is an orphan sweep: prepare it with the"
                    + " live owners read by the engine");
        }
        KeyChecks checks = new KeyChecks(name, topology, selection, now);
        checks.verify(policy.name());
        return new KeySweep(new PreparedSelection(name, topology, selection, new KeyFilter(selection, live), checks,
                new KeyOutcomes(selection), scanCount));
    }

    @Override
    public LiveOwners liveOwners(LiveSource source) {
        if (source instanceof LiveSource.SetMembers set) {
            return RedisLiveSet.read(name, topology.commands(), set.key(), scanCount);
        }
        return Store.super.liveOwners(source);
    }

    /** The servers behind this store, for the state store and tests in this module. */
    RedisTopology topology() {
        return topology;
    }

    @Override
    public void close() {
        topology.close();
    }

    @Override
    public String toString() {
        return "RedisStore[" + name + ", " + topology.describe() + "]";
    }
}
