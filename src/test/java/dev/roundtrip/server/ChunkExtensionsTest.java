package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkExtensionsTest {
    private static final String HEAD = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";

    private static byte[] chunked(String body) {
        return (HEAD + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "2;a", "2;a=b", "2; a = b", "2;a;b=c", "2;\tname=\"quoted value; with \\\"escapes\\\"\"", "2;a=\"\"",
            "2;!#$%&'*+-.^_`|~=x"})
    void validExtensionsPass(String sizeLine) {
        assertThat(ChunkExtensions.problem(chunked(sizeLine + "\r\nhi\r\n0;last=1\r\n\r\n"))).isNull();
    }

    @Test
    void anEmptyNameIsRefusedWithWhereItIs() {
        assertThat(ChunkExtensions.problem(chunked("2;\r\nhi\r\n0\r\n\r\n"))).isEqualTo(
                "an empty chunk extension name in the chunk-size line '2;' at offset " + HEAD.length()
                        + " of the request (RFC 9112 §7.1.1: ;name or ;name=value)");
        assertThat(ChunkExtensions.problem(chunked("2;=v\r\nhi\r\n0\r\n\r\n"))).startsWith("an empty chunk extension name");
        assertThat(ChunkExtensions.problem(chunked("2;a;\r\nhi\r\n0\r\n\r\n"))).startsWith("an empty chunk extension name");
        assertThat(ChunkExtensions.problem(chunked("2\r\nhi\r\n0;\r\n\r\n"))).startsWith("an empty chunk extension name in the chunk-size line '0;' at offset "
                + (HEAD.length() + 7));
    }

    @Test
    void otherMalformedExtensionsAreNamed() {
        assertThat(ChunkExtensions.problem(chunked("2;a=\r\nhi\r\n0\r\n\r\n"))).startsWith("an empty chunk extension value after '='");
        assertThat(ChunkExtensions.problem(chunked("2;a=\"x\r\nhi\r\n0\r\n\r\n"))).startsWith("an unterminated quoted chunk extension value");
        assertThat(ChunkExtensions.problem(chunked("2;a=\"x\u0001\"\r\nhi\r\n0\r\n\r\n"))).startsWith("a control byte 0x01 inside a quoted");
        assertThat(ChunkExtensions.problem(chunked("2;a b\r\nhi\r\n0\r\n\r\n"))).startsWith("'b' where a ';' or the end of the line belongs");
        assertThat(ChunkExtensions.problem(chunked("2;a=b c\r\nhi\r\n0\r\n\r\n"))).startsWith("'c' where a ';'");
        assertThat(ChunkExtensions.problem(chunked("2;a@b\r\nhi\r\n0\r\n\r\n"))).startsWith("'@' where a ';'");
        // found by RequestFuzzTest: whitespace is allowed before ';' and around '=', not at the end of the line
        assertThat(ChunkExtensions.problem(chunked("2; a \r\nhi\r\n0\r\n\r\n"))).startsWith("whitespace at the end of the line in the chunk-size line '2; a '");
        assertThat(ChunkExtensions.problem(chunked("2;a=b\t\r\nhi\r\n0\r\n\r\n"))).startsWith("whitespace at the end of the line");
        assertThat(ChunkExtensions.problem(chunked("2 ;a\r\nhi\r\n0\r\n\r\n"))).isNull();
    }

    @Test
    void aLaterChunkIsCheckedTooAndARequestThatIsNotChunkedIsLeftAlone() {
        assertThat(ChunkExtensions.problem(chunked("2\r\nhi\r\n3;ok=1\r\nabc\r\n1;\r\nd\r\n0\r\n\r\n"))).startsWith("an empty chunk extension name in the chunk-size line '1;'");
        byte[] plain = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n2;\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ChunkExtensions.problem(plain)).isNull();
        assertThat(ChunkExtensions.problem(chunked("2;"))).isNull(); // not all there (not kept): nothing to judge
        assertThat(ChunkExtensions.problem(new byte[0])).isNull();
    }
}
