package dev.lethe.core.owner;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import java.util.List;

/**
 * What collecting one owner did: one run report per member, in the order of the kind's members. One member
 * failing does not stop the others.
 *
 * @param kind    the owner kind
 * @param id      the owner's id
 * @param status  {@code ok} when every member is ok; {@code failed} when none processed anything and none is ok;
 *                {@code partial} otherwise
 * @param members each member's report (policy {@code <kind>.<position>}, its store, counts, warnings)
 */
@JsonPropertyOrder({"kind", "id", "status", "members"})
public record CollectReport(String kind, String id, RunStatus status, List<RunReport> members) {

    public CollectReport {
        members = List.copyOf(members);
    }

    /** The report of {@code members}, with the status they add up to. */
    public static CollectReport of(String kind, String id, List<RunReport> members) {
        return new CollectReport(kind, id, statusOf(members), members);
    }

    /** Items removed or changed across all members. */
    public long processed() {
        return members.stream().mapToLong(RunReport::processed).sum();
    }

    private static RunStatus statusOf(List<RunReport> members) {
        if (members.stream().allMatch(r -> r.status() == RunStatus.OK)) {
            return RunStatus.OK;
        }
        boolean anyDone = members.stream().anyMatch(r -> r.status() == RunStatus.OK || r.processed() > 0);
        return anyDone ? RunStatus.PARTIAL : RunStatus.FAILED;
    }
}
