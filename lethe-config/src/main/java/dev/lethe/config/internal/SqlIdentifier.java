package dev.lethe.config.internal;

import java.util.regex.Pattern;

/**
 * Table and column names as the config accepts them: {@code name} or {@code schema.name}, letters, digits,
 * {@code _} and {@code $}.
 *
 * <p>Identifiers end up in SQL text (they cannot be bound as parameters), so anything else is rejected here
 * rather than quoted later: SQL written by the author belongs only in {@code where}, {@code outcomes} and a
 * cascade's {@code where}, which are SQL by design.
 */
final class SqlIdentifier {

    private static final Pattern IDENTIFIER =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    private SqlIdentifier() {
    }

    /** The identifier in {@code text}, or a located error saying what {@code path} accepts. */
    static String of(Section section, String path, Text text) {
        if (!IDENTIFIER.matcher(text.value()).matches()) {
            throw section.error(text.node(), path + " '" + text.shown() + "' is not a valid identifier;"
                    + " use a name like audit_events or schema.table (letters, digits, _ and $)");
        }
        return text.value();
    }
}
