package dev.lethe.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A range of the key column a batch works on: {@code key > after AND key <= upTo} (either bound may be absent),
 * or a single key when a failed batch is retried row by row.
 */
public sealed interface KeyRange {

    /** The range as a condition over {@code quotedKey}, or empty when it is unbounded. */
    List<Sql> conditions(String quotedKey);

    /** Keys after {@code after} (exclusive) up to {@code upTo} (inclusive); a {@code null} bound is absent. */
    static KeyRange between(Object after, Object upTo) {
        return new Between(after != null, after, upTo != null, upTo);
    }

    /**
     * A range with both bounds present and bound to {@code NULL}: the shape of a middle batch, used to show a
     * plan's statements and to let the database check them without touching a row.
     */
    static KeyRange probe() {
        return new Between(true, null, true, null);
    }

    /** Exactly one key. */
    static KeyRange single(Object key) {
        return new Single(key);
    }

    /** A bounded or half-bounded range. */
    record Between(boolean hasAfter, Object after, boolean hasUpTo, Object upTo) implements KeyRange {
        @Override
        public List<Sql> conditions(String quotedKey) {
            List<Sql> conditions = new ArrayList<>(2);
            if (hasAfter) {
                conditions.add(Sql.concat(quotedKey, " > ", Sql.param(after)));
            }
            if (hasUpTo) {
                conditions.add(Sql.concat(quotedKey, " <= ", Sql.param(upTo)));
            }
            return conditions;
        }
    }

    /** One key, for the row-by-row retry of a failed batch. */
    record Single(Object key) implements KeyRange {
        @Override
        public List<Sql> conditions(String quotedKey) {
            return List.of(Sql.concat(quotedKey, " = ", Sql.param(key)));
        }
    }
}
