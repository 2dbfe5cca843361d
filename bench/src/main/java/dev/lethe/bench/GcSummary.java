package dev.lethe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM's {@code -Xlog:gc} file says about its heap: how many collections, the fullest the heap got
 * before one, and the most it still held after one (the live set, the figure that must not grow with the
 * number of items swept).
 *
 * <p>A sweep that allocates little may finish with few or no collections after start-up, so the heap in use at
 * exit ({@code -Xlog:gc+heap+exit}) is kept too: it includes everything the sweep allocated since the last one.
 *
 * @param collections       collections logged
 * @param peakBeforeGcKiB   largest heap use seen just before a collection
 * @param peakAfterGcKiB    largest heap use left just after a collection
 * @param heapCapacityKiB   largest committed heap seen
 * @param usedAtExitKiB     heap in use when the JVM exited, or 0 when not logged
 * @param metaspaceKiB      metaspace in use at exit (classes: the same at any size), or 0 when not logged
 */
record GcSummary(int collections, long peakBeforeGcKiB, long peakAfterGcKiB, long heapCapacityKiB, long usedAtExitKiB,
                 long metaspaceKiB) {

    /** The -Xlog selection {@link #read} understands. */
    static final String LOG_TAGS = "gc,gc+heap+exit";

    /** {@code 23M->2M(64M)} in a unified-logging gc line. */
    private static final Pattern CHANGE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    /** {@code garbage-first heap   total 65536K, used 12288K} in the exit report. */
    private static final Pattern EXIT_HEAP = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final Pattern EXIT_METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");

    /** Reads a {@code -Xlog:gc:file=…} log; null when there is none. */
    static GcSummary read(Path log) throws IOException {
        if (!Files.exists(log)) {
            return null;
        }
        int count = 0;
        long before = 0;
        long after = 0;
        long capacity = 0;
        long exitHeap = 0;
        long metaspace = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher heap = EXIT_HEAP.matcher(line);
            if (heap.find()) {
                exitHeap = Long.parseLong(heap.group(1));
                continue;
            }
            Matcher meta = EXIT_METASPACE.matcher(line);
            if (meta.find()) {
                metaspace = Long.parseLong(meta.group(1));
                continue;
            }
            Matcher m = CHANGE.matcher(line);
            if (m.find()) {
                count++;
                before = Math.max(before, kib(m.group(1), m.group(2)));
                after = Math.max(after, kib(m.group(3), m.group(4)));
                capacity = Math.max(capacity, kib(m.group(5), m.group(6)));
            }
        }
        return new GcSummary(count, before, after, capacity, exitHeap, metaspace);
    }

    private static long kib(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n;
            case "M" -> n * 1024;
            default -> n * 1024 * 1024;
        };
    }
}
