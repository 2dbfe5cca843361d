package dev.lethe.jdbc.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL text with {@code ?} placeholders and the values bound to them, in order. Statements are assembled from
 * fragments so that values always travel next to their placeholders and are never spliced into the text.
 *
 * @param text SQL with {@code ?} placeholders
 * @param args one value per placeholder, in order; may contain nulls
 */
public record Sql(String text, List<Object> args) {

    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");

    public Sql {
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    /** Text without parameters. */
    public static Sql of(String text) {
        return new Sql(text, List.of());
    }

    /** One placeholder bound to {@code value}. */
    public static Sql param(Object value) {
        List<Object> args = new ArrayList<>(1);
        args.add(value);
        return new Sql("?", args);
    }

    /** The concatenation of the fragments, parameters in order. */
    public static Sql concat(Object... parts) {
        StringBuilder text = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Sql sql) {
                text.append(sql.text);
                args.addAll(sql.args);
            } else {
                text.append(part);
            }
        }
        return new Sql(text.toString(), args);
    }

    /** The fragments joined with {@code separator}. */
    public static Sql join(String separator, List<Sql> parts) {
        List<Object> pieces = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                pieces.add(separator);
            }
            pieces.add(parts.get(i));
        }
        return concat(pieces.toArray());
    }

    /**
     * {@code template} with each {@code {name}} slot replaced by {@code slots.get(name)}, parameters in the order the
     * slots appear; a slot may appear more than once.
     *
     * @throws IllegalArgumentException for a slot {@code slots} does not fill
     */
    public static Sql fill(String template, Map<String, Sql> slots) {
        List<Object> parts = new ArrayList<>();
        Matcher slot = SLOT.matcher(template);
        int done = 0;
        while (slot.find()) {
            Sql value = slots.get(slot.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for slot {" + slot.group(1) + "} in: " + template);
            }
            parts.add(template.substring(done, slot.start()));
            parts.add(value);
            done = slot.end();
        }
        parts.add(template.substring(done));
        return concat(parts.toArray());
    }

    @Override
    public String toString() {
        return text;
    }
}
