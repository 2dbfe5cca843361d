package dev.lethe.core.store;

/** A store could not be used: unreachable, lost connection, permission denied. The message names the store. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
