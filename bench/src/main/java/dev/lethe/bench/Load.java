package dev.lethe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run-queue load averages over 1, 5 and 15 minutes, as {@code uptime} prints them. Recorded before and
 * after every timing: on a 2-core machine shared with compilers, a 1-minute load above 1 means the figure
 * was measured against other work.
 */
record Load(double one, double five, double fifteen) {

    static Load now() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new Load(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        } catch (IOException | RuntimeException e) {
            return new Load(Double.NaN, Double.NaN, Double.NaN);
        }
    }

    @Override
    public String toString() {
        return String.format("%.2f %.2f %.2f", one, five, fifteen);
    }
}
