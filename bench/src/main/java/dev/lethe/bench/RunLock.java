package dev.lethe.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One benchmark at a time on a machine. Every run drops and rebuilds the same tables in the same databases,
 * so a second run — from this checkout or another — would pull the tables out from under the first one's
 * timings. The lock is a file lock the operating system releases when the process ends, however it ends.
 */
final class RunLock {

    static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "lethe-bench.lock");

    /** Held for the life of the JVM: an unreachable channel would be closed by its cleaner, releasing the lock. */
    private static FileLock held;

    private RunLock() {
    }

    /** Takes the lock until this JVM exits; false when another run holds it. */
    static synchronized boolean acquire() throws IOException {
        if (held != null) {
            return true;
        }
        FileChannel channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            return false;
        }
        held = lock;
        return true;
    }
}
