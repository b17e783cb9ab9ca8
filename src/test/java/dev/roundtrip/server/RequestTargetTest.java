package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {
    @ParameterizedTest
    @ValueSource(strings = {"/", "*", "/users/1", "/a%20b%2F%c3%A9", "/search?q=a+b&x=1;y=2", "/-._~!$&'()*+,;=:@/?",
            "http://localhost:8080/users?x=1", "http://[::1]:8080/", "/users/1?next=/a/b?c"})
    void validTargetsPass(String target) {
        assertThat(problem(target)).isNull();
    }

    @Test
    void theTerminalAttackIsNamedWithItsOffset() {
        assertThat(problem("/\u001b[2J\u001b[31mPWNED\u0007")).isEqualTo(
                "an ESC byte (0x1b) at offset 1 of the request target '/\\x1b[2J\\x1b[31mPWNED\\x07': control bytes are not allowed in a request target");
    }

    @Test
    void everyControlByteAndEveryByteBeyondAsciiIsRefused() {
        for (int b = 0; b < 256; b++) {
            if (b >= 0x20 && b < 0x7f) continue;
            String target = "/a" + (char) b;
            String why = problem(target);
            assertThat(why).as("byte 0x%02x", b).isNotNull().contains("at offset 2 of the request target");
            if (b < 0x80) assertThat(why).contains("control bytes are not allowed");
            else assertThat(why).startsWith(String.format("a byte beyond ASCII (0x%02x)", b)).endsWith(String.format("(%%%02X)", b));
        }
        assertThat(problem("/a\u0000")).startsWith("a NUL byte at offset 2");
        assertThat(problem("/a\u007f")).startsWith("a DEL byte (0x7f) at offset 2");
    }

    @Test
    void theCharactersRfc3986LeavesOutAreNamedWithTheirEscape() {
        String[][] cases = {{"\"", "%22"}, {"<", "%3C"}, {">", "%3E"}, {"\\", "%5C"}, {"^", "%5E"}, {"`", "%60"}, {"{", "%7B"},
                {"|", "%7C"}, {"}", "%7D"}, {"[", "%5B"}, {"]", "%5D"}};
        for (String[] c : cases) {
            assertThat(problem("/x" + c[0] + "y")).as(c[0])
                    .isEqualTo("'" + c[0] + "' at offset 2 of the request target '/x" + c[0] + "y' is not allowed in a request target"
                            + " (RFC 3986): send it percent-encoded (" + c[1] + ")");
        }
        assertThat(problem("/users#top")).startsWith("'#' at offset 6 of the request target '/users#top': a fragment");
    }

    @Test
    void aBadPercentEscapeIsRefusedAndAGoodOneKept() {
        assertThat(problem("/a%zz")).isEqualTo(
                "a bad percent escape '%zz' at offset 2 of the request target '/a%zz': '%' must be followed by two hex digits");
        assertThat(problem("/a%4")).startsWith("a bad percent escape '%4' at offset 2");
        assertThat(problem("/a%")).startsWith("a bad percent escape '%' at offset 2");
        assertThat(problem("/a%4g")).startsWith("a bad percent escape '%4g' at offset 2");
        assertThat(problem("/a%41%7e")).isNull();
    }

    @Test
    void aLongTargetIsQuotedCutWithItsLength() {
        String why = problem("/" + "a".repeat(200) + "\u001b");
        assertThat(why).contains("'/" + "a".repeat(59) + "…' (202 characters)").contains("at offset 201");
    }

    @Test
    void theFirstBytesOfWhatTheCodecCouldNotReadAreNamed() {
        assertThat(sent(new byte[] {0})).isEqualTo(
                "a NUL byte at offset 0 of the request: control bytes are not allowed in the request line");
        assertThat(sent(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00})).isEqualTo(RequestTarget.TLS.english());
        assertThat(RequestTarget.TLS.english()).startsWith("a TLS ClientHello on a plain-HTTP port");
        assertThat(sent(bytes("G\u0000T / HTTP/1.1\r\n"))).startsWith("a NUL byte at offset 1 of the request");
        assertThat(sent(bytes("\r\nGET /a\u000bb HTTP/1.1\r\n"))).startsWith("a VT byte (0x0b) at offset 8 of the request");
        assertThat(sent(bytes("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n")))
                .isEqualTo("a space inside the request target '/a b': send a space as %20");
        assertThat(sent(bytes("G T / HTTP/1.1\r\n")))
                .isEqualTo("the request line has 4 words separated by spaces, not 3 (method, target, version)");
        assertThat(sent(bytes("GET / HTTP/1.1\r\nX: \u0000\r\n\r\n"))).isNull(); // the head's problem: the codec's words
        // found by RequestFuzzTest: the codec reads a TAB or a run of spaces as one space
        assertThat(sent(bytes("GET /\t HTTP/1.1\r\n"))).startsWith("a TAB byte (0x09) at offset 5 of the request");
        assertThat(sent(bytes("GET  /a HTTP/1.1\r\n"))).isEqualTo(
                "an extra space at offset 3 of the request: the request line is method, target and version with one space between each");
        assertThat(sent(bytes("\r\nGET /a  HTTP/1.1\r\n"))).startsWith("an extra space at offset 8 of the request");
        assertThat(sent(bytes("GARBAGE\r\n\r\n"))).isEqualTo(
                "the request line has 1 word separated by spaces, not 3 (method, target, version)");
        assertThat(sent(bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))).isNull();
        assertThat(sent(bytes("GET /\r\n\r\n"))).isEqualTo(
                "the request line 'GET /' has no version: an HTTP/0.9 request, which this server does not serve (end the line with HTTP/1.1)");
        assertThat(sent(bytes("GET / HTTP/1.1"))).isNull(); // not all there
        assertThat(sent(new byte[0])).isNull();
    }

    @Test
    void theHttp2PrefaceIsRecognisedAsTheCodecReadsIt() {
        assertThat(RequestTarget.isHttp2Preface("PRI", "*", "HTTP/2.0")).isTrue();
        assertThat(RequestTarget.isHttp2Preface("GET", "*", "HTTP/2.0")).isFalse();
        assertThat(RequestTarget.HTTP2_PREFACE.english()).startsWith("the HTTP/2 connection preface read as HTTP/1.1");
    }

    /** The reason in English, as the wire and the recording say it. */
    private static String problem(String target) {
        return english(RequestTarget.problem(target));
    }

    private static String sent(byte[] head) {
        return english(RequestTarget.whatWasSent(head));
    }

    static String english(dev.roundtrip.trace.Phrase why) {
        return why == null ? null : why.english();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
