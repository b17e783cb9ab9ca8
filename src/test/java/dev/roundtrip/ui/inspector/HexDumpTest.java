package dev.roundtrip.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HexDumpTest {
    @Test
    void theBytesPerLineAreTheMostEvenCountWhoseLineFitsTheRoom() {
        assertThat(HexDump.perLineFitting(HexDump.charsPerLine(8))).isEqualTo(8);
        assertThat(HexDump.perLineFitting(HexDump.charsPerLine(8) - 1)).isEqualTo(6);
        assertThat(HexDump.perLineFitting(HexDump.charsPerLine(7))).as("odd counts round down").isEqualTo(6);
        assertThat(HexDump.perLineFitting(5)).as("never fewer than").isEqualTo(HexDump.MIN_PER_LINE);
        assertThat(HexDump.perLineFitting(1000)).as("never more than").isEqualTo(HexDump.MAX_PER_LINE);
    }

    @Test
    void eachLineHoldsTheAskedBytesAndIsAsWideAsSaid() {
        byte[] data = "GET /users/1 HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
        List<HexLine> lines = HexDump.lines(data, data.length, true, -1, -1, 6);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1).offset()).isEqualTo("000006");
        assertThat(text(lines.get(1).text())).isEqualTo("sers/1");
        assertThat(text(lines.get(3).text())).isEqualTo("1.1←↓");
        for (HexLine l : lines) {
            assertThat(l.offset().length() + 2 + text(l.hex()).length() + 1 + 6).as("a padded line's width").isEqualTo(HexDump.charsPerLine(6));
        }
    }

    private static String text(List<HexLine.Run> runs) {
        StringBuilder b = new StringBuilder();
        for (HexLine.Run r : runs) b.append(r.text());
        return b.toString();
    }
}
