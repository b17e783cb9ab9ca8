package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.text.Printable;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: what a hostile or confused client sends is refused with a reason that names it, the
 * reason holds nothing a terminal would act on, and the server goes on serving.
 */
class HostileRequestTest {
    private static Lab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static String answer(byte[] request) throws IOException {
        RawHttp.Answer a = RawHttp.send(lab.port(), request);
        assertThat(a.timedOut()).isFalse();
        assertThat(RawHttp.stillServes(lab.port())).isTrue();
        return a.text();
    }

    private static String answer(String request) throws IOException {
        return answer(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void escapeSequencesInTheTargetAre400NotA404AndTheReasonShowsThemEscaped() throws Exception {
        String a = answer("GET /\u001b[2J\u001b[31mPWNED\u0007 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(a).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Connection: close");
        assertThat(body(a)).isEqualTo("Bad Request: an ESC byte (0x1b) at offset 1 of the request target"
                + " '/\\x1b[2J\\x1b[31mPWNED\\x07': control bytes are not allowed in a request target");
    }

    @Test
    void aLoneNulIsNamedNotCalledAMissingCarriageReturn() throws Exception {
        assertThat(body(answer(new byte[] {0}))).isEqualTo(
                "Bad Request: a NUL byte at offset 0 of the request: control bytes are not allowed in the request line");
    }

    @Test
    void aTlsClientHelloIsNamedAndAnsweredWithoutWaitingForTheClientToGiveUp() throws Exception {
        byte[] hello = {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03, 0x5b, 0, 0, 0, 0};
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), lab.port())) {
            s.setSoTimeout(RawHttp.READ_TIMEOUT_MS);
            s.getOutputStream().write(hello); // and keep our side open, as a TLS client waiting for the ServerHello does
            s.getOutputStream().flush();
            RawHttp.Answer a = RawHttp.readAll(s.getInputStream());
            assertThat(a.timedOut()).isFalse();
            assertThat(a.statuses()).containsExactly(400);
            assertThat(body(a.text())).isEqualTo("Bad Request: " + RequestTarget.TLS.english());
        }
        assertThat(RequestTarget.TLS.english()).contains("a TLS ClientHello on a plain-HTTP port");
        assertThat(RawHttp.stillServes(lab.port())).isTrue();
    }

    @Test
    void anHttp2PrefaceCutShortIsNamed() throws Exception {
        // the whole preface begins HTTP/2 (Http2ServerTest); one that is not whole is read as HTTP/1.1 and named
        assertThat(body(answer("PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n"))).isEqualTo("Bad Request: " + RequestTarget.HTTP2_PREFACE.english());
    }

    @Test
    void anEmptyChunkExtensionNameIsRefusedAndAValidOneAccepted() throws Exception {
        String head = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertThat(body(answer(head + "2;\r\nhi\r\n0\r\n\r\n"))).startsWith("Bad Request: an empty chunk extension name in the chunk-size line '2;'");
        String ok = answer(head + "2;name=value;q=\"a b\"\r\nhi\r\n0\r\n\r\n");
        assertThat(ok).startsWith("HTTP/1.1 200 ");
        assertThat(body(ok)).isEqualTo("hi");
    }

    @Test
    void aBadChunkLineIsRefusedInAPipelinedSecondRequestAndAfterTheFirst64KiB() throws Exception {
        String head = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        RawHttp.Answer two = RawHttp.send(lab.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n" + head + "2;\r\nhi\r\n0\r\n\r\n");
        assertThat(two.statuses()).containsExactly(200, 400);
        assertThat(two.text()).contains("Bad Request: an empty chunk extension name in the chunk-size line '2;' at offset " + head.length());

        String big = "10000\r\n" + "a".repeat(0x10000) + "\r\n";
        assertThat(body(answer(head + big + big + "1;\r\nz\r\n0\r\n\r\n")))
                .startsWith("Bad Request: an empty chunk extension name in the chunk-size line '1;'");
    }

    @Test
    void percentEscapesStayValid() throws Exception {
        assertThat(answer("GET /nowhere%20at%2Fall%c3%A9 HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 404 ");
    }

    @Test
    void aCodecMessageThatQuotesTheRequestIsEscapedToo() throws Exception {
        String a = answer("GET / HTTP/1.1\r\nHost: x\r\nX\u001bY: z\r\n\r\n");
        assertThat(a).startsWith("HTTP/1.1 400 ");
        assertThat(Printable.isSafe(body(a))).as(body(a)).isTrue();
    }

    @Test
    void anUntracedServerRefusesTheSameTargetsWithTheSameReasons() throws Exception {
        try (Lab untraced = Lab.start()) {
            untraced.serverSettings().setTraced(false);
            RawHttp.Answer a = RawHttp.send(untraced.port(), "GET /\u001b[2J HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(a.statuses()).containsExactly(400);
            assertThat(body(a.text())).isEqualTo("Bad Request: an ESC byte (0x1b) at offset 1 of the request target '/\\x1b[2J':"
                    + " control bytes are not allowed in a request target");
            assertThat(body(RawHttp.send(untraced.port(), "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").text()))
                    .isEqualTo("Bad Request: " + RequestTarget.HTTP2_PREFACE.english());
            // the checks that need the raw bytes: the request line as written, folding, chunk extensions, TLS
            assertThat(body(RawHttp.send(untraced.port(), "GET /\t HTTP/1.1\r\nHost: x\r\n\r\n").text())).startsWith("Bad Request: a TAB");
            assertThat(body(RawHttp.send(untraced.port(), "GET / HTTP/1.1\r\nHost: x\r\nA: b\r\n c\r\n\r\n").text()))
                    .startsWith("Bad Request: a header line starts with a space");
            assertThat(body(RawHttp.send(untraced.port(), "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;\r\nhi\r\n0\r\n\r\n").text()))
                    .startsWith("Bad Request: an empty chunk extension name");
            assertThat(body(RawHttp.send(untraced.port(), new byte[] {0x16, 0x03, 0x01, 0x00, 0x05}).text())).isEqualTo("Bad Request: " + RequestTarget.TLS.english());
            assertThat(RawHttp.stillServes(untraced.port())).isTrue();
        }
    }

    @Test
    void fromOurOwnClientTheParseErrorSaysTheSameAndTheTraceHoldsNoControlBytes() throws Exception {
        long id = lab.send(RequestSpec.raw("GET /a\u001b[31m HTTP/1.1\r\nHost: x\r\n\r\n")).exchangeId();
        Exchange x = lab.settled(id).get(10, TimeUnit.SECONDS);
        assertThat(x.response().orElseThrow().status()).isEqualTo(400);
        assertThat(x.events()).filteredOn(e -> e.stage() == Stage.PARSE && e.phase() == Phase.ERROR).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("malformed request: an ESC byte (0x1b) at offset 2 of the request target"
                        + " '/a\\x1b[31m': control bytes are not allowed in a request target"));
    }
}
