package dev.lethe.redis;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A Redis glob pattern ({@code *}, {@code ?}, {@code [a-z]}, {@code [^x]}, {@code \} escapes), matched on the
 * client exactly as the server's {@code MATCH} matches it — for {@code exclude}, which the server cannot
 * apply — and built safely from literal text for owner templates.
 *
 * <p>The server matches bytes, not characters ({@code ?} matches one byte of a two-byte {@code é}), so both
 * the pattern and each key are compared as their UTF-8 bytes, one {@code char} per byte.
 */
final class Glob {

    private static final String SPECIAL = "*?[]\\";

    private final String text;
    private final Pattern regex;

    private Glob(String text) {
        this.text = text;
        this.regex = translate(bytewise(text));
    }

    /** Compiles {@code glob}. */
    static Glob of(String glob) {
        return new Glob(glob);
    }

    /** Whether the server's {@code MATCH glob} would return {@code key}. */
    boolean matches(String key) {
        return regex.matcher(bytewise(key)).matches();
    }

    @Override
    public String toString() {
        return text;
    }

    private static String bytewise(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static Pattern translate(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '\\' && i + 1 < glob.length()) {
                literal(regex, glob.charAt(++i));
            } else if (c == '[' && classEnd(glob, i) > 0) {
                int end = classEnd(glob, i);
                charClass(regex, glob.substring(i + 1, end));
                i = end;
            } else {
                literal(regex, c);
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** {@code text} with every glob metacharacter escaped, so it matches only itself inside a pattern. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Index of the {@code ]} closing the class opened at {@code open}, or -1. */
    private static int classEnd(String glob, int open) {
        for (int i = open + 1; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']' && i > open + 1) {
                return i;
            }
        }
        return -1;
    }

    private static void charClass(StringBuilder regex, String body) {
        regex.append('[');
        int i = 0;
        if (body.startsWith("^")) {
            regex.append('^');
            i = 1;
        }
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                c = body.charAt(++i);
            }
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                char to = body.charAt(i + 2);
                // Redis accepts reversed ranges ([z-a]); a regex does not.
                classChar(regex, (char) Math.min(c, to));
                regex.append('-');
                classChar(regex, (char) Math.max(c, to));
                i += 3;
            } else {
                classChar(regex, c);
                i++;
            }
        }
        regex.append(']');
    }

    private static void classChar(StringBuilder regex, char c) {
        if ("\\[]^-&".indexOf(c) >= 0) {
            regex.append('\\');
        }
        regex.append(c);
    }

    private static void literal(StringBuilder regex, char c) {
        if ("\\.[]{}()<>*+-=!?^$|".indexOf(c) >= 0) {
            regex.append('\\');
        }
        regex.append(c);
    }
}
