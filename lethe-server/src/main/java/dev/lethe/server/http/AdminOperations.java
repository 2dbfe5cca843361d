package dev.lethe.server.http;

import dev.lethe.core.history.RunRecord;
import dev.lethe.core.owner.CollectReport;
import dev.lethe.core.report.RunReport;
import dev.lethe.server.PolicyStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What the admin API asks of the daemon; the API itself only parses requests and renders answers. */
public interface AdminOperations {

    List<PolicyStatus> policies();

    /** The newest runs first, from history. */
    List<RunRecord> runs(Optional<String> policy, int limit);

    Optional<RunRecord> run(long id);

    /**
     * Asks for a run now (or right after the current one).
     *
     * @throws IllegalArgumentException for an unknown policy
     * @throws IllegalStateException    when the daemon is shutting down
     */
    CompletableFuture<RunReport> trigger(String policy);

    /**
     * Re-reads the config; returns the policy names now in force.
     *
     * @throws dev.lethe.server.ReloadRejectedException when the new config is bad (the old one stays)
     */
    List<String> reload();

    /**
     * Removes one owner's items from every store its kind lists, now, and returns the report.
     *
     * @throws IllegalArgumentException for an unknown owner kind or an id the kind refuses
     * @throws IllegalStateException    when the daemon is shutting down
     */
    default CollectReport collect(String kind, String id) {
        throw new IllegalArgumentException("no owner kind '" + kind + "': this daemon collects no owners");
    }

    /** Whether the daemon is running its schedules (false while starting or shutting down). */
    boolean ready();

    /** The Prometheus exposition, when metrics are kept in a Prometheus registry. */
    Optional<String> scrape();
}
