package dev.roundtrip.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.ui.lessons.ShortMarkdown.Block;
import dev.roundtrip.ui.lessons.ShortMarkdown.BlockKind;
import dev.roundtrip.ui.lessons.ShortMarkdown.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortMarkdownTest {
    @Test
    void paragraphsAreSeparatedByEmptyLinesAndLinesJoin() {
        List<Block> b = ShortMarkdown.parse("Every time you open\na web page.\n\nSecond   paragraph.\n");
        assertThat(b).extracting(Block::kind).containsExactly(BlockKind.PARAGRAPH, BlockKind.PARAGRAPH);
        assertThat(b.get(0).plainText()).isEqualTo("Every time you open a web page.");
        assertThat(b.get(1).plainText()).isEqualTo("Second   paragraph.");
    }

    @Test
    void boldItalicsCodeAndLinksAsText() {
        List<Span> s = ShortMarkdown.parse("Send `GET /` to the **Server** and *wait*, see [the docs](https://x.org).").get(0).spans();
        assertThat(s).contains(new Span("GET /", false, false, true), new Span("Server", true, false, false),
                new Span("wait", false, true, false));
        assertThat(ShortMarkdown.parse("see [the docs](https://x.org).").get(0).plainText()).isEqualTo("see the docs.");
    }

    @Test
    void listsKeepTheirMarkers() {
        List<Block> b = ShortMarkdown.parse("Intro:\n\n- first **one**\n- second\n1. numbered\n");
        assertThat(b).extracting(Block::kind).containsExactly(BlockKind.PARAGRAPH, BlockKind.BULLET, BlockKind.BULLET, BlockKind.NUMBERED);
        assertThat(b.get(1).marker()).isEqualTo("•");
        assertThat(b.get(1).spans()).contains(new Span("one", true, false, false));
        assertThat(b.get(3).marker()).isEqualTo("1.");
        assertThat(b.get(3).plainText()).isEqualTo("numbered");
    }

    @Test
    void unmatchedMarksAndSnakeCaseStayAsWritten() {
        assertThat(ShortMarkdown.parse("2 * 3 is six, TCP_NODELAY and **half").get(0).plainText())
                .isEqualTo("2 * 3 is six, TCP_NODELAY and **half");
        assertThat(ShortMarkdown.parse("a `\\r\\n` pair").get(0).spans()).contains(new Span("\\r\\n", false, false, true));
    }
}
