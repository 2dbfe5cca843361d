package dev.lethe.config.internal;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} and {@code ${env:NAME:-default}} in a string. {@code $${env:…}} is an escape for
 * the literal text {@code ${env:…}}.
 *
 * <p>Like the shell's {@code ${NAME:-default}}, the default also applies when the variable is set but empty;
 * without a default an empty variable is a legitimate empty value (an empty password is a real setting).
 * An unset variable without a default is an error, never an empty string: a password that silently became
 * empty shows up much later as a confusing authentication failure.
 */
final class EnvReferences {

    static final String OPEN = "${env:";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvReferences() {
    }

    /**
     * @throws IllegalArgumentException naming the variable (never its value) when it is unset or malformed
     */
    static String resolve(String written, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int start = written.indexOf(OPEN, from);
            if (start < 0) {
                return out.append(written, from, written.length()).toString();
            }
            if (start > 0 && written.charAt(start - 1) == '$') {
                out.append(written, from, start - 1).append(OPEN);
                from = start + OPEN.length();
                continue;
            }
            int end = written.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated reference '" + written.substring(start)
                        + "'; write ${env:NAME} or ${env:NAME:-default}");
            }
            out.append(written, from, start).append(lookup(written.substring(start + OPEN.length(), end), env));
            from = end + 1;
        }
    }

    private static String lookup(String body, Map<String, String> env) {
        int separator = body.indexOf(":-");
        String name = separator < 0 ? body : body.substring(0, separator);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + OPEN + body + "}' does not name an environment variable;"
                    + " names are letters, digits and _, e.g. ${env:APP_DB_PASSWORD}");
        }
        String value = env.get(name);
        if (separator >= 0 && (value == null || value.isEmpty())) {
            return body.substring(separator + 2);
        }
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + name + " is not set (referenced as "
                    + OPEN + name + "})");
        }
        return value;
    }
}
