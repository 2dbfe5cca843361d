package dev.lethe.jdbc.internal;

/**
 * How many blocks the next block-range batch covers, aiming at a target number of deleted rows.
 *
 * <p>Design note. The first aim is the plan's: matched rows per block over the whole table. After each batch the
 * aim is taken again from the rows that batch found per block it read, the density where the sweep is now and
 * most likely just ahead of it. A range at most doubles from one batch to the next, so a sparse stretch cannot
 * launch one enormous range into a dense one, and it never covers more than {@link #MAX_BATCHES} batches' worth of
 * the table's rows (matching or not) at their average density per block: that bounds how far a batch can
 * overshoot its target when the density jumps. It shrinks at once, to the aim from the last batch alone, and never
 * below one block.
 */
final class BlockBudget {

    /** A batch at the table's average density must span this many blocks for block ranges to be used at all. */
    static final int MIN_BLOCKS = 4;
    /** A range never holds more than this many batches' worth of rows at the table's average density. */
    static final int MAX_BATCHES = 4;

    private final long target;
    private final long ceiling;
    private long blocks;

    private BlockBudget(long target, long ceiling, long blocks) {
        this.target = target;
        this.ceiling = ceiling;
        this.blocks = blocks;
    }

    /**
     * Whether batches of {@code target} rows can be cut by blocks: one block must hold, on average, at most
     * 1/{@value #MIN_BLOCKS} of a batch, or a single block would already overshoot a small batch size.
     */
    static boolean fits(long target, long rows, long pages) {
        return pages == 0 || target >= MIN_BLOCKS * Math.ceil((double) rows / pages);
    }

    /**
     * A budget for batches of {@code target} rows over a table of {@code pages} blocks holding {@code rows} rows, of
     * which {@code matched} match.
     */
    static BlockBudget aimedAt(long target, long matched, long rows, long pages) {
        double blocksPerRow = (double) Math.max(pages, 1) / Math.max(rows, 1);
        long ceiling = blocksFor(MAX_BATCHES * (double) target * blocksPerRow);
        long first = matched == 0 ? ceiling : blocksFor(target * (double) Math.max(pages, 1) / matched);
        return new BlockBudget(target, ceiling, Math.min(first, ceiling));
    }

    /** Blocks the next range should cover. */
    long blocks() {
        return blocks;
    }

    /** Re-aims after a range of {@code read} blocks held {@code rows} matching rows. */
    void observe(long rows, long read) {
        long grown = Math.min(blocks * 2, ceiling);
        long aim = rows == 0 ? grown : blocksFor((double) target * read / rows);
        blocks = Math.min(aim, grown);
    }

    /** {@code exact} blocks rounded up, at least one. */
    private static long blocksFor(double exact) {
        return Math.max(1, (long) Math.min(Math.ceil(exact), Long.MAX_VALUE / 4));
    }
}
