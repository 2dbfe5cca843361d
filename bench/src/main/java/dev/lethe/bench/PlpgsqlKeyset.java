package dev.lethe.bench;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Lethe's own algorithm with no client at all: keyset batches of {@value #BATCH_SIZE} in a PL/pgSQL
 * {@code DO} block, each committed. Like Lethe it finds each batch's upper key with
 * {@code ORDER BY id LIMIT 1 OFFSET n-1}, then deletes {@code id > last AND id <= upper AND <predicate>}, with
 * the cutoffs frozen once at the start. The gap between this and Lethe is what the round trips, the plan and
 * the per-batch reporting cost; the gap between this and the raw DELETE is what batching itself costs.
 */
final class PlpgsqlKeyset implements Contender {

    static final int BATCH_SIZE = 5000;

    private static final String BLOCK = """
            DO $$
            DECLARE
              last_id bigint := 0;
              upper_id bigint;
              t_now timestamptz := now();
              t_ack timestamptz := now() - interval '1 hour';
            BEGIN
              LOOP
                SELECT id INTO upper_id FROM pending_uploads
                  WHERE id > last_id AND ((acked_at < t_ack) OR (acked_at IS NULL AND expires_at < t_now))
                  ORDER BY id LIMIT 1 OFFSET %d;
                IF upper_id IS NULL THEN
                  DELETE FROM pending_uploads
                    WHERE id > last_id AND ((acked_at < t_ack) OR (acked_at IS NULL AND expires_at < t_now));
                  COMMIT;
                  EXIT;
                END IF;
                DELETE FROM pending_uploads
                  WHERE id > last_id AND id <= upper_id AND ((acked_at < t_ack) OR (acked_at IS NULL AND expires_at < t_now));
                last_id := upper_id;
                COMMIT;
              END LOOP;
            END $$""".formatted(BATCH_SIZE - 1);

    @Override
    public String name() {
        return "keyset " + BATCH_SIZE + " in PL/pgSQL";
    }

    @Override
    public String description(BenchDatabase db) {
        return "DO block: loop { upper := SELECT id … WHERE id > last AND pred ORDER BY id LIMIT 1 OFFSET "
                + (BATCH_SIZE - 1) + "; DELETE … WHERE id > last AND id <= upper AND pred; COMMIT }";
    }

    @Override
    public Timing run(BenchDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute(BLOCK);
            return Timing.inProcess(Stopwatch.millisSince(start), null);
        }
    }
}
