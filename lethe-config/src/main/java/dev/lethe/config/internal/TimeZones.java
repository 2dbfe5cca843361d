package dev.lethe.config.internal;

import dev.lethe.config.ClosestName;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Zone ids as the config accepts them ({@code schedule.zone}, a store's {@code timeZone}): IANA names or offsets. */
final class TimeZones {

    private TimeZones() {
    }

    static ZoneId of(Section section, String path, Text zone) {
        try {
            return ZoneId.of(zone.value());
        } catch (DateTimeException e) {
            String hint = ClosestName.among(zone.value(), ZoneId.getAvailableZoneIds().stream().sorted().toList())
                    .map(z -> "did you mean '" + z + "'? ").orElse("");
            throw section.error(zone.node(), path + " '" + zone.shown() + "' is not a time zone; " + hint
                    + "use an IANA zone id such as Europe/Berlin, an offset such as +09:00, or UTC");
        }
    }
}
