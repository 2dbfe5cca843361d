/**
 * SQL dialects: what differs between PostgreSQL, MariaDB/MySQL and SQLite, answered once per database so the
 * sweep code in {@code dev.lethe.jdbc.internal} never asks which database it talks to.
 */
package dev.lethe.jdbc.dialect;
