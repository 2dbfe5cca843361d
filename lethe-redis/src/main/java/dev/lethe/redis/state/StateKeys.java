package dev.lethe.redis.state;

import java.util.regex.Pattern;

/**
 * Key names of a Redis state store. All start with one prefix holding a hash tag (default
 * {@value #DEFAULT_PREFIX}), so in a cluster they share a slot and one script may touch several.
 */
record StateKeys(String prefix) {

    static final String DEFAULT_PREFIX = "{lethe}:";
    private static final Pattern HASH_TAG = Pattern.compile("\\{[^}]+}");

    StateKeys {
        if (!HASH_TAG.matcher(prefix).find()) {
            throw new IllegalArgumentException("state key prefix '" + prefix + "' needs a hash tag such as {lethe}");
        }
    }

    String runIds() {
        return prefix + "run-ids";
    }

    String run(long id) {
        return prefix + "run:" + id;
    }

    String runs() {
        return prefix + "runs";
    }

    String runsOf(String policy) {
        return prefix + "runs:" + policy;
    }

    String alive(long id) {
        return prefix + "alive:" + id;
    }

    String lease(String name) {
        return prefix + "lease:" + name;
    }

    String fencing(String name) {
        return prefix + "fencing:" + name;
    }
}
