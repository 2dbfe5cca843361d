package dev.lethe.config.internal;

import dev.lethe.config.ConfigException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * What an error message is about, e.g. {@code policy 'demote-logs'} or {@code store 'app'}; empty at the top
 * level. Every error raised through a scope starts with its label, so a message always names its policy or store.
 */
record Scope(ConfigSource source, String label) {

    static Scope top(ConfigSource source) {
        return new Scope(source, "");
    }

    Scope named(String newLabel) {
        return new Scope(source, newLabel);
    }

    ConfigException error(Node at, String reason) {
        return source.error(at, label.isEmpty() ? reason : label + ": " + reason);
    }
}
