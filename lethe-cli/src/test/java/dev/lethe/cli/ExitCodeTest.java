package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void allOkOrNothingToDoIsZero() {
        assertThat(ExitCode.of(reports(RunStatus.OK, RunStatus.OK))).isZero();
        assertThat(ExitCode.of(List.of())).isZero();
    }

    @Test
    void nothingDoneIsFailure() {
        assertThat(ExitCode.of(reports(RunStatus.FAILED))).isEqualTo(1);
        assertThat(ExitCode.of(reports(RunStatus.REFUSED))).isEqualTo(1);
        assertThat(ExitCode.of(reports(RunStatus.FAILED, RunStatus.REFUSED))).isEqualTo(1);
    }

    @Test
    void someDoneIsPartial() {
        assertThat(ExitCode.of(reports(RunStatus.PARTIAL))).isEqualTo(3);
        assertThat(ExitCode.of(reports(RunStatus.OK, RunStatus.FAILED))).isEqualTo(3);
        assertThat(ExitCode.of(reports(RunStatus.OK, RunStatus.REFUSED))).isEqualTo(3);
        assertThat(ExitCode.of(reports(RunStatus.PARTIAL, RunStatus.FAILED))).isEqualTo(3);
    }

    private static List<RunReport> reports(RunStatus... statuses) {
        return Arrays.stream(statuses)
                .map(s -> new RunReport("p", s, false, 0, 0, 0, 0, Map.of(), 0, List.of(), List.of(), Instant.EPOCH, 0,
                        null, "app", null, 0, Map.of(), 0, null, null))
                .toList();
    }
}
