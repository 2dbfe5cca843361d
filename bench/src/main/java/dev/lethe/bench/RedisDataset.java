package dev.lethe.bench;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The Redis dataset of DESIGN.md: half of the keys are {@code mosaic:session:s{n}:msg{i}}, ten messages per
 * session, the other half {@code mosaic:channel:c{i}}. Every contender removes the session keys and must leave
 * exactly the channel keys. Written server-side by a Lua script, in chunks, so loading a million keys takes
 * seconds and no client round trip per key.
 */
final class RedisDataset {

    static final String PATTERN = "mosaic:session:*";
    static final String CHANNELS = "mosaic:channel:*";
    private static final int CHUNK = 100_000;
    private static final String LOAD = """
            local kind, from, to = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
            for n = from, to - 1 do
              if kind == 'session' then
                redis.call('SET', 'mosaic:session:s' .. math.floor(n / 10) .. ':msg' .. (n % 10), 'm')
              else
                redis.call('SET', 'mosaic:channel:c' .. n, 'c')
              end
            end
            return to - from""";

    private RedisDataset() {
    }

    /** Empties the server and writes {@code keys} keys, half sessions and half channels. */
    static void rebuild(RedisCommands<String, String> redis, long keys) {
        redis.flushall();
        long half = keys / 2;
        for (String kind : new String[] {"session", "channel"}) {
            for (long from = 0; from < half; from += CHUNK) {
                redis.eval(LOAD, ScriptOutputType.INTEGER, new String[0], kind, String.valueOf(from),
                        String.valueOf(Math.min(half, from + CHUNK)));
            }
        }
        if (redis.dbsize() != 2 * half) {
            throw new IllegalStateException("dataset: expected " + 2 * half + " keys, found " + redis.dbsize());
        }
    }

    /** Whether exactly the channel keys are left. */
    static String check(RedisCommands<String, String> redis, long keys) {
        long left = redis.dbsize();
        long sessions = RedisProbe.count(redis, PATTERN);
        return left == keys / 2 && sessions == 0 ? "ok"
                : "WRONG: " + left + " keys left (expected " + keys / 2 + "), " + sessions + " session keys left";
    }
}
