package dev.lethe.server;

/**
 * A run did not start because its lease could not be taken: another instance holds it, or the lease store
 * could not be reached. Nothing was run and nothing was recorded in history.
 */
public class LeaseUnavailableException extends RuntimeException {

    private final boolean heldElsewhere;

    public LeaseUnavailableException(String message, boolean heldElsewhere, Throwable cause) {
        super(message, cause);
        this.heldElsewhere = heldElsewhere;
    }

    /** True when another instance holds the lease; false when the lease store failed. */
    public boolean heldElsewhere() {
        return heldElsewhere;
    }
}
