package dev.lethe.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvReferencesTest {

    private static final Map<String, String> ENV = Map.of("HOST", "db", "PASSWORD", "s3cret", "EMPTY", "");

    @Test
    void resolvesEveryReferenceInAString() {
        assertThat(EnvReferences.resolve("jdbc:postgresql://${env:HOST}:5432/${env:DB:-app}", ENV))
                .isEqualTo("jdbc:postgresql://db:5432/app");
        assertThat(EnvReferences.resolve("no references", ENV)).isEqualTo("no references");
    }

    @Test
    void aDefaultAppliesToUnsetAndEmptyLikeTheShell() {
        assertThat(EnvReferences.resolve("${env:EMPTY:-fallback}", ENV)).isEqualTo("fallback");
        assertThat(EnvReferences.resolve("${env:MISSING:-}", ENV)).isEmpty();
        assertThat(EnvReferences.resolve("${env:EMPTY}", ENV)).isEmpty();
    }

    @Test
    void anUnsetVariableIsAnErrorNamingItButNeverAValue() {
        assertThatThrownBy(() -> EnvReferences.resolve("x${env:APP_DB_PASSWORD}", ENV))
                .hasMessage("environment variable APP_DB_PASSWORD is not set (referenced as ${env:APP_DB_PASSWORD})");
    }

    @Test
    void doubledDollarEscapesAReference() {
        assertThat(EnvReferences.resolve("$${env:HOST} is ${env:HOST}", ENV)).isEqualTo("${env:HOST} is db");
    }

    @Test
    void malformedReferencesAreErrors() {
        assertThatThrownBy(() -> EnvReferences.resolve("${env:HOST", ENV)).hasMessageStartingWith("unterminated reference");
        assertThatThrownBy(() -> EnvReferences.resolve("${env:}", ENV)).hasMessageContaining("does not name");
        assertThatThrownBy(() -> EnvReferences.resolve("${env:A B}", ENV)).hasMessageContaining("does not name");
    }

    @Test
    void otherDollarBracesAreLeftAlone() {
        assertThat(EnvReferences.resolve("price ${amount} $5", ENV)).isEqualTo("price ${amount} $5");
    }
}
