package dev.roundtrip.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The one rule set of hand-typed bytes, as the GUI's raw composer and {@code trace --raw} use it. */
class ByteEscapesTest {
    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void everyEscapeStandsForItsByte() {
        assertThat(ByteEscapes.parse("a\\r\\n\\t\\0\\\\\\x41\\xff\\xFe")).containsExactly('a', '\r', '\n', '\t', 0, '\\', 'A', 0xff, 0xfe);
        assertThat(ByteEscapes.parse("A\\r\\n\nB\\x00\\\\")).isEqualTo(new byte[] {'A', '\r', '\n', 'B', 0, '\\'});
        assertThat(ByteEscapes.parse("")).isEmpty();
    }

    @Test
    void aTypedLineBreakIsCrlfExceptRightAfterAnEscapedLf() {
        assertThat(ByteEscapes.parse("GET / HTTP/1.1\nHost: x\n\n")).isEqualTo(latin1("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        // whatever the editor or shell typed: LF, CR LF or a lone CR is one line break
        assertThat(ByteEscapes.parse("a\r\nb\rc\n")).isEqualTo(latin1("a\r\nb\r\nc\r\n"));
        // after an escaped \n the typed break is layout; a second one is a line break again
        assertThat(ByteEscapes.parse("a\\n\nb\\n\r\n\nc")).isEqualTo(latin1("a\nb\n\r\nc"));
        // only directly after: a character in between ends the exception
        assertThat(ByteEscapes.parse("a\\n \n")).isEqualTo(latin1("a\n \r\n"));
        assertThat(ByteEscapes.parse("a\\r\n")).isEqualTo(latin1("a\r\r\n"));
    }

    @Test
    void charactersBeyondAsciiAreTheirUtf8Bytes() {
        assertThat(ByteEscapes.parse("é")).containsExactly(0xc3, 0xa9);
        assertThat(ByteEscapes.parse("\\xe9")).containsExactly(0xe9);
        assertThat(ByteEscapes.parse("€ 😀")).isEqualTo("€ 😀".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mistakesNameLineColumnAndWhatWasExpected() {
        assertThatThrownBy(() -> ByteEscapes.parse("ok\nbad \\xZZ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2, column 5: \\x must be followed by two hex digits, found \"ZZ\"");
        assertThatThrownBy(() -> ByteEscapes.parse("\\x4")).hasMessage("line 1, column 1: \\x must be followed by two hex digits, found \"4\"");
        assertThatThrownBy(() -> ByteEscapes.parse("\\q")).hasMessage("line 1, column 1: unknown escape \\q; expected \\r, \\n, \\t, \\0, \\\\ or \\xHH");
        assertThatThrownBy(() -> ByteEscapes.parse("x\\")).hasMessage("line 1, column 2: a lone \\ at the end; write \\\\ for a backslash");
        // columns count characters as typed: an escape is as wide as it is written, é is one
        assertThatThrownBy(() -> ByteEscapes.parse("é\\x41\\r😀\\y")).hasMessageStartingWith("line 1, column 9: unknown escape \\y");
        assertThatThrownBy(() -> ByteEscapes.parse("a\\n\n\\z")).hasMessageStartingWith("line 2, column 1:");
        assertThatThrownBy(() -> ByteEscapes.parse("\\\u0001")).hasMessageStartingWith("line 1, column 1: unknown escape \\ followed by control character U+0001");
        assertThatThrownBy(() -> ByteEscapes.parse("a\uD800b")).hasMessageStartingWith("line 1, column 2: half of a character");
        assertThatThrownBy(() -> ByteEscapes.parse("a\\\nb")).hasMessage("line 1, column 2: a lone \\ at the end of the line; write \\\\ for a backslash");
    }

    @Test
    void formatRoundTripsEveryByte() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        assertThat(ByteEscapes.parse(ByteEscapes.format(all))).isEqualTo(all);
        for (int i = 0; i < 256; i++) {
            byte[] one = {(byte) i};
            assertThat(ByteEscapes.parse(ByteEscapes.format(one))).as("byte %02x", i).isEqualTo(one);
            byte[] twice = {(byte) i, (byte) i};
            assertThat(ByteEscapes.parse(ByteEscapes.format(twice))).as("bytes %02x %02x", i, i).isEqualTo(twice);
        }
    }

    @Test
    void formatShowsAnHttpHeadLineByLine() {
        assertThat(ByteEscapes.format(latin1("GET / HTTP/1.1\r\nHost: x\r\n\r\n")))
                .isEqualTo("GET / HTTP/1.1\\r\\n\nHost: x\\r\\n\n\\r\\n\n");
        assertThat(ByteEscapes.format(new byte[] {0, '\t', '\\', 0x7f, (byte) 0xe9})).isEqualTo("\\0\\t\\\\\\x7f\\xe9");
    }

    @Property(tries = 2000)
    void formatThenParseGivesTheSameBytes(@ForAll byte[] bytes) {
        assertThat(ByteEscapes.parse(ByteEscapes.format(bytes))).isEqualTo(bytes);
    }

    @Property(tries = 2000)
    void parsingAnyTextEitherGivesBytesOrNamesALine(@ForAll String text) {
        try {
            byte[] b = ByteEscapes.parse(text);
            assertThat(ByteEscapes.parse(ByteEscapes.format(b))).isEqualTo(b);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).matches("(?s)line \\d+, column \\d+: .+");
        }
    }
}
