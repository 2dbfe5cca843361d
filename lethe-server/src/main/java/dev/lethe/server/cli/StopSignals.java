package dev.lethe.server.cli;

import dev.lethe.server.LetheServer;
import dev.lethe.server.ReloadRejectedException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a clean stop and SIGHUP into a reload.
 *
 * <p>Design note: a JVM that receives SIGTERM with only shutdown hooks exits with status 143 and gives hooks
 * no say in it. Handling the signal ourselves lets the main thread stop the daemon and return 0 like any
 * other command. Where the signal cannot be handled, a shutdown hook still stops the daemon cleanly.
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private final LetheServer server;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    StopSignals(LetheServer server) {
        this.server = server;
    }

    /** Blocks until a stop signal, then stops the server; returns whether every run finished in time. */
    boolean awaitStop() throws InterruptedException {
        boolean handled = handle("TERM") & handle("INT");
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lethe-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!handled) {
            LOG.debug("signals cannot be handled here; stopping from a shutdown hook instead");
        }
        try {
            Signal.handle(new Signal("HUP"), signal -> reload());
        } catch (IllegalArgumentException e) {
            LOG.debug("SIGHUP cannot be handled here: {}", e.getMessage());
        }
        stopRequested.await();
        try {
            return server.stop(server.shutdownGrace());
        } finally {
            stopped.countDown();
        }
    }

    private boolean handle(String name) {
        try {
            Signal.handle(new Signal(name), signal -> stopRequested.countDown());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void reload() {
        try {
            server.reload();
        } catch (ReloadRejectedException e) {
            // Already logged by the server; the old config stays.
        }
    }
}
