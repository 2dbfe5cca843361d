package dev.lethe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command as a separate process and times all of it, under GNU {@code /usr/bin/time -v} when the
 * machine has it so the peak resident memory comes along. Output goes to files in the log directory, kept
 * for whoever reads a surprising figure.
 */
final class ExternalCommand {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    private ExternalCommand() {
    }

    /**
     * The outcome of one command.
     *
     * @param exitCode  the command's exit code
     * @param wallMs    from start to exit, measured here
     * @param stdout    everything it printed on standard output
     * @param stderr    everything it printed on standard error
     * @param maxRssKiB its peak resident memory, or null without GNU time
     */
    record Result(int exitCode, double wallMs, String stdout, String stderr, Long maxRssKiB) {
        /** The last lines of stderr, for an error message. */
        String stderrTail() {
            String[] lines = stderr.strip().split("\n");
            return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 15), lines.length));
        }
    }

    static Result run(List<String> command, Path logDir, String label) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path out = logDir.resolve(label + ".out");
        Path err = logDir.resolve(label + ".err");
        Path time = logDir.resolve(label + ".time");
        Files.deleteIfExists(time);
        List<String> full = new ArrayList<>();
        boolean measured = Files.isExecutable(GNU_TIME);
        if (measured) {
            full.addAll(List.of(GNU_TIME.toString(), "-v", "-o", time.toString()));
        }
        full.addAll(command);
        Process process = start(full, out, err);
        long start = System.nanoTime();
        int exit = process.waitFor();
        double wallMs = Stopwatch.millisSince(start);
        return new Result(exit, wallMs, Files.readString(out), Files.readString(err),
                measured ? maxRss(time) : null);
    }

    /**
     * Starts {@code command} with no input and its output in {@code out} and {@code err}, without waiting: for
     * a command that has to run beside another one (the concurrent workload of the impact scenario).
     */
    static Process start(List<String> command, Path out, Path err) throws IOException {
        return new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
    }

    private static Long maxRss(Path timeOutput) throws IOException {
        if (!Files.exists(timeOutput)) {
            return null;
        }
        Matcher m = MAX_RSS.matcher(Files.readString(timeOutput));
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }
}
