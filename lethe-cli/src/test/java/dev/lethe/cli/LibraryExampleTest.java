package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/library.md cannot rot: its example is examples/library/LibraryExample.java verbatim, and that file is
 * compiled against the real modules and run against a real SQLite database here.
 */
class LibraryExampleTest {

    private static final Path EXAMPLE = Repository.root().resolve("examples/library/LibraryExample.java");

    @Test
    void theDocShowsTheExampleVerbatim() throws Exception {
        String doc = Files.readString(Repository.root().resolve("docs/library.md"));
        assertThat(doc).contains("```java\n" + Files.readString(EXAMPLE) + "```");
    }

    @Test
    void theExampleCompilesAndSweepsItsDatabase(@TempDir Path dir) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(null, null, diagnostics, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), EXAMPLE.toString());
        assertThat(compiled).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass("LibraryExample").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {dir.resolve("work").toString()});
        } finally {
            System.setOut(stdout);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("plan: 700 of 1000 rows would go {acked=400, expired=300}");
        assertThat(lines.get(1)).startsWith("run:  ok, deleted 700 {acked=400, expired=300} in ");
        assertThat(lines.get(2)).startsWith("{\"policy\":\"pending-uploads\",\"status\":\"ok\"");
        assertThat(dir.resolve("work/lethe-state.db")).exists();
    }
}
