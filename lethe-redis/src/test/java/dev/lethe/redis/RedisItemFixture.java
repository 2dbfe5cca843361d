package dev.lethe.redis;

import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.policy.Selection;
import dev.lethe.core.store.Store;
import dev.lethe.testsupport.StoreFixture;
import io.lettuce.core.RestoreArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The contract's items as string keys under a private prefix: {@code <prefix><id, zero-padded>:<state>}, so key
 * order follows id order; an item's age is its idle time (written with {@code RESTORE … IDLETIME}), selected with
 * {@code idleLongerThan}; states are outcome globs on the key's last segment.
 */
final class RedisItemFixture implements StoreFixture {

    private final RedisDeployment redis;
    private final String prefix = "lethe-contract:" + UUID.randomUUID() + ":";

    RedisItemFixture(RedisDeployment redis) {
        this.redis = redis;
    }

    @Override
    public String storeName() {
        return "cache";
    }

    @Override
    public Store openStore() {
        return new RedisStoreProvider().open(redis.spec(storeName()));
    }

    @Override
    public void createItems(Collection<Item> items) {
        for (Item item : items) {
            String key = prefix + String.format(Locale.ROOT, "%010d", item.id()) + ":" + (item.state() == null ? "-" : item.state());
            redis.keys().set(key, "v");
            byte[] dump = redis.keys().dump(key);
            redis.keys().restore(key, dump, new RestoreArgs().replace().idleTime(item.age().toSeconds()));
        }
    }

    @Override
    public Set<Long> remainingIds() {
        return redis.scan(Glob.escape(prefix) + "*").stream()
                .map(key -> Long.parseLong(key.substring(prefix.length(), prefix.length() + 10)))
                .collect(Collectors.toSet());
    }

    @Override
    public Selection olderThan(Duration age, List<String> outcomeStates) {
        KeySelection selection = KeySelection.matching(Glob.escape(prefix) + "*").idleLongerThan(age);
        for (String state : outcomeStates) {
            selection = selection.withOutcome(state, "*:" + Glob.escape(state));
        }
        return selection;
    }

    @Override
    public void makeYoung(long id) {
        redis.keys().get(keyOf(id));
    }

    @Override
    public Instant storeNow() {
        return Instant.ofEpochMilli(redis.timeMillis());
    }

    @Override
    public String keyOf(long id) {
        String start = prefix + String.format(Locale.ROOT, "%010d", id) + ":";
        return redis.scan(Glob.escape(start) + "*").stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no item " + id));
    }

    @Override
    public void close() {
        redis.deleteAll(Glob.escape(prefix));
    }
}
