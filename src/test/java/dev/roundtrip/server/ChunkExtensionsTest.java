package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkExtensionsTest {
    private static final String HEAD = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";

    /** What the server's framing finds in these bytes, as they would arrive on a connection. */
    private static String problem(byte[] bytes) {
        RequestFraming framing = new RequestFraming();
        framing.feed(Unpooled.wrappedBuffer(bytes));
        return RequestTargetTest.english(framing.next().chunkProblem());
    }

    private static byte[] chunked(String body) {
        return (HEAD + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "2;a", "2;a=b", "2; a = b", "2;a;b=c", "2;\tname=\"quoted value; with \\\"escapes\\\"\"", "2;a=\"\"",
            "2;!#$%&'*+-.^_`|~=x"})
    void validExtensionsPass(String sizeLine) {
        assertThat(problem(chunked(sizeLine + "\r\nhi\r\n0;last=1\r\n\r\n"))).isNull();
    }

    @Test
    void anEmptyNameIsRefusedWithWhereItIs() {
        assertThat(problem(chunked("2;\r\nhi\r\n0\r\n\r\n"))).isEqualTo(
                "an empty chunk extension name in the chunk-size line '2;' at offset " + HEAD.length()
                        + " of the request (RFC 9112 §7.1.1: ;name or ;name=value)");
        assertThat(problem(chunked("2;=v\r\nhi\r\n0\r\n\r\n"))).startsWith("an empty chunk extension name");
        assertThat(problem(chunked("2;a;\r\nhi\r\n0\r\n\r\n"))).startsWith("an empty chunk extension name");
        assertThat(problem(chunked("2\r\nhi\r\n0;\r\n\r\n"))).startsWith("an empty chunk extension name in the chunk-size line '0;' at offset "
                + (HEAD.length() + 7));
    }

    @Test
    void otherMalformedExtensionsAreNamed() {
        assertThat(problem(chunked("2;a=\r\nhi\r\n0\r\n\r\n"))).startsWith("an empty chunk extension value after '='");
        assertThat(problem(chunked("2;a=\"x\r\nhi\r\n0\r\n\r\n"))).startsWith("an unterminated quoted chunk extension value");
        assertThat(problem(chunked("2;a=\"x\u0001\"\r\nhi\r\n0\r\n\r\n"))).startsWith("a control byte 0x01 inside a quoted");
        assertThat(problem(chunked("2;a b\r\nhi\r\n0\r\n\r\n"))).startsWith("'b' where a ';' or the end of the line belongs");
        assertThat(problem(chunked("2;a=b c\r\nhi\r\n0\r\n\r\n"))).startsWith("'c' where a ';'");
        assertThat(problem(chunked("2;a@b\r\nhi\r\n0\r\n\r\n"))).startsWith("'@' where a ';'");
        // found by RequestFuzzTest: whitespace is allowed before ';' and around '=', not at the end of the line
        assertThat(problem(chunked("2; a \r\nhi\r\n0\r\n\r\n"))).startsWith("whitespace at the end of the line in the chunk-size line '2; a '");
        assertThat(problem(chunked("2;a=b\t\r\nhi\r\n0\r\n\r\n"))).startsWith("whitespace at the end of the line");
        assertThat(problem(chunked("2 ;a\r\nhi\r\n0\r\n\r\n"))).isNull();
    }

    @Test
    void aLaterChunkIsCheckedTooAndARequestThatIsNotChunkedIsLeftAlone() {
        assertThat(problem(chunked("2\r\nhi\r\n3;ok=1\r\nabc\r\n1;\r\nd\r\n0\r\n\r\n"))).startsWith("an empty chunk extension name in the chunk-size line '1;'");
        byte[] plain = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n2;\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problem(plain)).isNull();
        assertThat(problem(chunked("2;"))).isNull(); // not all there (not kept): nothing to judge
        assertThat(problem(new byte[0])).isNull();
    }
}
