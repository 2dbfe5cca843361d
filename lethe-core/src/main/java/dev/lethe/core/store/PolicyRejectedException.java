package dev.lethe.core.store;

/**
 * The store rejected a policy while preparing it (a syntax error, a missing table or column, a selection
 * kind the store does not support). Nothing was changed. The message names the policy and carries the
 * store's own words.
 */
public class PolicyRejectedException extends StoreException {

    public PolicyRejectedException(String message, Throwable cause) {
        super(message, cause);
    }

    public PolicyRejectedException(String message) {
        super(message);
    }
}
