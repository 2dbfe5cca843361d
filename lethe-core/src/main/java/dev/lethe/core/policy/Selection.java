package dev.lethe.core.policy;

/**
 * Which items of a store a policy matches. Each store kind has its own selection type
 * (a table for SQL stores; key patterns, files and containers later); a store rejects a
 * selection kind it does not understand when the policy is prepared.
 */
public interface Selection {

    /** A short human description for plans and logs, e.g. {@code table pending_uploads}. */
    String describe();

    /** The orphan rule, when the selection removes only items whose owner is not live. */
    default java.util.Optional<Orphans> orphanRule() {
        return java.util.Optional.empty();
    }
}
