package dev.lethe.server.internal;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;

/** Runs one policy once, blocking, on a worker thread of the scheduler. */
@FunctionalInterface
public interface PolicyRunner {

    /**
     * @return the run's report, whatever its status
     * @throws dev.lethe.server.LeaseUnavailableException when the run did not start for want of its lease
     */
    RunReport run(Policy policy, Engine engine);
}
