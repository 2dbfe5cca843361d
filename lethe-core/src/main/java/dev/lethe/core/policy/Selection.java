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

    /**
     * This selection narrowed to the items of one owner, for {@code lethe collect}: the selection is a template
     * that names the owner — {@code {id}} in a key pattern, the {@code :id} parameter in SQL — and the id is
     * bound here, never spliced where it could widen the match.
     *
     * @throws IllegalArgumentException when the selection does not name the owner (collecting with it would
     *                                  remove every owner's items) or cannot be narrowed at all
     */
    default Selection forOwner(String ownerId) {
        throw new IllegalArgumentException(describe() + " cannot be narrowed to one owner's items");
    }
}
