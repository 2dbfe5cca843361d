package dev.lethe.config.internal;

import dev.lethe.config.ConfigException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the config file into a YAML node tree (YAML 1.2 core schema) and turns every way that can fail (an
 * unreadable file, a syntax error, an empty document, a duplicate key) into a one-line {@link ConfigException}.
 */
final class YamlDocument {

    private YamlDocument() {
    }

    /** The root node of the single document in {@code source}'s file. */
    static Node read(ConfigSource source) {
        String text = contents(source);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source.file().toString())
                .setSchema(new CoreSchema())
                .setUseMarks(true)
                .build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            throw syntaxError(source, e);
        } catch (ReaderException e) {
            throw source.at(Optional.of(markAt(text, e.getPosition())),
                    "YAML syntax error: " + e.getMessage() + String.format(" (U+%04X)", e.getCodePoint()));
        } catch (YamlEngineException e) {
            throw source.at(Optional.empty(), "YAML error: " + oneLine(e.getMessage()));
        }
        Node node = root.orElseThrow(() -> source.at(Optional.empty(),
                "the config is empty; it needs at least a 'stores:' and a 'policies:' section"));
        DuplicateKeys.reject(node, source);
        return node;
    }

    private static String contents(ConfigSource source) {
        try {
            return Files.readString(source.file(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source.file(), 0, 0, "no such file", e);
        } catch (CharacterCodingException e) {
            throw new ConfigException(source.file(), 0, 0, "not a UTF-8 text file", e);
        } catch (IOException e) {
            throw new ConfigException(source.file(), 0, 0, "cannot read the file: " + e, e);
        }
    }

    private static ConfigException syntaxError(ConfigSource source, MarkedYamlEngineException e) {
        String problem = oneLine(e.getProblem());
        String context = e.getContext() == null ? "" : oneLine(e.getContext());
        String reason;
        if (context.isEmpty()) {
            reason = problem;
        } else if (context.startsWith("while") && e.getContextMark().isPresent()) {
            Mark start = e.getContextMark().get();
            reason = problem + " (" + context + " that starts at " + (start.getLine() + 1) + ":"
                    + (start.getColumn() + 1) + ")";
        } else {
            reason = context + ", " + problem;
        }
        Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
        return source.at(mark, "YAML syntax error: " + reason);
    }

    private static Mark markAt(String text, int codePointIndex) {
        int line = 0;
        int column = 0;
        int[] codePoints = text.codePoints().limit(Math.max(codePointIndex, 0)).toArray();
        for (int c : codePoints) {
            if (c == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        return new Mark("", codePointIndex, line, column, new int[0], 0);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
