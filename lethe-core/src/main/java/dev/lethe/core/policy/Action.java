package dev.lethe.core.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What a policy does with the items it matches. A closed set: stores switch over it exhaustively. */
public sealed interface Action permits Action.Delete, Action.Update, Action.MoveTo {

    /** Removes matched items. */
    static Delete delete() {
        return Delete.INSTANCE;
    }

    /** Changes matched items in place, e.g. demotes {@code tier} to {@code warm}. */
    static Update update(Map<String, UpdateValue> assignments) {
        return new Update(assignments);
    }

    /** Inserts matched rows into another table and deletes them from the source, in one transaction. */
    static MoveTo moveTo(String table) {
        return new MoveTo(table);
    }

    /** The verb reports use for items this action processed: {@code deleted}, {@code updated}, {@code moved}. */
    String verb();

    /** Delete matched items. */
    enum Delete implements Action {
        INSTANCE;

        @Override
        public String verb() {
            return "deleted";
        }
    }

    /**
     * Set columns (or fields) of matched items.
     *
     * @param assignments column to new value, in the order written; never empty
     */
    record Update(Map<String, UpdateValue> assignments) implements Action {
        public Update {
            Objects.requireNonNull(assignments, "assignments");
            if (assignments.isEmpty()) {
                throw new IllegalArgumentException("update needs at least one column to set");
            }
            assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
        }

        @Override
        public String verb() {
            return "updated";
        }
    }

    /**
     * Move matched rows to {@code table} (same columns), then delete them from the source.
     *
     * @param table destination table in the same store
     */
    record MoveTo(String table) implements Action {
        public MoveTo {
            if (table == null || table.isBlank()) {
                throw new IllegalArgumentException("moveTo needs a destination table");
            }
        }

        @Override
        public String verb() {
            return "moved";
        }
    }
}
