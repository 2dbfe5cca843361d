package dev.lethe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exclude globs are matched on the client; they must match exactly what the server's MATCH would. */
@ExtendWith(RedisServers.Standalone.class)
class GlobTest {

    private static final List<String> NAMES = List.of("a", "ab", "abc", "a.c", "a*c", "a?c", "a[c", "a]c", "a\\c",
            "b", "ba", "xyz", "x-z", "a\nc", "é", "aé", "mosaic:channel:c1", "mosaic:session:s1:msg2");

    @ParameterizedTest
    @ValueSource(strings = {"*", "a*", "a?c", "a[bc]*", "a[^b]*", "[a-b]*", "[b-a]?", "a\\*c", "a\\?c", "a[\\]]c",
            "a.c", "x[-]z", "*:channel:*", "mosaic:session:*:msg?", "a\\\\c", "?", "[é]", "a[!b]*"})
    void matchesWhatTheServerMatches(String glob, RedisDeployment redis) {
        String prefix = "lethe-glob:" + UUID.randomUUID() + ":";
        try {
            NAMES.forEach(name -> redis.keys().set(prefix + name, "v"));

            List<String> server = redis.scan(Glob.escape(prefix) + glob).stream()
                    .map(key -> key.substring(prefix.length())).sorted().toList();
            List<String> client = NAMES.stream().filter(name -> Glob.of(glob).matches(name)).sorted().toList();

            assertThat(client).as("keys matching %s", glob).isEqualTo(server);
        } finally {
            redis.deleteAll(Glob.escape(prefix));
        }
    }

    @Test
    void anEscapedLiteralMatchesOnlyItself() {
        for (String text : List.of("s*1", "a?b", "[x]", "back\\slash", "plain")) {
            assertThat(Glob.of(Glob.escape(text)).matches(text)).isTrue();
            assertThat(Glob.of(Glob.escape(text)).matches(text + "x")).isFalse();
        }
        assertThat(Glob.of(Glob.escape("s*1")).matches("s221")).isFalse();
    }
}
