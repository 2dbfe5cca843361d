package dev.lethe.server.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * A five-field UNIX cron expression ({@code minute hour day-of-month month day-of-week}) evaluated on the
 * wall clock of a zone.
 *
 * <p>Design note — daylight saving time. cron-utils only ever sees local date-times (it evaluates the
 * expression in UTC, where no day has a gap or a repeat); this class then maps each local fire time to an
 * instant with the zone's rules, so the DST behaviour is ours, written down and tested:
 * <ul>
 *   <li><b>Gap</b> (spring forward, e.g. 02:00–03:00 does not exist in Europe/Berlin on the last Sunday of
 *       March): a fire time inside the gap fires once, at the end of the gap (03:00 local). Several fire times
 *       inside one gap, and a fire time at the very end of it, coalesce into that one run.</li>
 *   <li><b>Repeat</b> (fall back, 02:00–03:00 happens twice on the last Sunday of October): a fire time in
 *       the repeated hour fires once, at its first occurrence (the summer-time offset), not again an hour
 *       later.</li>
 * </ul>
 * This is what classic cron daemons do for daily jobs, and it keeps "runs once a day" true on both days.
 */
public final class CronTimetable implements Timetable {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** Bounds the search past fire times that fall in the first occurrence of a repeated hour. */
    private static final int MAX_SKIPPED = 100_000;

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime execution;

    CronTimetable(String expression, ZoneId zone) {
        this.expression = expression;
        this.zone = zone;
        try {
            this.execution = ExecutionTime.forCron(PARSER.parse(expression.trim()).validate());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cron '" + expression + "' is not a valid 5-field cron expression: "
                    + e.getMessage(), e);
        }
        if (execution.nextExecution(ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)).isEmpty()) {
            throw new IllegalArgumentException("cron '" + expression + "' never fires");
        }
    }

    @Override
    public Instant nextAfter(Instant after) {
        ZonedDateTime cursor = LocalDateTime.ofInstant(after, zone).atZone(ZoneOffset.UTC);
        for (int i = 0; i < MAX_SKIPPED; i++) {
            ZonedDateTime local = execution.nextExecution(cursor).orElse(null);
            if (local == null) {
                return Instant.MAX;
            }
            Instant fire = firstInstantOf(local.toLocalDateTime());
            if (fire.isAfter(after)) {
                return fire;
            }
            cursor = local;
        }
        throw new IllegalStateException("cron '" + expression + "': no fire time found after " + after);
    }

    @Override
    public Instant nominalNextAfter(Instant after) {
        return nextAfter(after);
    }

    /** The instant a local fire time stands for: the end of a gap, or the first of two occurrences. */
    private Instant firstInstantOf(LocalDateTime local) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition == null) {
            return local.atZone(zone).toInstant();
        }
        if (transition.isGap()) {
            return transition.getInstant();
        }
        return local.toInstant(transition.getOffsetBefore());
    }

    @Override
    public String describe() {
        return "cron \"" + expression + "\" " + zone.getId();
    }
}
