package dev.roundtrip.ui.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An SQL statement is shown whole, in lines that fit beside the database lifeline. */
class SqlCallShapesTest {
    @Test
    void aStatementBreaksBetweenWordsIntoLinesOfAtMostTheWidth() {
        assertThat(SqlCallShapes.lines("SELECT id, name, email FROM users WHERE id = ?", 21))
                .containsExactly("SELECT id, name,", "email FROM users", "WHERE id = ?");
        assertThat(SqlCallShapes.lines("SELECT 1", 21)).containsExactly("SELECT 1");
    }

    @Test
    void aWordLongerThanALineIsBrokenInsideAndNothingIsLost() {
        assertThat(SqlCallShapes.lines("SELECT averyveryverylongcolumnname FROM t", 10))
                .containsExactly("SELECT", "averyveryv", "erylongcol", "umnname", "FROM t");
        assertThat(SqlCallShapes.lines("", 10)).containsExactly("");
    }

    @Test
    void aLineHoldsWhatItsWidthHoldsInTheMonospaceFont() {
        assertThat(SqlCallShapes.charsIn(211)).isEqualTo(21);
        assertThat(SqlCallShapes.charsIn(10)).as("never fewer than 8").isEqualTo(8);
    }
}
