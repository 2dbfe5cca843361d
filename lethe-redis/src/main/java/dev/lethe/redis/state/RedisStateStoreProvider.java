package dev.lethe.redis.state;

import dev.lethe.core.history.RunHistory;
import dev.lethe.core.lease.LeaseStore;
import dev.lethe.core.state.StateStoreProvider;
import java.util.Locale;

/**
 * Opens Redis state stores: {@code state: redis://host:6379} (or {@code rediss://}; comma-separated URIs for a
 * cluster). Keys live under {@value StateKeys#DEFAULT_PREFIX}, or {@code {NAME}:} with {@code ?prefix=NAME}.
 */
public final class RedisStateStoreProvider implements StateStoreProvider {

    @Override
    public boolean accepts(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("redis://") || lower.startsWith("rediss://");
    }

    @Override
    public RunHistory openHistory(String url) {
        return new RedisRunHistory(url);
    }

    @Override
    public LeaseStore openLeases(String url) {
        return new RedisLeaseStore(url);
    }
}
