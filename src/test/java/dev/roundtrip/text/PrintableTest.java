package dev.roundtrip.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void theTerminalAttackFromTheIssueIsShownNotRun() {
        assertThat(Printable.escape("/\u001b[2J\u001b[31mPWNED\u0007")).isEqualTo("/\\x1b[2J\\x1b[31mPWNED\\x07");
    }

    @Test
    void everyC0ControlAndDelAndEveryC1ControlIsAHexEscape() {
        for (char c = 0; c < 0x20; c++) assertThat(Printable.escape("a" + c + "b")).isEqualTo(String.format("a\\x%02xb", (int) c));
        assertThat(Printable.escape("\u007f")).isEqualTo("\\x7f");
        for (char c = 0x80; c <= 0x9f; c++) assertThat(Printable.escape(String.valueOf(c))).isEqualTo(String.format("\\x%02x", (int) c));
        assertThat(Printable.escape("line\r\nnext\ttab\u0000")).isEqualTo("line\\x0d\\x0anext\\x09tab\\x00");
    }

    @Test
    void loneSurrogatesAndDirectionOverridesAreUnicodeEscapes() {
        assertThat(Printable.escape("x\uD800y")).isEqualTo("x\\uD800y");
        assertThat(Printable.escape("\uDC00")).isEqualTo("\\uDC00");
        assertThat(Printable.escape("ab\uD83D")).isEqualTo("ab\\uD83D");
        assertThat(Printable.escape("\u202Egnp.exe")).isEqualTo("\\u202Egnp.exe");
        assertThat(Printable.escape("a\u2028b\u2029c\u2066d\u200F")).isEqualTo("a\\u2028b\\u2029c\\u2066d\\u200F");
    }

    @Test
    void normalTextAndAllOfUnicodeStayAsTheyAre() {
        String text = "GET /users/1?q=a%20b {\"name\": \"Zoë\"} 日本語 😀 👩‍💻 \u00a0é ÿ \\x1b";
        assertThat(Printable.escape(text)).isSameAs(text);
        assertThat(Printable.isSafe(text)).isTrue();
        assertThat(Printable.isSafe("\u001b")).isFalse();
        assertThat(Printable.escape("")).isEmpty();
        assertThat(Printable.escape(null)).isNull();
    }

    @Test
    void theResultNeverHoldsAnythingATerminalWouldAct() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xffff; c++) all.append((char) c);
        String out = Printable.escape(all.toString());
        assertThat(Printable.isSafe(out)).isTrue();
        assertThat(out.codePoints()).noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff));
    }

    @Property(tries = 300)
    void anyTextEscapedIsSafeAndEscapingItAgainChangesNothing(@ForAll String text) {
        String once = Printable.escape(text);
        assertThat(Printable.isSafe(once)).isTrue();
        assertThat(Printable.escape(once)).isSameAs(once);
        if (Printable.isSafe(text)) assertThat(once).isSameAs(text);
    }
}
