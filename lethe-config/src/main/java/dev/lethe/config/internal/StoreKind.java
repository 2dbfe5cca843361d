package dev.lethe.config.internal;

/**
 * The families of store types ({@link StoreType}). A policy's keys depend on the family of its store
 * ({@code table} for SQL, {@code keys} for redis), not on the exact type: postgres and sqlite policies read the same.
 */
enum StoreKind {
    SQL("SQL", true),
    REDIS("redis", true),
    FS("fs", false),
    DOCKER("docker", false);

    private final String label;
    private final boolean supportsPolicies;

    StoreKind(String label, boolean supportsPolicies) {
        this.label = label;
        this.supportsPolicies = supportsPolicies;
    }

    /** How messages name the kind: "redis stores", "SQL stores". */
    String label() {
        return label;
    }

    /** Whether this version's engine runs policies on stores of this kind (stores of every kind may be defined). */
    boolean supportsPolicies() {
        return supportsPolicies;
    }
}
