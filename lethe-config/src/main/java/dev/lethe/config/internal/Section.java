package dev.lethe.config.internal;

import dev.lethe.config.ClosestName;
import dev.lethe.config.ConfigException;
import dev.lethe.config.Durations;
import dev.lethe.config.Sizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML mapping being read: typed accessors that return a value or throw a located error naming the key by its
 * path ({@code limits.batchSize}). Keys are plain strings here; {@link DuplicateKeys} has made sure of that.
 */
final class Section {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** One key and its value, with both nodes for locating errors. */
    record Entry(String key, Node keyNode, Node value) {
    }

    private final Scope scope;
    private final String name;
    private final Node at;
    private final MappingNode node;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private Section(Scope scope, String name, Node at, MappingNode node) {
        this.scope = scope;
        this.name = name;
        this.at = at;
        this.node = node;
        for (NodeTuple tuple : node.getValue()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            entries.put(key, new Entry(key, tuple.getKeyNode(), tuple.getValueNode()));
        }
    }

    /**
     * @param name  the section's path in messages ({@code limits}, {@code then[0]}); empty for a policy or store itself
     * @param at    the node whole-section errors point at (usually the key naming the section)
     * @param value the node that must be a mapping
     */
    static Section of(Scope scope, String name, Node at, Node value) {
        if (!(value instanceof MappingNode mapping)) {
            throw scope.error(blame(at, value), (name.isEmpty() ? "" : name + " ") + "must be a mapping, was "
                    + Shape.of(value));
        }
        return new Section(scope, name, at, mapping);
    }

    Scope scope() {
        return scope;
    }

    /** The node whole-section errors point at. */
    Node at() {
        return at;
    }

    MappingNode node() {
        return node;
    }

    /** {@code key} qualified with this section's path. */
    String path(String key) {
        return name.isEmpty() ? key : name + "." + key;
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Fails on the first key not in {@code known}, suggesting the closest known key. */
    void expectKeys(Collection<String> known) {
        for (Entry entry : entries.values()) {
            if (entry.key().equals("<<")) {
                throw error(entry.keyNode(), "merge keys (<<) are not part of YAML 1.2; write the keys out,"
                        + " or reuse a whole section with an alias (limits: *strict)");
            }
            if (!known.contains(entry.key())) {
                String where = name.isEmpty() ? "" : " in " + name;
                String hint = ClosestName.among(entry.key(), known)
                        .map(k -> "; did you mean '" + k + "'?")
                        .orElse("; known keys: " + String.join(", ", known));
                throw error(entry.keyNode(), "unknown key '" + entry.key() + "'" + where + hint);
            }
        }
    }

    ConfigException error(Node node, String reason) {
        return scope.error(node, reason);
    }

    ConfigException missing(String key) {
        return error(at, "missing required key '" + path(key) + "'");
    }

    Optional<Text> text(String key) {
        return entry(key).map(e -> text(path(key), e.keyNode(), e.value()));
    }

    Text requireText(String key) {
        return text(key).orElseThrow(() -> missing(key));
    }

    /** The string value of {@code value}; any scalar but null qualifies (a number is its text). */
    Text text(String path, Node key, Node value) {
        if (!(value instanceof ScalarNode scalar) || Shape.isNull(value)) {
            throw error(blame(key, value), path + " must be a string, was " + Shape.of(value));
        }
        return scope.source().text(scalar);
    }

    Optional<Section> section(String key) {
        return entry(key).map(e -> Section.of(scope, path(key), e.keyNode(), e.value()));
    }

    Optional<List<Node>> list(String key, String ofWhat) {
        return entry(key).map(e -> {
            if (!(e.value() instanceof SequenceNode sequence)) {
                throw error(blame(e.keyNode(), e.value()), path(key) + " must be a list of " + ofWhat + ", was "
                        + Shape.of(e.value()));
            }
            return new ArrayList<>(sequence.getValue());
        });
    }

    Optional<Long> integer(String key) {
        return text(key).map(t -> parse(path(key), t, "an integer", Long::parseLong));
    }

    Optional<Double> decimal(String key) {
        return text(key).map(t -> {
            if (!DECIMAL.matcher(t.value()).matches()) {
                throw error(t.node(), path(key) + " must be a number, was '" + t.shown() + "'");
            }
            return Double.parseDouble(t.value());
        });
    }

    Optional<Boolean> flag(String key) {
        return text(key).map(t -> switch (t.value()) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> throw error(t.node(), path(key) + " must be true or false, was '" + t.shown() + "'");
        });
    }

    Optional<Duration> duration(String key) {
        return text(key).map(t -> duration(path(key), t));
    }

    Duration duration(String path, Text text) {
        return parse(path, text, null, Durations::parse);
    }

    Optional<Long> size(String key) {
        return text(key).map(t -> parse(path(key), t, null, Sizes::parse));
    }

    /**
     * Applies {@code parser}; on failure reports either "must be {@code expected}" or, when {@code expected} is
     * null, the parser's own message (which already says what is accepted).
     */
    private <T> T parse(String path, Text text, String expected, Function<String, T> parser) {
        try {
            return parser.apply(text.value());
        } catch (IllegalArgumentException e) {
            String reason = expected != null
                    ? path + " must be " + expected + ", was '" + text.shown() + "'"
                    : path + ": " + text.redact(e.getMessage());
            throw error(text.node(), reason);
        }
    }

    /** An empty value has no useful position of its own (it sits after the colon): blame its key instead. */
    static Node blame(Node key, Node value) {
        return Shape.isNull(value) && ((ScalarNode) value).getValue().isEmpty() ? key : value;
    }
}
