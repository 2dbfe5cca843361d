package dev.lethe.core.policy;

/**
 * The new value of one column in an {@link Action.Update}. Values are always bound as parameters,
 * never spliced into a statement.
 */
public sealed interface UpdateValue permits UpdateValue.Literal, UpdateValue.Parameter {

    /** A constant: a string, a number, a boolean, or {@code null}. */
    static UpdateValue literal(Object value) {
        return new Literal(value);
    }

    /** A reference to a run parameter such as {@code now} or a named cutoff (written {@code ":now"} in YAML). */
    static UpdateValue parameter(String name) {
        return new Parameter(name);
    }

    /** @param value a String, Number, Boolean or null */
    record Literal(Object value) implements UpdateValue {
        public Literal {
            if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("update value must be a string, number, boolean or null, not "
                        + value.getClass().getSimpleName());
            }
        }
    }

    /** @param name {@code now} or the name of a cutoff of the same policy */
    record Parameter(String name) implements UpdateValue {
        public Parameter {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("parameter name must not be blank");
            }
        }
    }
}
