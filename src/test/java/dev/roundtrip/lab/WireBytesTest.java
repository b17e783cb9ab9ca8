package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Stage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bytes reported for each stage are exactly the bytes that crossed the socket. */
class WireBytesTest {
    private static Lab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start(LabOptions.defaults().withMaxKeptBytes(16 << 20)); // keep every byte, however big the write
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    /** Sends bytes over a plain socket and reads until the server closes: an independent witness. */
    private static byte[] witness(byte[] request) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), lab.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) >= 0; ) got.write(buf, 0, n);
            return got.toByteArray();
        }
    }

    private static byte[] request(String method, String target, byte[] body) {
        String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(body);
        return b.toByteArray();
    }

    private static void assertWire(Exchange x, byte[] request, byte[] response) {
        assertStage(x, Stage.SEND, request);
        assertStage(x, Stage.PARSE, request);
        assertStage(x, Stage.RESPOND, response);
        assertStage(x, Stage.INTERPRET, response);
    }

    private static void assertStage(Exchange x, Stage stage, byte[] expected) {
        assertThat(Facts.count(x, stage)).as(stage + " byte count").isEqualTo(expected.length);
        assertThat(Arrays.equals(Facts.wire(x, stage), expected)).as(stage + " bytes equal the witness").isTrue();
    }

    @Test
    void aCapOnKeptBytesKeepsTheCountExactAndSaysSo() throws Exception {
        try (Lab small = Lab.start(LabOptions.defaults().withMaxKeptBytes(16))) {
            Exchange x = Facts.settle(small, small.send(RequestSpec.get("/users/1")).exchangeId());
            var reads = Facts.of(x, Stage.INTERPRET).stream().filter(e -> e.bytes() != null).toList();
            assertThat(reads).allMatch(e -> e.bytes().keptLength() == 16 && e.bytes().truncated());
            assertThat(Facts.count(x, Stage.INTERPRET)).isEqualTo(Facts.count(x, Stage.RESPOND)).isGreaterThan(100);
        }
    }

    @Test
    void aSmallExchangeReportsExactlyTheBytesOnTheWire() throws Exception {
        byte[] request = request("GET", "/users/3", new byte[0]);
        byte[] response = witness(request);
        assertThat(new String(response, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 OK\r\n").endsWith("grace@example.org\"}");
        Exchange x = Facts.settle(lab, lab.send(RequestSpec.raw(request)).exchangeId());
        assertWire(x, request, response);
    }

    @Test
    void aStructuredRequestIsSentAsBuilt() throws Exception {
        Exchange x = Facts.settle(lab, lab.send(RequestSpec.get("/").withHeader("X-Lesson", "1")).exchangeId());
        String expected = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + lab.port() + "\r\nUser-Agent: roundtrip\r\nX-Lesson: 1\r\n"
                + "Connection: keep-alive\r\n\r\n";
        assertThat(new String(Facts.wire(x, Stage.SEND), StandardCharsets.ISO_8859_1)).isEqualTo(expected);
        assertThat(Facts.wire(x, Stage.PARSE)).isEqualTo(Facts.wire(x, Stage.SEND));
        assertThat(Facts.wire(x, Stage.INTERPRET)).isEqualTo(Facts.wire(x, Stage.RESPOND));
        assertThat(new String(Facts.wire(x, Stage.INTERPRET), StandardCharsets.ISO_8859_1)).endsWith("\r\n\r\nHello, world!");
    }

    @Test
    void aBigResponseIsReportedReadByRead() throws Exception {
        byte[] request = request("GET", "/big?kb=2048", new byte[0]);
        byte[] response = witness(request);
        Exchange x = Facts.settle(lab, lab.send(RequestSpec.raw(request)).exchangeId());
        assertWire(x, request, response);
        long reads = Facts.of(x, Stage.INTERPRET).stream().filter(e -> e.bytes() != null).count();
        assertThat(reads).isGreaterThan(1);
        assertThat(x.response().orElseThrow().body()).hasSize(2048 * 1024);
    }

    @Test
    void aBigUploadIsReportedReadByRead() throws Exception {
        byte[] body = new byte[600 * 1024];
        Arrays.fill(body, (byte) 'u');
        byte[] request = request("POST", "/echo", body);
        byte[] response = witness(request);
        Exchange x = Facts.settle(lab, lab.send(RequestSpec.raw(request).withTimeout(Duration.ofSeconds(20))).exchangeId());
        assertWire(x, request, response);
        assertThat(Facts.of(x, Stage.PARSE).stream().filter(e -> e.bytes() != null).count()).isGreaterThan(1);
    }

    @Test
    void anOutsideClientIsTracedToo() throws Exception {
        byte[] request = request("POST", "/echo", "from curl".getBytes(StandardCharsets.UTF_8));
        int before = lab.recording().exchanges().size();
        byte[] response = witness(request);
        assertThat(Facts.eventually(() -> lab.recording().exchanges().stream().skip(before)
                .anyMatch(x -> x.request().target().equals("/echo") && x.end().isPresent()
                        && x.events().stream().anyMatch(e -> e.stage() == Stage.RESPOND && e.phase() == dev.roundtrip.trace.Phase.END)))).isTrue();
        Exchange x = lab.recording().exchanges().stream().skip(before).filter(e -> e.request().target().equals("/echo")).findFirst().orElseThrow();
        assertThat(x.request().method()).isEqualTo("POST");
        assertThat(x.request().body()).asString(StandardCharsets.UTF_8).isEqualTo("from curl");
        assertThat(Facts.wire(x, Stage.PARSE)).isEqualTo(request);
        assertThat(Facts.wire(x, Stage.RESPOND)).isEqualTo(response);
        assertThat(x.response().orElseThrow().status()).isEqualTo(200);
        assertThat(x.events()).noneMatch(e -> e.stage() == Stage.SEND || e.stage() == Stage.INTERPRET);
    }
}
