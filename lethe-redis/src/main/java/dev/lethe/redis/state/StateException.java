package dev.lethe.redis.state;

/** A Redis state store could not be used: unreachable, lost connection, a refused command. Names the store. */
public class StateException extends RuntimeException {

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }

    public StateException(String message) {
        super(message);
    }
}
