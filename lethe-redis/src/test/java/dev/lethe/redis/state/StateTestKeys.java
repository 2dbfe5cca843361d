package dev.lethe.redis.state;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;

/** Cleans up a test's state keys on a standalone server. */
final class StateTestKeys {

    private StateTestKeys() {
    }

    static void deleteAll(String url, String prefix) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
            RedisCommands<String, String> redis = connection.sync();
            String glob = prefix.replaceAll("([*?\\[\\]\\\\{}])", "\\\\$1") + "*";
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> reply = redis.scan(cursor, ScanArgs.Builder.matches(glob).limit(1000));
                if (!reply.getKeys().isEmpty()) {
                    redis.unlink(reply.getKeys().toArray(String[]::new));
                }
                cursor = reply;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
    }
}
