package dev.lethe.config.internal;

import dev.lethe.config.ClosestName;
import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.UpdateValue;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads {@code action:} — {@code delete} (the default), {@code { update: { column: value, … } }} or
 * {@code { moveTo: table }}.
 *
 * <p>Update values keep their YAML type ({@code null}, {@code true}, {@code 3}, {@code warm}); a string starting
 * with {@code :} names a run parameter ({@code :now} or a cutoff) so that "evicted_at = the run's reference time"
 * uses the store's frozen clock rather than a timestamp written into the file.
 */
final class ActionReader {

    private static final List<String> FORMS = List.of("delete", "update", "moveTo");
    private static final String USAGE = "use delete, { update: { column: value } } or { moveTo: table }";

    private ActionReader() {
    }

    static Action read(Section policy, Set<String> parameters) {
        Section.Entry entry = policy.entry("action").orElse(null);
        if (entry == null) {
            return Action.delete();
        }
        if (entry.value() instanceof ScalarNode) {
            Text verb = policy.requireText("action");
            if (verb.value().equals("delete")) {
                return Action.delete();
            }
            if (FORMS.contains(verb.value())) {
                throw policy.error(verb.node(), "action " + verb.value() + " needs its settings; write e.g."
                        + (verb.value().equals("update") ? " action: { update: { tier: warm } }" : " action: { moveTo: logs_archive }"));
            }
            String hint = ClosestName.among(verb.value(), FORMS).map(f -> "did you mean '" + f + "'? ").orElse("");
            throw policy.error(verb.node(), "unknown action '" + verb.shown() + "'; " + hint + USAGE);
        }
        Section action = policy.section("action").orElseThrow();
        action.expectKeys(List.of("update", "moveTo"));
        if (action.entries().size() != 1) {
            Node at = action.isEmpty() ? action.node() : action.entries().get(1).keyNode();
            throw action.error(at, "action must have exactly one of update or moveTo; " + USAGE);
        }
        if (action.has("moveTo")) {
            return Action.moveTo(SqlIdentifier.of(action, action.path("moveTo"), action.requireText("moveTo")));
        }
        return update(action.section("update").orElseThrow(), parameters);
    }

    private static Action update(Section update, Set<String> parameters) {
        if (update.isEmpty()) {
            throw update.error(update.node(), "action update needs at least one column to set, e.g. { update: { tier: warm } }");
        }
        Map<String, UpdateValue> assignments = new LinkedHashMap<>();
        for (Section.Entry assignment : update.entries()) {
            String column = SqlIdentifier.of(update, "update column",
                    new Text(assignment.key(), assignment.key(), assignment.keyNode()));
            assignments.put(column, value(update, assignment, parameters));
        }
        return Action.update(assignments);
    }

    private static UpdateValue value(Section update, Section.Entry assignment, Set<String> parameters) {
        String path = update.path(assignment.key());
        if (!(assignment.value() instanceof ScalarNode scalar)) {
            throw update.error(assignment.value(), path + " must be a string, number, boolean or null, was "
                    + Shape.of(assignment.value()));
        }
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return UpdateValue.literal(null);
        }
        if (tag.equals(Tag.BOOL)) {
            return UpdateValue.literal(Boolean.parseBoolean(scalar.getValue().toLowerCase(Locale.ROOT)));
        }
        if (tag.equals(Tag.INT)) {
            return UpdateValue.literal(integer(scalar.getValue()));
        }
        if (tag.equals(Tag.FLOAT)) {
            String lower = scalar.getValue().toLowerCase(Locale.ROOT);
            double number = Double.parseDouble(lower.replace(".inf", "Infinity").replace(".nan", "NaN"));
            if (!Double.isFinite(number)) {
                throw update.error(scalar, path + " must be a finite number, was '" + scalar.getValue() + "'");
            }
            return UpdateValue.literal(number);
        }
        Text text = update.text(path, assignment.keyNode(), scalar);
        if (!text.value().startsWith(":")) {
            return UpdateValue.literal(text.value());
        }
        String parameter = text.value().substring(1);
        if (!parameters.contains(parameter)) {
            throw update.error(scalar, path + ": '" + text.shown() + "' names no run parameter; use "
                    + String.join(", ", parameters.stream().map(p -> ":" + p).toList())
                    + " (cutoffs are declared under cutoffs:)");
        }
        return UpdateValue.parameter(parameter);
    }

    /** A YAML 1.2 core-schema integer (decimal, 0x hex or 0o octal) as the smallest fitting Number. */
    private static Number integer(String text) {
        String digits = text.startsWith("+") ? text.substring(1) : text;
        BigInteger value = digits.startsWith("0x") ? new BigInteger(digits.substring(2), 16)
                : digits.startsWith("0o") ? new BigInteger(digits.substring(2), 8)
                : new BigInteger(digits);
        return value.bitLength() < Long.SIZE ? (Number) value.longValue() : value;
    }
}
