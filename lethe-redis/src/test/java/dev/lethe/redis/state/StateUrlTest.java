package dev.lethe.redis.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code ?prefix=NAME} keeps deployments apart on one Redis and never reaches the client. */
class StateUrlTest {

    @Test
    void withoutAPrefixTheDefaultHashTagIsUsed() {
        assertThat(StateUrl.parse("redis://127.0.0.1:6379/2")).isEqualTo(new StateUrl("redis://127.0.0.1:6379/2", "{lethe}:"));
    }

    @Test
    void thePrefixParameterBecomesTheHashTagAndLeavesTheRestAlone() {
        assertThat(StateUrl.parse("redis://h:1?prefix=prod")).isEqualTo(new StateUrl("redis://h:1", "{prod}:"));
        assertThat(StateUrl.parse("rediss://h:1?timeout=5s&prefix=prod")).isEqualTo(new StateUrl("rediss://h:1?timeout=5s", "{prod}:"));
        assertThat(StateUrl.parse("redis://h:1?prefix=prod&timeout=5s")).isEqualTo(new StateUrl("redis://h:1?timeout=5s", "{prod}:"));
        assertThat(StateUrl.parse("redis://a:1,redis://b:2?prefix=x.y")).isEqualTo(new StateUrl("redis://a:1,redis://b:2", "{x.y}:"));
    }

    @Test
    void aPrefixThatCouldBreakTheHashTagIsRefused() {
        assertThatThrownBy(() -> StateUrl.parse("redis://h:1?prefix=a}b")).hasMessageContaining("prefix must be");
    }
}
