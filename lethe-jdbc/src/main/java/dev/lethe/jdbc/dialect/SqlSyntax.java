package dev.lethe.jdbc.dialect;

/**
 * The lexical rules of a database's SQL that decide where a {@code :name} parameter can appear: what opens a
 * string literal, a quoted identifier or a comment, inside which a colon is just a character.
 *
 * @param backslashEscapes  backslash escapes the next character inside every string literal (MariaDB);
 *                          {@code E'...'} strings escape with backslashes in every dialect
 * @param dollarQuotes      {@code $tag$ ... $tag$} string constants (PostgreSQL)
 * @param hashComments      {@code #} starts a comment to the end of the line (MariaDB)
 * @param backtickIdentifiers {@code `name`} quoted identifiers (MariaDB, SQLite)
 */
public record SqlSyntax(boolean backslashEscapes, boolean dollarQuotes, boolean hashComments,
                        boolean backtickIdentifiers) {
}
