package dev.lethe.config.internal;

import dev.lethe.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The file being read and the environment its {@code ${env:…}} references resolve against: everything an error
 * needs for its location, and everything a string value needs to be resolved.
 */
record ConfigSource(Path file, Map<String, String> env) {

    /** An error at {@code node}'s start, reported 1-based. */
    ConfigException error(Node node, String reason) {
        return at(node.getStartMark(), reason);
    }

    ConfigException at(Optional<Mark> mark, String reason) {
        int line = mark.map(m -> m.getLine() + 1).orElse(1);
        int column = mark.map(m -> m.getColumn() + 1).orElse(1);
        return new ConfigException(file, line, column, reason);
    }

    /** The directory relative store paths are resolved against. */
    Path directory() {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : file.toAbsolutePath();
    }

    /** The string value of {@code scalar} with its environment references resolved. */
    Text text(ScalarNode scalar) {
        try {
            return new Text(EnvReferences.resolve(scalar.getValue(), env), scalar.getValue(), scalar);
        } catch (IllegalArgumentException e) {
            throw error(scalar, e.getMessage());
        }
    }
}
