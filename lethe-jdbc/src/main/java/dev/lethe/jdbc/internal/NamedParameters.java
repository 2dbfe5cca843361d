package dev.lethe.jdbc.internal;

import dev.lethe.jdbc.dialect.SqlSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the {@code :name} parameters in SQL written by a policy's author and replaces each with a fragment —
 * usually {@code ?} bound to the parameter's value.
 *
 * <p>A small tokenizer, not a parser: it only has to know where a colon is not a parameter. It skips string
 * literals ({@code '...'} with {@code ''}, backslash escapes where the dialect has them, {@code E'...'}),
 * dollar-quoted strings, quoted identifiers ({@code "..."}, {@code `...`}), comments ({@code --}, {@code /* *}{@code /},
 * {@code #}), PostgreSQL casts ({@code ::type}) and {@code :=}. A positional {@code ?} is refused: it would
 * shift every bound value after it ({@code ??}, the driver's escape for a literal question mark, passes).
 */
public final class NamedParameters {

    /** The author's SQL split around its parameters: {@code texts.size() == names.size() + 1}. */
    private final List<String> texts;
    private final List<String> names;
    private final boolean endsInLineComment;

    private NamedParameters(List<String> texts, List<String> names, boolean endsInLineComment) {
        this.texts = texts;
        this.names = names;
        this.endsInLineComment = endsInLineComment;
    }

    /**
     * Tokenizes {@code sql}.
     *
     * @throws IllegalArgumentException for a positional {@code ?} or an unterminated literal or comment
     */
    public static NamedParameters parse(String sql, SqlSyntax syntax) {
        return new Scanner(sql, syntax).scan();
    }

    /** The parameter names in order of appearance, with repeats. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** The text before the parameter at {@code index} (or, for {@code names().size()}, after the last one). */
    public String textBefore(int index) {
        return texts.get(index);
    }

    /** The SQL with every parameter replaced by what {@code resolve} returns for its name. */
    public Sql expand(Function<String, Sql> resolve) {
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parts.add(texts.get(i));
            parts.add(resolve.apply(names.get(i)));
        }
        parts.add(texts.get(names.size()));
        if (endsInLineComment) {
            // Whatever the caller appends (a closing parenthesis) must not end up inside the comment.
            parts.add("\n");
        }
        return Sql.concat(parts.toArray());
    }

    private static final class Scanner {
        private final String sql;
        private final SqlSyntax syntax;
        private final List<String> texts = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int pos;
        private boolean openLineComment;

        Scanner(String sql, SqlSyntax syntax) {
            this.sql = sql;
            this.syntax = syntax;
        }

        NamedParameters scan() {
            while (pos < sql.length()) {
                char c = sql.charAt(pos);
                char next = pos + 1 < sql.length() ? sql.charAt(pos + 1) : '\0';
                if (c == '\'') {
                    boolean escaped = syntax.backslashEscapes() || isEscapeStringPrefix();
                    copyQuoted('\'', escaped);
                } else if (c == '"') {
                    copyQuoted('"', syntax.backslashEscapes());
                } else if (c == '`' && syntax.backtickIdentifiers()) {
                    copyQuoted('`', false);
                } else if (c == '-' && next == '-') {
                    copyUntil("\n", 2, false);
                } else if (c == '#' && syntax.hashComments()) {
                    copyUntil("\n", 1, false);
                } else if (c == '/' && next == '*') {
                    copyUntil("*/", 2, true);
                } else if (c == '$' && syntax.dollarQuotes() && !identifierBefore(pos)) {
                    copyDollarQuoted();
                } else if (c == ':' && (next == ':' || next == '=')) {
                    copy(2);
                } else if (c == ':' && isNameStart(next)) {
                    readName();
                } else if (c == '?' && next == '?') {
                    copy(2);
                } else if (c == '?') {
                    throw new IllegalArgumentException("positional parameter '?' at offset " + pos
                            + " is not supported; use :now or a named cutoff");
                } else {
                    copy(1);
                }
            }
            texts.add(current.toString());
            return new NamedParameters(texts, names, openLineComment);
        }

        private void readName() {
            int start = pos + 1;
            int end = start;
            while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                end++;
            }
            texts.add(current.toString());
            current.setLength(0);
            names.add(sql.substring(start, end));
            pos = end;
        }

        private boolean isEscapeStringPrefix() {
            return pos > 0 && (sql.charAt(pos - 1) == 'E' || sql.charAt(pos - 1) == 'e') && !identifierBefore(pos - 1);
        }

        private boolean identifierBefore(int index) {
            if (index == 0) {
                return false;
            }
            char before = sql.charAt(index - 1);
            return Character.isLetterOrDigit(before) || before == '_' || before == '$';
        }

        private void copyQuoted(char quote, boolean backslashEscapes) {
            int i = pos + 1;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (backslashEscapes && c == '\\') {
                    i += 2;
                } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else if (c == quote) {
                    copy(i + 1 - pos);
                    return;
                } else {
                    i++;
                }
            }
            throw new IllegalArgumentException("unterminated " + quote + " at offset " + pos);
        }

        private void copyUntil(String terminator, int openerLength, boolean required) {
            int end = sql.indexOf(terminator, pos + openerLength);
            if (end < 0 && required) {
                throw new IllegalArgumentException("unterminated comment at offset " + pos);
            }
            openLineComment = end < 0;
            copy(end < 0 ? sql.length() - pos : end + terminator.length() - pos);
        }

        private void copyDollarQuoted() {
            int tagEnd = sql.indexOf('$', pos + 1);
            String tag = tagEnd < 0 ? null : sql.substring(pos, tagEnd + 1);
            if (tag == null || !tag.matches("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$")) {
                copy(1); // a positional $1 or a $ inside an identifier: not a quote
                return;
            }
            int close = sql.indexOf(tag, tagEnd + 1);
            if (close < 0) {
                throw new IllegalArgumentException("unterminated " + tag + " string at offset " + pos);
            }
            copy(close + tag.length() - pos);
        }

        private void copy(int length) {
            current.append(sql, pos, pos + length);
            pos += length;
        }

        private static boolean isNameStart(char c) {
            return Character.isLetter(c) || c == '_';
        }
    }
}
