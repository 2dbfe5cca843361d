package dev.lethe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lethe as a user runs it: a fresh {@code java -jar lethe.jar run --config … --policy pending-uploads --json}
 * process. Two times come out of it: the engine's own {@code durationMs} from the JSON report, and the wall
 * time of the whole process, JVM start included. The JVM writes a gc log, so the live heap can be read too.
 */
final class LetheCli implements Contender {

    static final int BATCH_SIZE = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar;
    private final List<String> jvmOptions;
    private final Path workDir;

    LetheCli(Path jar, List<String> jvmOptions, Path workDir) {
        this.jar = jar.toAbsolutePath();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.workDir = workDir;
    }

    @Override
    public String name() {
        String options = jvmOptions.isEmpty() ? "" : ", " + String.join(" ", jvmOptions);
        return "Lethe (batch " + BATCH_SIZE + options + ")";
    }

    @Override
    public String description(BenchDatabase db) {
        return "java " + String.join(" ", jvmOptions) + (jvmOptions.isEmpty() ? "" : " ") + "-jar lethe.jar run --config "
                + "lethe-" + db.name() + ".yaml --policy " + Dataset.POLICY + " --json";
    }

    @Override
    public Optional<String> unavailable() {
        return Files.isRegularFile(jar) ? Optional.empty()
                : Optional.of(jar + " is not built (mvn -pl lethe-cli -am package -DskipTests)");
    }

    @Override
    public Timing run(BenchDatabase db) throws Exception {
        Path config = LetheConfig.write(workDir, db, BATCH_SIZE);
        Path logs = workDir.resolve("logs");
        String label = "lethe-" + db.name() + "-" + System.currentTimeMillis();
        Path gcLog = logs.resolve(label + "-gc.log");
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-Xlog:" + GcSummary.LOG_TAGS + ":file=" + gcLog);
        command.addAll(List.of("-jar", jar.toString(), "run", "--config", config.toString(),
                "--policy", Dataset.POLICY, "--json"));
        ExternalCommand.Result result = ExternalCommand.run(command, logs, label);
        if (result.exitCode() != 0 && result.exitCode() != 3) {
            throw new IllegalStateException("lethe exited " + result.exitCode() + ":\n" + result.stderrTail()
                    + "\n" + result.stdout().strip());
        }
        JsonNode run = report(result.stdout());
        String note = "status " + run.path("status").asText() + ", matched " + run.path("matched").asLong()
                + ", outcomes " + run.path("outcomes") + (run.path("warnings").isEmpty() ? "" : ", warnings " + run.path("warnings"))
                + (result.exitCode() == 3 ? ", exit 3 (partial)" : "");
        Instant engineStart = Instant.parse(run.path("startedAt").asText());
        return new Timing(result.wallMs(), run.path("durationMs").asDouble(), run.path("deleted").asLong(),
                result.maxRssKiB(), GcSummary.read(gcLog), note)
                .withEngineStart(ChronoUnit.MICROS.between(Instant.EPOCH, engineStart));
    }

    private static JsonNode report(String stdout) throws Exception {
        int start = stdout.indexOf('{');
        if (start < 0) {
            throw new IllegalStateException("lethe printed no JSON report: " + stdout.strip());
        }
        JsonNode runs = JSON.readTree(stdout.substring(start)).path("runs");
        if (runs.size() != 1) {
            throw new IllegalStateException("expected one run in lethe's report, got: " + stdout.strip());
        }
        return runs.get(0);
    }
}
