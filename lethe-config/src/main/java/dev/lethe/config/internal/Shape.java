package dev.lethe.config.internal;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** How a node looks, for "must be X, was Y" messages: {@code a mapping}, {@code a list}, {@code empty}, {@code 'text'}. */
final class Shape {

    private Shape() {
    }

    static String of(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "empty";
        }
        // The text as written: if it holds ${env:…}, the message shows the reference, not the secret.
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }
}
