package dev.lethe.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad configs under src/test/resources/bad: each file's first line is
 * {@code # expect: line:col: message}, and loading it must fail with exactly that.
 */
class BadConfigTest {

    private static final String EXPECT = "# expect: ";
    /** Set for every bad config, so that a message leaking a resolved secret would be caught. */
    private static final String SECRET = "s3cret-pw";
    private static final Map<String, String> ENV = Map.of("APP_DB_PASSWORD", SECRET);

    static Stream<String> badConfigs() throws IOException {
        try (Stream<Path> files = Files.list(ConfigFiles.resource("bad"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusIsLargeEnoughToMeanSomething() throws IOException {
        assertThat(badConfigs().count()).isGreaterThanOrEqualTo(35);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void failsWithTheExpectedLocatedMessage(String name) throws IOException {
        Path file = ConfigFiles.resource("bad/" + name);
        String firstLine = Files.readAllLines(file).get(0);
        assertThat(firstLine).as("first line of %s", name).startsWith(EXPECT);
        String expected = firstLine.substring(EXPECT.length());
        Map<String, String> env = name.equals("env-unset.yaml") ? Map.of() : ENV;

        ConfigException e = catchThrowableOfType(() -> ConfigLoader.load(file, env), ConfigException.class);

        assertThat(e).as("%s must be rejected", name).isNotNull();
        assertThat(e.getMessage()).isEqualTo(file + ":" + expected);
        assertThat(e.line() + ":" + e.column() + ": " + e.reason()).isEqualTo(expected);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("\n");
    }

    @Test
    void aZeroByteFileIsEmptyAtItsFirstLine(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("lethe.yaml"), new byte[0]);
        ConfigException e = catchThrowableOfType(() -> ConfigLoader.load(file, ENV), ConfigException.class);
        assertThat(e.getMessage())
                .isEqualTo(file + ":1:1: the config is empty; it needs at least a 'stores:' and a 'policies:' section");
    }

    @Test
    void aControlCharacterIsReportedWhereItIs(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("lethe.yaml"), "stores: {}\npolicies: \u0001\n");
        ConfigException e = catchThrowableOfType(() -> ConfigLoader.load(file, ENV), ConfigException.class);
        assertThat(e.getMessage()).isEqualTo(file + ":2:11: YAML syntax error: special characters are not allowed (U+0001)");
    }

    @Test
    void aFileThatIsNotUtf8IsReportedWithoutAPosition(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("lethe.yaml"), new byte[] {'s', ':', ' ', (byte) 0xff, '\n'});
        ConfigException e = catchThrowableOfType(() -> ConfigLoader.load(file, ENV), ConfigException.class);
        assertThat(e.getMessage()).isEqualTo(file + ": not a UTF-8 text file");
    }

    @Test
    void aMissingFileIsReportedWithoutAPosition(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        ConfigException e = catchThrowableOfType(() -> ConfigLoader.load(file, ENV), ConfigException.class);
        assertThat(e.getMessage()).isEqualTo(file + ": no such file");
        assertThat(List.of(e.line(), e.column())).containsExactly(0, 0);
    }

    @Test
    void aSecretFromTheEnvironmentIsNeverQuotedEvenWhenItIsTheBadValue(@TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("lethe.yaml"),
                "stores: { app: { type: postgres, url: \"${env:APP_DB_URL}\" } }\n");
        ConfigException e = catchThrowableOfType(
                () -> ConfigLoader.load(file, Map.of("APP_DB_URL", "postgres://app:" + SECRET + "@db/app")),
                ConfigException.class);
        assertThat(e.reason()).isEqualTo("store 'app': url must start with jdbc:postgresql:, was '${env:APP_DB_URL}';"
                + " e.g. jdbc:postgresql://127.0.0.1:5432/app");
    }
}
