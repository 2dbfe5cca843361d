package dev.lethe.jdbc.lease;

/** The lease store could not be reached, read or written. The message names the store (never its password). */
public class LeaseStoreException extends RuntimeException {

    public LeaseStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
