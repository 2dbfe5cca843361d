package dev.lethe.config.internal;

import java.util.List;

/** Small pieces of English shared by error messages. */
final class Wording {

    private Wording() {
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String and(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
