package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.config.ConfigLoader;
import dev.lethe.config.LetheConfig;
import dev.lethe.core.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every YAML under examples/ loads, and the SQL scenarios of DESIGN.md each have one. */
class ExamplesTest {

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Repository.root().resolve("examples"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void loads(Path example) {
        LetheConfig config = ConfigLoader.load(example, Map.of("APP_DB_PASSWORD", "example"));
        assertThat(config.policies()).isNotEmpty();
        String name = example.getFileName().toString().replace(".yaml", "");
        assertThat(config.policies()).extracting(Policy::name).as("named after its file").contains(name);
    }

    @Test
    void everySqlScenarioHasAnExample() throws IOException {
        List<String> names = examples().map(p -> p.getFileName().toString()).toList();
        assertThat(names).contains("pending-uploads.yaml", "demote-logs.yaml", "old-notes.yaml");
    }
}
