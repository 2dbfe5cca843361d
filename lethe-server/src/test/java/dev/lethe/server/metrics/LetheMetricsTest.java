package dev.lethe.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.server.testing.Reports;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LetheMetricsTest {

    private final LetheMetrics metrics = LetheMetrics.prometheus();

    private String scrape() {
        return metrics.scrape().orElseThrow();
    }

    @Test
    void runsAreCountedPerPolicyAndStatusWithTheirDuration() {
        Instant started = Instant.parse("2026-05-01T10:00:00Z");
        metrics.finished(Reports.of("p", RunStatus.OK, 40, 0, started));
        metrics.finished(Reports.of("p", RunStatus.PARTIAL, 10, 25, started));

        assertThat(scrape())
                .contains("lethe_runs_total{policy=\"p\",status=\"ok\"} 1.0")
                .contains("lethe_runs_total{policy=\"p\",status=\"partial\"} 1.0")
                .contains("lethe_run_duration_seconds_count{policy=\"p\"} 2")
                .contains("lethe_run_duration_seconds_sum{policy=\"p\"} 3.0")
                .contains("lethe_items_total{outcome=\"deleted\",policy=\"p\"} 50.0")
                .contains("lethe_backlog_items{policy=\"p\"} 25.0")
                .contains("lethe_last_success_timestamp_seconds{policy=\"p\"} 1.777629601E9");   // started + 1.5 s
    }

    @Test
    void outcomeLabelsAndFailedItemsAreCountedSeparately() {
        RunReport labelled = new RunReport("uploads", RunStatus.PARTIAL, false, 10, 8, 0, 2,
                Map.of("acked", 3L, "expired", 5L), 0, List.of(), List.of(), Instant.EPOCH, 5, 1L, "app", Instant.EPOCH,
                0, Map.of(), 0, null, null);

        metrics.finished(labelled);

        assertThat(scrape())
                .contains("lethe_items_total{outcome=\"acked\",policy=\"uploads\"} 3.0")
                .contains("lethe_items_total{outcome=\"expired\",policy=\"uploads\"} 5.0")
                .contains("lethe_items_total{outcome=\"failed\",policy=\"uploads\"} 2.0")
                .doesNotContain("outcome=\"deleted\"")
                .doesNotContain("lethe_last_success_timestamp_seconds{policy=\"uploads\"}");
    }

    @Test
    void leasesErrorsAndScheduleIntervalsAreExposed() {
        metrics.leaseHeld("p", true);
        metrics.error("p", "store");
        metrics.error("p", "store");
        metrics.scheduled("p", Duration.ofMinutes(5));

        assertThat(scrape())
                .contains("lethe_lease_held{policy=\"p\"} 1.0")
                .contains("lethe_run_errors_total{kind=\"store\",policy=\"p\"} 2.0")
                .contains("lethe_schedule_interval_seconds{policy=\"p\"} 300.0");
        metrics.leaseHeld("p", false);
        assertThat(scrape()).contains("lethe_lease_held{policy=\"p\"} 0.0");
    }
}
