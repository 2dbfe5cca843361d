package dev.lethe.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server time per command from {@code INFO commandstats} (reset before each contender): how much work the server
 * did for a contender, apart from the round trips and the client. Commands a Lua script runs are counted both
 * under their own name and inside the script's {@code EVAL}, so with a script the total is the script's time
 * (plus any {@code SCAN}); the probe's {@code PING}s and the harness's own admin commands are left out.
 *
 * @param usec  microseconds per command, in the order the server lists them
 * @param calls calls per command
 */
record RedisServerTime(Map<String, Long> usec, Map<String, Long> calls) {

    private static final Pattern LINE = Pattern.compile("cmdstat_([^:]+):calls=(\\d+),usec=(\\d+)");
    private static final java.util.Set<String> ADMIN = java.util.Set.of("ping", "info", "config|set", "config|resetstat",
            "slowlog|reset", "slowlog|get", "config", "slowlog", "client|setname", "hello", "client");

    static RedisServerTime parse(String info) {
        Map<String, Long> usec = new LinkedHashMap<>();
        Map<String, Long> calls = new LinkedHashMap<>();
        Matcher m = LINE.matcher(info);
        while (m.find()) {
            if (!ADMIN.contains(m.group(1))) {
                calls.put(m.group(1), Long.parseLong(m.group(2)));
                usec.put(m.group(1), Long.parseLong(m.group(3)));
            }
        }
        return new RedisServerTime(usec, calls);
    }

    /** Total server time in milliseconds, script-called commands counted once. */
    double totalMs() {
        boolean scripted = usec.containsKey("eval") || usec.containsKey("evalsha");
        long total = scripted ? usec.getOrDefault("eval", 0L) + usec.getOrDefault("evalsha", 0L)
                + usec.getOrDefault("scan", 0L) : usec.values().stream().mapToLong(Long::longValue).sum();
        return total / 1000.0;
    }

    /** E.g. {@code scan 1000× 0.93 s, unlink 500× 0.25 s}. */
    String describe() {
        StringBuilder text = new StringBuilder();
        usec.forEach((command, micros) -> text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                "%s %,d× %.3f s", command, calls.get(command), micros / 1e6)));
        return text.length() == 0 ? "—" : text.toString();
    }
}
