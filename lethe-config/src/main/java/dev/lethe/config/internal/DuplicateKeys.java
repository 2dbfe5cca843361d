package dev.lethe.config.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Rejects duplicate and non-scalar mapping keys anywhere in the tree, before any section is read.
 *
 * <p>YAML loaders usually keep the last of two equal keys. In a retention config that means the second
 * {@code where:} silently replaces the first, so duplicates are errors everywhere, also in sections this
 * version does not read yet.
 */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    static void reject(Node root, ConfigSource source) {
        visit(root, "", source, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** @param path where {@code node} sits, e.g. {@code policies.p.limits}, so the message can say so */
    private static void visit(Node node, String path, ConfigSource source, Set<Node> seen) {
        if (!seen.add(node)) {
            return; // an alias to a node already checked
        }
        if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                visit(sequence.getValue().get(i), path + "[" + i + "]", source, seen);
            }
        } else if (node instanceof MappingNode mapping) {
            Map<String, Node> keys = new HashMap<>();
            for (NodeTuple entry : mapping.getValue()) {
                if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                    throw source.error(entry.getKeyNode(), "a key must be a plain name, not "
                            + Shape.of(entry.getKeyNode()));
                }
                Node first = keys.putIfAbsent(key.getValue(), key);
                if (first != null) {
                    int line = first.getStartMark().map(m -> m.getLine() + 1).orElse(0);
                    throw source.error(key, "duplicate key '" + key.getValue() + "'" + (path.isEmpty() ? "" : " in " + path)
                            + " (first set on line " + line + ")");
                }
                visit(entry.getValueNode(), path.isEmpty() ? key.getValue() : path + "." + key.getValue(), source, seen);
            }
        }
    }
}
