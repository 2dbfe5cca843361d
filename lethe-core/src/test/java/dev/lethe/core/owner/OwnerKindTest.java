package dev.lethe.core.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.policy.UpdateValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Owner templates: the id is bound, never spliced where it could widen the match. */
class OwnerKindTest {

    private final OwnerKind session = new OwnerKind("session", List.of(
            OwnerMember.delete("cache", KeySelection.matching("mosaic:session:{id}:*")),
            new OwnerMember("app", TableSelection.builder("agent_logs", "id").where("session_id = :id AND tier = 'hot'")
                    .build(), Action.update(Map.of("tier", UpdateValue.literal("warm"))), Limits.defaults())));

    @Test
    void eachMemberBecomesAPolicyNarrowedToTheOwner() {
        List<Policy> policies = session.policiesFor("42");

        assertThat(policies).extracting(Policy::name).containsExactly("session.1", "session.2");
        assertThat(policies).extracting(Policy::store).containsExactly("cache", "app");
        assertThat(((KeySelection) policies.get(0).selection()).pattern()).isEqualTo("mosaic:session:42:*");
        TableSelection rows = (TableSelection) policies.get(1).selection();
        assertThat(rows.where()).contains("session_id = :id AND tier = 'hot'");
        assertThat(rows.parameters()).isEqualTo(Map.of("id", "42"));
        assertThat(policies.get(1).action()).isInstanceOf(Action.Update.class);
    }

    @Test
    void aKeyIdWithGlobCharactersMatchesOnlyItself() {
        KeySelection keys = (KeySelection) session.policiesFor("*").get(0).selection();

        assertThat(keys.pattern()).isEqualTo("mosaic:session:\\*:*");
        assertThat(((KeySelection) session.policiesFor("a?[b]\\c").get(0).selection()).pattern())
                .isEqualTo("mosaic:session:a\\?\\[b\\]\\\\c:*");
    }

    @Test
    void aTemplateThatDoesNotNameTheOwnerIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> OwnerMember.delete("cache", KeySelection.matching("mosaic:session:*")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must contain {id}");
        assertThatThrownBy(() -> OwnerMember.delete("app", TableSelection.builder("t", "id").where("idle = 1").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("where must use :id");
        assertThatThrownBy(() -> OwnerMember.delete("app", TableSelection.builder("t", "id").where("x = :identity").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("where must use :id");
    }

    @Test
    void anEmptyIdIsRefused() {
        assertThatThrownBy(() -> session.policiesFor("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
    }

    @Test
    void aKindNeedsANameAndMembers() {
        assertThatThrownBy(() -> new OwnerKind("bad name", session.members())).hasMessageContaining("must match");
        assertThatThrownBy(() -> new OwnerKind("session", List.of())).hasMessageContaining("lists no stores");
    }
}
