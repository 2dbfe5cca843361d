package dev.lethe.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTest {

    private static final List<String> LIMITS = List.of("batchSize", "maxItems", "maxFraction", "timeout");

    @Test
    void typosCaseAndSwappedLettersFindTheKey() {
        assertThat(ClosestName.among("batchsize", LIMITS)).contains("batchSize");
        assertThat(ClosestName.among("maxItem", LIMITS)).contains("maxItems");
        assertThat(ClosestName.among("tiemout", LIMITS)).contains("timeout");
        assertThat(ClosestName.among("kyes", List.of("key", "keys"))).contains("keys");
    }

    @Test
    void aPrefixFindsTheKeyWhenEditsDoNot() {
        assertThat(ClosestName.among("maxFrac", LIMITS)).contains("maxFraction");
        assertThat(ClosestName.among("olderThanDays", List.of("where", "olderThan"))).contains("olderThan");
    }

    @Test
    void unrelatedOrShortNamesSuggestNothing() {
        assertThat(ClosestName.among("retention", LIMITS)).isEmpty();
        assertThat(ClosestName.among("ab", List.of("cd", "id"))).isEmpty();
    }

    @Test
    void distanceCountsATranspositionAsOneEdit() {
        assertThat(ClosestName.distance("where", "wehre")).isEqualTo(1);
        assertThat(ClosestName.distance("table", "tabel")).isEqualTo(1);
        assertThat(ClosestName.distance("", "abc")).isEqualTo(3);
    }
}
