package dev.lethe.core.history;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that runs a run, written {@code pid@host} in a state store (the JVM's own convention). History
 * implementations record it with every run so a reader on the same host can tell, without waiting for a
 * heartbeat to go stale, that a {@code running} run's process is gone.
 *
 * @param pid  operating-system process id
 * @param host host name
 */
public record RunProcess(long pid, String host) {

    /**
     * How much later than a heartbeat a process must have started to be taken for a reuse of the pid. The OS
     * derives start times from the boot time, which is kept in whole seconds and moves with clock adjustments.
     */
    private static final Duration START_TIME_SLACK = Duration.ofSeconds(5);

    private static final RunProcess CURRENT = new RunProcess(ProcessHandle.current().pid(), localHostName());

    /** This JVM. */
    public static RunProcess current() {
        return CURRENT;
    }

    /** Parses {@code pid@host}; empty when the text is not in that form (written by something else). */
    public static Optional<RunProcess> parse(String text) {
        int at = text == null ? -1 : text.indexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunProcess(Long.parseLong(text.substring(0, at)), text.substring(at + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this process is known to be gone: it ran on this host and its pid is no longer alive, or the pid
     * now belongs to a process started after {@code lastSeen} (a reused pid — in a container every restart is
     * pid 1 again). Always false for another host's process, which only its heartbeat can vouch for.
     *
     * @param lastSeen the process's last heartbeat, on this host's clock
     */
    public boolean isGone(Instant lastSeen) {
        if (!host.equals(CURRENT.host)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        return process.get().info().startInstant()
                .map(started -> started.isAfter(lastSeen.plus(START_TIME_SLACK)))
                .orElse(false);
    }

    @Override
    public String toString() {
        return pid + "@" + host;
    }

    private static String localHostName() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
