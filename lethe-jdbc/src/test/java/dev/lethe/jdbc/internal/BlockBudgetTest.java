package dev.lethe.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlockBudgetTest {

    @Test
    void blockRangesNeedABatchToSpanAtLeastFourBlocksAtTheAverageDensity() {
        assertThat(BlockBudget.fits(5000, 1_000_000, 20_811)).isTrue();
        assertThat(BlockBudget.fits(192, 480, 10)).isTrue();
        assertThat(BlockBudget.fits(191, 480, 10)).isFalse();
        assertThat(BlockBudget.fits(1, 0, 0)).as("an empty table").isTrue();
    }

    @Test
    void theFirstRangeIsAimedFromThePlansMatchesPerBlock() {
        // The benchmark's table: 822,900 of 1,000,000 rows match, in 20,811 blocks.
        assertThat(BlockBudget.aimedAt(5000, 822_900, 1_000_000, 20_811).blocks()).isEqualTo(127);
    }

    @Test
    void aRangeAtMostDoublesAcrossEmptyBlocksUpToFourBatchesAtTheAverageDensity() {
        // 40 rows per block on average: four batches of 100 rows fill 10 blocks.
        BlockBudget budget = BlockBudget.aimedAt(100, 4000, 4000, 100);
        assertThat(budget.blocks()).isEqualTo(3);

        budget.observe(0, 3);
        assertThat(budget.blocks()).isEqualTo(6);
        budget.observe(0, 6);
        assertThat(budget.blocks()).isEqualTo(10);
        budget.observe(0, 10);
        assertThat(budget.blocks()).isEqualTo(10);
    }

    @Test
    void aRangeShrinksAtOnceAfterADenseOneButNeverBelowOneBlock() {
        BlockBudget budget = BlockBudget.aimedAt(1000, 10_000, 40_000, 1000);
        assertThat(budget.blocks()).isEqualTo(100);

        budget.observe(4000, 100);
        assertThat(budget.blocks()).isEqualTo(25);
        budget.observe(1_000_000, 25);
        assertThat(budget.blocks()).isEqualTo(1);
    }

    @Test
    void aRangeGrowsTowardsTheLastRangesAimNoFasterThanDoubling() {
        BlockBudget budget = BlockBudget.aimedAt(1000, 10_000, 40_000, 1000);
        budget.observe(4000, 100);

        budget.observe(100, 25);
        assertThat(budget.blocks()).isEqualTo(50);
        budget.observe(1000, 50);
        assertThat(budget.blocks()).isEqualTo(50);
    }

    @Test
    void aTableWithNoMatchesIsCrossedInTheLargestRanges() {
        assertThat(BlockBudget.aimedAt(100, 0, 4000, 100).blocks()).isEqualTo(10);
    }
}
