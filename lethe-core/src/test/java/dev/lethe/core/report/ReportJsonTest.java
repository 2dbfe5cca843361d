package dev.lethe.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private final RunReport report = new RunReport("pending-uploads", RunStatus.OK, false, 822912, 822912, 0, 0,
            Map.of("expired", 556245L, "acked", 266667L), 0, List.of(), List.of(),
            Instant.parse("2026-11-22T10:00:00Z"), 1234, 7L, "app", Instant.parse("2026-11-22T10:00:00.5Z"), 0,
            Map.of(), 0, null, null);

    @Test
    void rendersTheDesignContractKeysFirstAndInOrder() throws Exception {
        JsonNode run = ReportJson.mapper().readTree(ReportJson.writeRuns(List.of(report))).get("runs").get(0);
        List<String> keys = new ArrayList<>();
        run.fieldNames().forEachRemaining(keys::add);

        assertThat(keys).startsWith("policy", "status", "dryRun", "matched", "deleted", "updated", "failed",
                "outcomes", "bytesFreed", "dataLoss", "warnings", "startedAt", "durationMs");
        assertThat(run.get("status").asText()).isEqualTo("ok");
        assertThat(run.get("startedAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(run.get("outcomes").get("acked").asLong()).isEqualTo(266667);
        assertThat(run.has("error")).isFalse();
    }

    @Test
    void readsBackWhatItWrites() {
        assertThat(ReportJson.read(ReportJson.write(report))).isEqualTo(report);
    }
}
