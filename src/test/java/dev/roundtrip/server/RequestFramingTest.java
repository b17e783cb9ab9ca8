package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFramingTest {
    private static final String CHUNKED = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";

    private static void feed(RequestFraming f, String bytes) {
        f.feed(Unpooled.wrappedBuffer(bytes.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String head(RequestFraming.RawRequest r) {
        return new String(r.head(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void pipelinedRequestsInOneReadAreTakenOneByOneWithTheirOwnHeadsAndProblems() {
        RequestFraming f = new RequestFraming();
        feed(f, "\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n2;\r\n\r"
                + CHUNKED + "2;\r\nhi\r\n0\r\n\r\n");

        RequestFraming.RawRequest first = f.next();
        assertThat(head(first)).isEqualTo("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(RequestTargetTest.english(first.chunkProblem())).isNull();
        RequestFraming.RawRequest second = f.next();
        assertThat(head(second)).startsWith("POST /echo").endsWith("Content-Length: 5\r\n\r\n");
        assertThat(RequestTargetTest.english(second.chunkProblem())).as("a body that looks like a chunk line is a body").isNull();
        RequestFraming.RawRequest third = f.next();
        assertThat(head(third)).isEqualTo(CHUNKED);
        assertThat(RequestTargetTest.english(third.chunkProblem())).isEqualTo("an empty chunk extension name in the chunk-size line '2;' at offset "
                + CHUNKED.length() + " of the request (RFC 9112 §7.1.1: ;name or ;name=value)");
        assertThat(f.next()).isSameAs(RequestFraming.RawRequest.NONE);
    }

    @Test
    void aHeadLongerThanItsFirstArrayAndTheSameHeadAgainAreKeptWhole() {
        RequestFraming f = new RequestFraming();
        String head = "POST /echo HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(3000) + "\r\nContent-Length: 3\r\n\r\n";
        feed(f, head + "abc" + head.substring(0, 700));
        feed(f, head.substring(700) + "abc\r\n\r\nGET / HTTP/1.1\r\n\r\n");

        RequestFraming.RawRequest first = f.next();
        RequestFraming.RawRequest second = f.next();
        assertThat(head(first)).isEqualTo(head);
        assertThat(second.head()).as("an equal head in a row is the same copy").isSameAs(first.head());
        assertThat(head(f.next())).isEqualTo("GET / HTTP/1.1\r\n\r\n");
        assertThat(f.next()).isSameAs(RequestFraming.RawRequest.NONE);
    }

    @Test
    void aChunkLineFarPastTheFirst64KiBIsStillChecked() {
        RequestFraming f = new RequestFraming();
        feed(f, CHUNKED);
        String chunk = "a".repeat(0x10000);
        for (int i = 0; i < 4; i++) feed(f, "10000\r\n" + chunk + "\r\n");
        feed(f, "1;\r\nz\r\n0\r\n\r\n");
        assertThat(RequestTargetTest.english(f.next().chunkProblem())).startsWith("an empty chunk extension name in the chunk-size line '1;' at offset "
                + (CHUNKED.length() + 4 * (7 + 0x10000 + 2)));
    }

    @Test
    void bytesArrivingOneAtATimeAreFollowedTheSame() {
        RequestFraming f = new RequestFraming();
        String request = CHUNKED + "3;ok=\"a b\"\r\nabc\r\n1;\r\nd\r\n0\r\nTrailer: t\r\n\r\nGET /next HTTP/1.1\r\n\r\n";
        for (char c : request.toCharArray()) feed(f, String.valueOf(c));
        assertThat(RequestTargetTest.english(f.next().chunkProblem())).startsWith("an empty chunk extension name in the chunk-size line '1;'");
        assertThat(head(f.next())).isEqualTo("GET /next HTTP/1.1\r\n\r\n");
    }

    @Test
    void aRequestTheCodecEndsFirstIsTakenAsFarAsItCameAndTheConnectionIsNoLongerFollowed() {
        RequestFraming f = new RequestFraming();
        feed(f, "\u0016\u0003\u0001\u0000\u00a5\u0001");
        assertThat(f.next().head()).startsWith(0x16, 0x03, 0x01);
        feed(f, "GET / HTTP/1.1\r\n\r\n");
        assertThat(f.next()).isSameAs(RequestFraming.RawRequest.NONE);
    }

    @Test
    void framingTheCodecRefusesIsNotFollowed() {
        RequestFraming f = new RequestFraming();
        feed(f, "POST / HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2;\r\nhi\r\n0\r\n\r\n");
        assertThat(RequestTargetTest.english(f.next().chunkProblem())).isNull();
        assertThat(f.next()).isSameAs(RequestFraming.RawRequest.NONE);
    }
}
