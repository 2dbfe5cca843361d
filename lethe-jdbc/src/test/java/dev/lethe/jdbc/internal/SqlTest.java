package dev.lethe.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void fillBindsEachSlotsParametersInTheOrderTheSlotsAppear() {
        Sql predicate = Sql.concat("a < ", Sql.param(1));
        Sql where = Sql.concat("id > ", Sql.param(7), " AND ", predicate);

        Sql filled = Sql.fill("DELETE FROM {table} WHERE id IN (SELECT id WHERE {where}) AND {predicate}",
                Map.of("table", Sql.of("t"), "where", where, "predicate", predicate));

        assertThat(filled.text()).isEqualTo("DELETE FROM t WHERE id IN (SELECT id WHERE id > ? AND a < ?) AND a < ?");
        assertThat(filled.args()).containsExactly(7, 1, 1);
    }

    @Test
    void fillRefusesASlotItHasNoValueFor() {
        assertThatThrownBy(() -> Sql.fill("SELECT {nope}", Map.of())).hasMessageContaining("{nope}");
    }
}
