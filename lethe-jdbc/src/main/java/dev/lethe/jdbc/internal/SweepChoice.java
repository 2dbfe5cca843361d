package dev.lethe.jdbc.internal;

import dev.lethe.core.policy.Action;
import dev.lethe.jdbc.dialect.DeleteBatching;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks how a policy's batches are cut. A delete without cascades asks the dialect, which looks at the server and
 * the table ({@link dev.lethe.jdbc.dialect.Dialect#deleteBatching}): ranges of physical blocks
 * ({@link BlockRangeSweep}), batches cut by the statements that delete them ({@link PositionSweep}), or key
 * ranges. Updates,
 * moves and cascades always walk key ranges ({@link KeysetSweep}): an update can move a row ahead of a physical
 * cursor, and a cascade needs the batch's keys before its rows are gone.
 */
final class SweepChoice {

    private static final Logger LOG = LoggerFactory.getLogger(SweepChoice.class);

    private SweepChoice() {
    }

    /**
     * @throws dev.lethe.core.store.PolicyRejectedException when the database refuses the catalog check
     * @throws dev.lethe.core.store.StoreException when the connection is lost
     */
    static TableSweep of(JdbcSession session, SweepStatements statements) {
        CompiledPolicy policy = statements.policy;
        SweepPlanner planner = new SweepPlanner(statements);
        RangeAction byKey = RangeAction.of(statements);
        KeysetSweep keyset = new KeysetSweep(session, statements, byKey, planner);
        if (!(policy.action instanceof Action.Delete) || !policy.cascades.isEmpty()) {
            return keyset;
        }
        DeleteBatching batching;
        try {
            batching = session.read(s -> s.withConnection(c -> statements.dialect.deleteBatching(c, policy.tableName)));
        } catch (SQLException e) {
            session.rethrowIfConnectionLost(e, policy.names, "checking the policy");
            throw policy.names.rejected(PolicyOnStore.firstLine(e), e);
        }
        LOG.debug("policy '{}' on store '{}': deletes {} by {}", policy.names.policy(), policy.names.store(),
                policy.table, batching);
        if (batching instanceof DeleteBatching.BlockRanges blocks) {
            return new BlockRangeSweep(session, statements, blocks, keyset, byKey, planner);
        }
        if (batching instanceof DeleteBatching.Limited limited) {
            return new PositionSweep(session, statements, policy.key, new ReturningDelete(statements, limited), planner);
        }
        if (batching instanceof DeleteBatching.LockedRanges locked) {
            String position = locked.rowId().orElse(policy.key);
            return new PositionSweep(session, statements, position, new CountThenDelete(statements, position), planner);
        }
        return keyset;
    }
}
