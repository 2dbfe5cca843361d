package dev.lethe.jdbc.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.history.RunProcess;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The liveness rules {@link JdbcRunHistory} relies on to tell a crashed run from a running one. */
class RunProcessLivenessTest {

    @Test
    void isWrittenAndParsedAsPidAtHost() {
        RunProcess process = new RunProcess(4242, "worker-1.example");
        assertThat(process.toString()).isEqualTo("4242@worker-1.example");
        assertThat(RunProcess.parse("4242@worker-1.example")).contains(process);
        assertThat(RunProcess.parse("worker-1")).isEmpty();
        assertThat(RunProcess.parse("x@worker-1")).isEmpty();
        assertThat(RunProcess.parse(null)).isEmpty();
    }

    @Test
    void thisProcessIsNotGone() {
        assertThat(RunProcess.current().isGone(Instant.now())).isFalse();
    }

    @Test
    void anotherHostsProcessIsNeverJudgedFromHere() {
        assertThat(new RunProcess(1, "not-" + RunProcess.current().host()).isGone(Instant.EPOCH)).isFalse();
    }

    @Test
    void aPidNowHeldByAProcessStartedAfterTheLastHeartbeatIsAReuse() {
        // This JVM started after a heartbeat an hour ago: whoever wrote that heartbeat under our pid is gone.
        assertThat(RunProcess.current().isGone(Instant.now().minus(Duration.ofHours(1)))).isTrue();
    }
}
