package dev.lethe.bench;

/**
 * The pending-uploads dataset: {@code rows} rows, ids 1..rows, about 82% of them eligible under the
 * pending-uploads policy {@code (acked_at < now - 1h) OR (acked_at IS NULL AND expires_at < now)}.
 *
 * <p>Design note. Every row falls in one of four classes by a bucket {@code b = id * 7919 mod 10000}
 * (7919 is prime to 10000, so each block of 10,000 ids holds every bucket exactly once and eligible rows
 * are spread evenly through the key range, as they are in a real table):
 * <pre>
 *   b &lt; 2667          acked long ago           eligible, outcome "acked"    26.67%
 *   2667 &le; b &lt; 8229   unacked and expired      eligible, outcome "expired"  55.62%
 *   8229 &le; b &lt; 9000   unacked, not yet expired live                          7.71%
 *   9000 &le; b          acked in the last 10 min live                         10.00%
 * </pre>
 * Times are minute offsets from the database's own clock at generation; every row expires one day after it
 * was created. Each class keeps at least 50 minutes between its times and the policy's cutoffs, so a copy
 * classifies the same way for the whole time a contender works on it. Each database renders the same
 * offsets with its own date arithmetic, so the expected counts below hold for all of them.
 */
final class Dataset {

    static final String TABLE = "pending_uploads";
    static final String POLICY = "pending-uploads";
    /** The policy's predicate, with the cutoffs Lethe binds from the store's clock. */
    static final String LETHE_WHERE = "(acked_at < :ackRetention) OR (acked_at IS NULL AND expires_at < :now)";

    private static final int MODULUS = 10_000;
    private static final int MULTIPLIER = 7_919;
    private static final int ACKED_OLD_END = 2_667;
    private static final int EXPIRED_END = 8_229;
    private static final int LIVE_UNACKED_END = 9_000;

    private Dataset() {
    }

    /** Columns {@code id, b, m} for an id column named {@code id}: the bucket and a 0..999 spread. */
    static String bucketColumns(String id) {
        return id + " AS id, (" + id + " * " + MULTIPLIER + ") % " + MODULUS + " AS b, " + id + " % 1000 AS m";
    }

    /** Minutes from the base time to created_at, from columns {@code b} and {@code m}. */
    static String createdOffsetMinutes() {
        return "CASE WHEN b < " + ACKED_OLD_END + " THEN -(1440 + m)"
                + " WHEN b < " + EXPIRED_END + " THEN -(1500 + m)"
                + " WHEN b < " + LIVE_UNACKED_END + " THEN -m"
                + " ELSE -(30 + m % 10) END";
    }

    /** Minutes from the base time to acked_at, NULL for unacked rows. */
    static String ackedOffsetMinutes() {
        return "CASE WHEN b < " + ACKED_OLD_END + " THEN -(1410 + m)"
                + " WHEN b < " + LIVE_UNACKED_END + " THEN NULL"
                + " ELSE -(m % 10) END";
    }

    /** expires_at = created_at + this many minutes. */
    static int ttlMinutes() {
        return 1440;
    }

    /** Owner, 'owner-0'..'owner-4999'; concatenation is left to the dialect. */
    static String ownerNumber(String id) {
        return "(" + id + " % 5000)";
    }

    /** A 100-character payload, the same in every database: 'upload-', 10 digits, ':', 82 digits. */
    static String payloadNumber(String id) {
        return "((" + id + " * 2654435761) % 1000000007)";
    }

    /** What a correct sweep of {@code rows} rows deletes and leaves. */
    static Expected expected(long rows) {
        long acked = 0;
        long expired = 0;
        long remaining = 0;
        long remainingIdSum = 0;
        for (long id = 1; id <= rows; id++) {
            long b = (id * MULTIPLIER) % MODULUS;
            if (b < ACKED_OLD_END) {
                acked++;
            } else if (b < EXPIRED_END) {
                expired++;
            } else {
                remaining++;
                remainingIdSum += id;
            }
        }
        return new Expected(rows, acked, expired, remaining, remainingIdSum);
    }

    /**
     * The counts a correct sweep produces.
     *
     * @param rows           rows generated
     * @param acked          eligible rows acked more than an hour ago
     * @param expired        eligible rows never acked and past expiry
     * @param remaining      rows a correct sweep leaves
     * @param remainingIdSum sum of the ids it leaves, a cheap fingerprint of which rows survived
     */
    record Expected(long rows, long acked, long expired, long remaining, long remainingIdSum) {
        long eligible() {
            return acked + expired;
        }
    }
}
