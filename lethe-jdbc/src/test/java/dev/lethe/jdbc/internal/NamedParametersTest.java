package dev.lethe.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.jdbc.dialect.MariaDbDialect;
import dev.lethe.jdbc.dialect.PostgresDialect;
import dev.lethe.jdbc.dialect.SqlSyntax;
import dev.lethe.jdbc.dialect.SqliteDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedParametersTest {

    private static final SqlSyntax POSTGRES = new PostgresDialect().syntax();
    private static final SqlSyntax MARIADB = new MariaDbDialect().syntax();
    private static final SqlSyntax SQLITE = new SqliteDialect().syntax();

    private static Sql expand(String sql, SqlSyntax syntax) {
        return NamedParameters.parse(sql, syntax).expand(name -> Sql.param(name.toUpperCase()));
    }

    @Test
    void replacesEachParameterWithAPlaceholderInOrder() {
        Sql sql = expand("(a < :ackRetention) OR (a IS NULL AND e < :now) OR b < :now", SQLITE);

        assertThat(sql.text()).isEqualTo("(a < ?) OR (a IS NULL AND e < ?) OR b < ?");
        assertThat(sql.args()).containsExactly("ACKRETENTION", "NOW", "NOW");
    }

    @Test
    void leavesColonsInStringsQuotedIdentifiersAndCommentsAlone() {
        Sql sql = expand("s <> ':now' AND \"we:ird\" = 'it''s :x' /* :c */ AND t < :now -- :d", SQLITE);

        assertThat(sql.args()).containsExactly("NOW");
        assertThat(sql.text()).isEqualTo("s <> ':now' AND \"we:ird\" = 'it''s :x' /* :c */ AND t < ? -- :d\n");
    }

    @Test
    void postgresCastsDollarQuotesAndEscapeStringsAreNotParameters() {
        Sql sql = expand("a < :cutoff::timestamptz AND b <> $$:now$$ AND c <> $t$ :x $t$ AND d <> E'\\' :y'", POSTGRES);

        assertThat(sql.args()).containsExactly("CUTOFF");
        assertThat(sql.text()).startsWith("a < ?::timestamptz");
    }

    @Test
    void mariaDbBackslashEscapesHashCommentsAndBackticks() {
        Sql sql = expand("s <> 'it\\'s :x' AND `a:b` = 1 AND t < :now # :comment", MARIADB);

        assertThat(sql.args()).containsExactly("NOW");
    }

    @Test
    void assignmentAndDoubledQuestionMarksPassThrough() {
        Sql sql = expand("@x := 1 AND doc ?? 'k' AND t < :now", POSTGRES);

        assertThat(sql.text()).isEqualTo("@x := 1 AND doc ?? 'k' AND t < ?");
    }

    @Test
    void refusesAPositionalParameter() {
        assertThatThrownBy(() -> NamedParameters.parse("a = ? AND b < :now", SQLITE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positional parameter '?'");
    }

    @Test
    void refusesAnUnterminatedLiteral() {
        assertThatThrownBy(() -> NamedParameters.parse("a = 'oops", SQLITE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated");
    }

    @Test
    void knowsTheTextAroundEachParameter() {
        NamedParameters parsed = NamedParameters.parse("observation_id IN ( :keys ) AND x < :now", SQLITE);

        assertThat(parsed.names()).isEqualTo(List.of("keys", "now"));
        assertThat(parsed.textBefore(0)).isEqualTo("observation_id IN ( ");
        assertThat(parsed.textBefore(1)).isEqualTo(" ) AND x < ");
    }
}
