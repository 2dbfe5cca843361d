package dev.lethe.jdbc.state;

/** The state store could not be opened, migrated, read or written. The message names the store (never its password). */
public class StateStoreException extends RuntimeException {

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StateStoreException(String message) {
        super(message);
    }
}
