package dev.lethe.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @ParameterizedTest
    @CsvSource({"512KiB, 524288", "64MiB, 67108864", "4GiB, 4294967296", "1TiB, 1099511627776",
            "4096, 4096", "10B, 10", "10KB, 10000", "10MB, 10000000", "2GB, 2000000000", "1TB, 1000000000000", "0, 0"})
    void parsesBinaryDecimalAndPlainBytes(String text, long bytes) {
        assertThat(Sizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4Gb", "4gib", "4 GiB", "1.5GiB", "-1", "GiB", "4GiBs", "4K"})
    void rejectsAmbiguousOrMalformedSizes(String text) {
        assertThatThrownBy(() -> Sizes.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a size; use e.g. 512KiB, 64MiB, 4GiB, 10MB or a number of bytes");
    }

    @Test
    void overflowIsAnError() {
        assertThatThrownBy(() -> Sizes.parse("9999999TiB")).hasMessage("'9999999TiB' is too large a size");
    }

    @Test
    void formatPicksTheLargestExactBinaryUnit() {
        assertThat(Sizes.format(64L << 20)).isEqualTo("64MiB");
        assertThat(Sizes.format(3072)).isEqualTo("3KiB");
        assertThat(Sizes.format(1536)).isEqualTo("1536B");
        assertThat(Sizes.format(0)).isEqualTo("0B");
    }
}
