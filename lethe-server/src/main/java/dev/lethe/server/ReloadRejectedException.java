package dev.lethe.server;

/** A reload found the new config unusable; the daemon goes on with the old one. The message says why. */
public class ReloadRejectedException extends RuntimeException {

    public ReloadRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
