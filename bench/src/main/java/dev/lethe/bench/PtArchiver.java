package dev.lethe.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Percona's {@code pt-archiver} purging in bulk: it selects {@value #LIMIT} keys at a time in key order and
 * deletes them with one ranged {@code DELETE}, committing each chunk. It is the tool MariaDB/MySQL operators
 * reach for, and the bar Lethe has to clear there.
 */
final class PtArchiver implements Contender {

    static final int LIMIT = 5000;
    private static final Pattern DELETED = Pattern.compile("(?m)^DELETE (\\d+)$");

    private final Path logDir;

    PtArchiver(Path workDir) {
        this.logDir = workDir.resolve("logs");
    }

    @Override
    public String name() {
        return "pt-archiver (limit " + LIMIT + ")";
    }

    private static List<String> command(BenchDatabase db) {
        return List.of("pt-archiver",
                "--source", "h=" + MariaDbDatabase.HOST + ",P=" + MariaDbDatabase.PORT + ",u=" + MariaDbDatabase.USER + ",A=utf8mb4"
                        + ",D=" + MariaDbDatabase.DATABASE + ",t=" + Dataset.TABLE,
                "--purge", "--bulk-delete", "--commit-each", "--limit", String.valueOf(LIMIT),
                "--where", db.eligiblePredicate(), "--statistics");
    }

    @Override
    public String description(BenchDatabase db) {
        List<String> c = command(db);
        return String.join(" ", c.subList(0, c.size() - 3)) + " --where \"" + db.eligiblePredicate() + "\" --statistics";
    }

    @Override
    public Optional<String> unavailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "pt-archiver"))) {
                return Optional.empty();
            }
        }
        return Optional.of("pt-archiver is not installed (apt-get install percona-toolkit); bench/run.sh installs it"
                + " when it can");
    }

    @Override
    public Timing run(BenchDatabase db) throws Exception {
        ExternalCommand.Result result = ExternalCommand.run(command(db), logDir,
                "pt-archiver-" + System.currentTimeMillis());
        if (result.exitCode() != 0) {
            throw new IllegalStateException("pt-archiver exited " + result.exitCode() + ":\n" + result.stderrTail());
        }
        Matcher m = DELETED.matcher(result.stdout());
        Long deleted = m.find() ? Long.parseLong(m.group(1)) : null;
        return new Timing(result.wallMs(), null, deleted, result.maxRssKiB(), null,
                statistics(result.stdout()));
    }

    /** The per-action time table pt-archiver prints with --statistics, on one line. */
    private static String statistics(String stdout) {
        int at = stdout.indexOf("Action");
        return at < 0 ? null : stdout.substring(at).strip().replaceAll("\\s*\\n\\s*", "; ").replaceAll(" +", " ");
    }
}
