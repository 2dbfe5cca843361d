package dev.lethe.config.internal;

import dev.lethe.core.policy.Schedule;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code schedule:} — {@code { every: 5m, jitter: 30s, atStartup: true }} or
 * {@code { cron: "0 4 * * *", zone: Europe/Berlin, atStartup: false }}.
 *
 * <p>A cron schedule without {@code zone} runs in UTC, not in the JVM's zone: the same config must not fire at
 * different hours depending on the machine the daemon landed on.
 */
final class ScheduleReader {

    private static final List<String> KEYS = List.of("every", "jitter", "cron", "zone", "atStartup");
    private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*/,?#-]+");

    private ScheduleReader() {
    }

    static Schedule read(Section schedule) {
        schedule.expectKeys(KEYS);
        boolean atStartup = schedule.flag("atStartup").orElse(false);
        if (schedule.has("every") && schedule.has("cron")) {
            throw schedule.error(schedule.entry("cron").orElseThrow().keyNode(),
                    "schedule takes either every or cron, not both");
        }
        if (schedule.has("every")) {
            onlyFor(schedule, "zone", "cron");
            Duration every = schedule.duration("every").orElseThrow();
            if (every.isZero()) {
                throw schedule.error(schedule.entry("every").orElseThrow().value(), "schedule.every must be longer than 0s");
            }
            return new Schedule.Every(every, schedule.duration("jitter").orElse(Duration.ZERO), atStartup);
        }
        if (schedule.has("cron")) {
            onlyFor(schedule, "jitter", "every");
            return new Schedule.Cron(cron(schedule), zone(schedule), atStartup);
        }
        throw schedule.error(schedule.at(), "schedule needs every (e.g. every: 5m) or cron (e.g. cron: \"0 4 * * *\")");
    }

    private static void onlyFor(Section schedule, String key, String kind) {
        schedule.entry(key).ifPresent(entry -> {
            throw schedule.error(entry.keyNode(), schedule.path(key) + " only applies with " + kind + ":");
        });
    }

    private static String cron(Section schedule) {
        Text cron = schedule.requireText("cron");
        String[] fields = cron.value().trim().split("\\s+");
        if (fields.length != 5) {
            throw schedule.error(cron.node(), "schedule.cron must have 5 fields (minute hour day-of-month month"
                    + " day-of-week), was '" + cron.shown() + "' with " + fields.length
                    + (fields.length == 6 ? "; there is no seconds field" : ""));
        }
        for (String field : fields) {
            if (!CRON_FIELD.matcher(field).matches()) {
                throw schedule.error(cron.node(), "schedule.cron field '" + field + "' is not a cron field;"
                        + " use numbers, names, * , - / ? L W #");
            }
        }
        return String.join(" ", fields);
    }

    private static ZoneId zone(Section schedule) {
        return schedule.text("zone").map(zone -> TimeZones.of(schedule, schedule.path("zone"), zone)).orElse(ZoneOffset.UTC);
    }
}
