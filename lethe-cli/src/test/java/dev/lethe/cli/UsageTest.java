package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configs and bad command lines: exit code 2 and exactly one line on stderr, no stack trace. */
class UsageTest {

    @TempDir
    Path dir;

    @Test
    void configErrorIsOneLineWithFileLineAndColumn() throws IOException {
        Path config = write("""
                stores:
                  app: { type: sqlite, path: app.db }
                policies:
                  old:
                    store: app
                    table: t
                    key: id
                    wehre: "x < 1"
                """);
        for (String command : new String[] {"validate", "plan", "run", "history"}) {
            Cli.Result result = Cli.run(command, "--config", config.toString());
            assertThat(result.exitCode()).as(command + "\n" + result).isEqualTo(2);
            assertThat(result.errLines()).as(command).hasSize(1);
            assertThat(result.err()).startsWith(config + ":8:5: ").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void stacktraceShowsWhereAConfigErrorCameFrom() throws IOException {
        Path config = write("policies: [\n");
        Cli.Result result = Cli.run("validate", "--config", config.toString(), "--stacktrace");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines().get(0)).startsWith(config.toString());
        assertThat(result.err()).contains("ConfigException").contains("\tat ");
    }

    @Test
    void missingConfigFileNamesTheSwitch() {
        Cli.Result result = Cli.run("plan", "--config", dir.resolve("nope.yaml").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(dir.resolve("nope.yaml") + ": no such config file (pass --config FILE)");
    }

    @Test
    void unknownPolicySuggestsTheClosestName() throws IOException {
        Path config = write(Configs.sqlite(dir.resolve("app.db")));
        for (String command : new String[] {"validate", "plan", "run", "history"}) {
            Cli.Result result = Cli.run(command, "--config", config.toString(), "--policy", "pending-uplods");
            assertThat(result.exitCode()).as(command + "\n" + result).isEqualTo(2);
            assertThat(result.errLines()).as(command).singleElement().asString()
                    .contains("no policy named 'pending-uplods'")
                    .contains("did you mean 'pending-uploads'?");
        }
    }

    @Test
    void unknownOptionIsOneLineWithASuggestion() {
        Cli.Result result = Cli.run("run", "--dryrun");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .contains("Unknown option: '--dryrun'").contains("--dry-run").contains("lethe run --help");
    }

    @Test
    void unknownCommandAndNoCommandAreUsageErrors() {
        Cli.Result unknown = Cli.run("sweep");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines()).hasSize(1);
        Cli.Result none = Cli.run();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Usage: lethe");
    }

    @Test
    void redisStateStoreIsAcceptedThroughTheRedisModuleInTheJar() throws IOException {
        Path config = write("state: redis://127.0.0.1:6379\n" + Configs.sqlite(dir.resolve("app.db")));
        Cli.Result result = Cli.run("validate", "--config", config.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Cli.Result result = Cli.run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("validate", "plan", "run", "history", "serve", "Exit codes:", "partial")
                .doesNotContain("demo");
        for (String command : new String[] {"validate", "plan", "run", "history"}) {
            Cli.Result help = Cli.run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).startsWith("Usage: lethe " + command).contains("--config=FILE", "--policy=NAME", "--json");
        }
    }

    @Test
    void versionNamesTheBuild() {
        Cli.Result result = Cli.run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("lethe 0.").doesNotContain("${");
    }

    private Path write(String yaml) throws IOException {
        Path config = dir.resolve("lethe.yaml");
        Files.writeString(config, yaml);
        return config;
    }
}
