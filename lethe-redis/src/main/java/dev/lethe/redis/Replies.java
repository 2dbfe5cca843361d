package dev.lethe.redis;

import dev.lethe.core.store.StoreException;
import io.lettuce.core.RedisCommandExecutionException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for replies of pipelined commands. A reply that is a Redis error (the server refused one command)
 * becomes a {@link Rejected}, which a batch may count against its items and go on; anything else (a lost
 * connection, a timeout) becomes a plain {@link StoreException}, which ends the run.
 */
final class Replies {

    /** Generous: each single command Lethe sends is bounded in work (COUNT, batch size). */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Replies() {
    }

    /** The reply of {@code command}, sent to store {@code store}. */
    static <T> T await(String store, String command, CompletionStage<T> reply) {
        try {
            return reply.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RedisCommandExecutionException) {
                throw new Rejected("store '" + store + "': " + command + " was refused: " + cause.getMessage(), cause);
            }
            throw new StoreException("store '" + store + "': " + command + " failed: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new StoreException("store '" + store + "': no reply to " + command + " within " + TIMEOUT.toSeconds()
                    + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("store '" + store + "': interrupted while waiting for " + command, e);
        }
    }

    /** The server answered a command with an error; the connection is fine. */
    static final class Rejected extends StoreException {
        Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
