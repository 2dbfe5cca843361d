package dev.lethe.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "5m, PT5M", "1h, PT1H", "7d, PT168H", "0s, PT0S",
            "1h30m, PT1H30M", "2d12h, PT60H", "1d1h1m1s1ms, PT25H1M1.001S", "90d, PT2160H"})
    void parsesEveryUnitAndCombinations(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5 m", "5min", "-5m", "1.5h", "5M", "m", "1h 30m", "30m1h", "1h1h", "5mss"})
    void rejectsEverythingElse(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBareNumberIsRejectedWithTheHintToAddAUnit() {
        assertThatThrownBy(() -> Durations.parse("90"))
                .hasMessage("'90' needs a unit; use e.g. 500ms, 30s, 5m, 1h, 7d or 1h30m");
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Durations.parse("99999999999999999999d")).hasMessageContaining("too long");
        assertThatThrownBy(() -> Durations.parse("999999999999999d")).hasMessageContaining("too long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"500ms", "30s", "5m", "1h30m", "7d", "2d12h", "0s", "1d1h1m1s1ms"})
    void formatIsTheInverseOfParse(String text) {
        assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
    }
}
