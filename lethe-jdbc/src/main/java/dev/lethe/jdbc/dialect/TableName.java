package dev.lethe.jdbc.dialect;

import java.util.Optional;

/**
 * A policy's table as the dialect's catalog checks need it.
 *
 * @param schema the schema (or attached database) the config names, if any
 * @param name   the table's own name, unquoted
 * @param quoted the name as it appears in statements: quoted, schema-qualified when configured so
 */
public record TableName(Optional<String> schema, String name, String quoted) {
}
