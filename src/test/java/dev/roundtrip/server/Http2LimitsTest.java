package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.gate.Gates;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.FrameReadout;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.wire.H2Frames;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP/2's limits and bad input from a client that writes its own frames: the right RST_STREAM or GOAWAY, logged, and the server goes on. */
class Http2LimitsTest {
    private TraceBus bus;
    private Recording recording;
    private RoundtripServer server;
    private final ServerSettings settings = new ServerSettings();

    @BeforeEach
    void start() throws Exception {
        bus = new TraceBus();
        recording = new Recording(bus.clock().startedAt());
        bus.subscribe(recording);
        server = RoundtripServer.start(new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), new Probes()),
                settings, InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
        bus.close();
    }

    /** A client that speaks HTTP/2 by hand: the preface, empty SETTINGS, then whatever frames a test writes. */
    private final class RawH2 implements AutoCloseable {
        final Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        final DefaultHttp2HeadersEncoder hpack = new DefaultHttp2HeadersEncoder();
        final H2Frames in = new H2Frames(false);
        final List<FrameReadout> received = new ArrayList<>();

        RawH2() throws Exception {
            socket.setSoTimeout(200);
            socket.getOutputStream().write(H2Frames.PREFACE);
            frame(4, 0, 0, new byte[0]);
        }

        void frame(int type, int flags, int stream, byte[] payload) throws Exception {
            byte[] f = new byte[9 + payload.length];
            f[0] = (byte) (payload.length >> 16);
            f[1] = (byte) (payload.length >> 8);
            f[2] = (byte) payload.length;
            f[3] = (byte) type;
            f[4] = (byte) flags;
            f[5] = (byte) (stream >> 24);
            f[6] = (byte) (stream >> 16);
            f[7] = (byte) (stream >> 8);
            f[8] = (byte) stream;
            System.arraycopy(payload, 0, f, 9, payload.length);
            socket.getOutputStream().write(f);
        }

        void get(int stream, String path, boolean endStream, String extraName, String extraValue) throws Exception {
            Http2Headers h = new DefaultHttp2Headers().method("GET").path(path).scheme("http").authority("127.0.0.1");
            if (extraName != null) h.add(extraName, extraValue);
            ByteBuf block = Unpooled.buffer();
            hpack.encodeHeaders(stream, h, block);
            byte[] b = new byte[block.readableBytes()];
            block.readBytes(b);
            frame(1, 0x4 | (endStream ? 0x1 : 0), stream, b);
        }

        /** Reads frames until one matches (or the server closes, or 10 s pass); true if one matched. */
        boolean until(Predicate<FrameReadout> wanted) throws Exception {
            InputStream s = socket.getInputStream();
            byte[] buf = new byte[16384];
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (received.stream().anyMatch(wanted)) return true;
                int n;
                try {
                    n = s.read(buf);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (n < 0) return received.stream().anyMatch(wanted);
                for (H2Frames.Frame f : in.feed(Unpooled.wrappedBuffer(buf, 0, n))) received.add(f.readout());
            }
            return false;
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    private List<StageEvent> events() throws InterruptedException {
        bus.awaitDelivered(Duration.ofSeconds(5));
        return recording.exchanges().stream().flatMap(x -> x.events().stream()).toList();
    }

    private boolean eventually(Predicate<List<StageEvent>> condition) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (condition.test(events())) return true;
            Thread.sleep(5);
        }
        return false;
    }

    private static Predicate<FrameReadout> endOf(int stream) {
        return f -> f.streamId() == stream && (f.endStream() || f.type().equals("RST_STREAM"));
    }

    @Test
    void aHeaderListOverTheLimitIsRefusedOnItsStreamAndTheConnectionGoesOn() throws Exception {
        try (RawH2 c = new RawH2()) {
            c.get(1, "/", true, "x-big", "z".repeat(H2Pipeline.MAX_HEADER_LIST_BYTES + 500));
            assertThat(c.until(endOf(1))).isTrue();
            // the stream is refused, not the connection: its answer is 431 or RST_STREAM, and no GOAWAY
            assertThat(c.received).noneMatch(f -> f.type().equals("GOAWAY"));
            c.get(3, "/", true, null, null);
            assertThat(c.until(f -> f.streamId() == 3 && f.type().equals("DATA") && f.endStream())).isTrue();
        }
        assertThat(eventually(es -> es.stream().anyMatch(e -> e.frame() != null && e.frame().streamId() == 3
                && e.frame().type().equals("DATA")))).isTrue();
        // the refusal is in the recording: what the server sent on stream 1
        assertThat(events()).anyMatch(e -> e.frame() != null && e.frame().streamId() == 1 && e.detail().startsWith("frame sent"));
    }

    @Test
    void aStreamFloodPastMaxConcurrentStreamsIsRefusedWithRstStreamAndLogged() throws Exception {
        int max = H2Pipeline.MAX_CONCURRENT_STREAMS;
        int over = 2 * max + 1; // the stream after the 100 left open
        try (RawH2 c = new RawH2()) {
            assertThat(c.until(f -> f.type().equals("SETTINGS") && (f.flags() & 1) == 0)).isTrue();
            c.frame(4, 0x1, 0, new byte[0]); // SETTINGS ACK: the server's limit is in force now
            for (int i = 0; i < max; i++) c.get(2 * i + 1, "/", false, null, null); // open, never ended
            c.get(over, "/", true, null, null);
            assertThat(c.until(f -> f.streamId() == over && f.type().equals("RST_STREAM"))).isTrue();
            FrameReadout rst = c.received.stream().filter(f -> f.streamId() == over && f.type().equals("RST_STREAM")).findFirst().orElseThrow();
            assertThat(rst.errorCode()).isIn("REFUSED_STREAM", "PROTOCOL_ERROR");
            assertThat(c.received).noneMatch(f -> f.type().equals("GOAWAY"));
        }
        assertThat(eventually(es -> es.stream().anyMatch(e -> e.detail().startsWith("the server reset stream " + over)))).isTrue();
        assertServesAgain();
    }

    @Test
    void aMalformedFrameIsAConnectionErrorAnsweredWithGoawayAndLogged() throws Exception {
        try (RawH2 c = new RawH2()) {
            c.get(1, "/", true, null, null);
            assertThat(c.until(endOf(1))).isTrue();
            c.frame(0, 0x1, 0, "data on stream 0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // DATA needs a stream (RFC 9113 6.1)
            assertThat(c.until(f -> f.type().equals("GOAWAY"))).isTrue();
            FrameReadout goaway = c.received.stream().filter(f -> f.type().equals("GOAWAY")).findFirst().orElseThrow();
            assertThat(goaway.errorCode()).isEqualTo("PROTOCOL_ERROR");
        }
        assertThat(eventually(es -> es.stream().anyMatch(e -> e.frame() != null && e.frame().type().equals("GOAWAY")
                && e.detail().startsWith("frame sent") && "PROTOCOL_ERROR".equals(e.frame().errorCode())))).isTrue();
        assertServesAgain();
    }

    private static boolean status(FrameReadout f, int stream, String status) {
        return f.streamId() == stream && f.type().equals("HEADERS") && f.headers() != null
                && f.headers().contains(new dev.roundtrip.trace.Header(":status", status));
    }

    private dev.roundtrip.trace.Exchange settledWith(int status) throws InterruptedException {
        assertThat(eventually(es -> recording.exchanges().stream().anyMatch(x -> x.end().isPresent()
                && x.response().map(r -> r.status() == status).orElse(false)))).as("an exchange answered " + status).isTrue();
        return recording.exchanges().stream().filter(x -> x.response().map(r -> r.status() == status).orElse(false)).findFirst()
                .orElseThrow();
    }

    @Test
    void aStreamThatNeverEndsItsRequestIsAnswered408AndResetWhileTheConnectionGoesOn() throws Exception {
        settings.setRequestDeadlineSeconds(1);
        try (RawH2 c = new RawH2()) {
            c.get(1, "/echo", false, null, null); // HEADERS without END_STREAM, and no DATA ever
            assertThat(c.until(f -> f.streamId() == 1 && f.type().equals("RST_STREAM"))).isTrue();
            assertThat(c.received).anyMatch(f -> status(f, 1, "408"));
            assertThat(c.received).noneMatch(f -> f.type().equals("GOAWAY"));
            c.get(3, "/", true, null, null);
            assertThat(c.until(f -> f.streamId() == 3 && f.type().equals("DATA") && f.endStream())).isTrue();
        }
        dev.roundtrip.trace.Exchange cut = settledWith(408);
        assertThat(cut.outcome()).isEqualTo(dev.roundtrip.trace.Outcome.COMPLETED);
        assertThat(cut.request().target()).isEqualTo("/echo");
        assertThat(cut.events()).anyMatch(e -> e.stage() == dev.roundtrip.trace.Stage.PARSE && e.phase() == dev.roundtrip.trace.Phase.ERROR
                && e.detail().startsWith("the request did not arrive whole within 1 s"));
        assertThat(cut.events()).anyMatch(e -> e.frame() != null && e.frame().type().equals("RST_STREAM") && e.detail().startsWith("frame sent"));
    }

    @Test
    void anOutsideClientSilentPastTheIdleLimitHasItsHalfSentRequestAnswered408AndItsConnectionClosedWithGoaway() throws Exception {
        settings.setOutsideIdleSeconds(1);
        try (RawH2 c = new RawH2()) {
            c.get(1, "/", true, null, null);
            assertThat(c.until(f -> f.streamId() == 1 && f.type().equals("DATA") && f.endStream())).isTrue();
            c.get(3, "/echo", false, null, null); // then silence
            assertThat(c.until(f -> f.type().equals("GOAWAY"))).isTrue();
            assertThat(c.received).anyMatch(f -> status(f, 3, "408"));
            assertThat(c.received.stream().filter(f -> f.type().equals("GOAWAY")).findFirst().orElseThrow().errorCode()).isEqualTo("NO_ERROR");
        }
        dev.roundtrip.trace.Exchange cut = settledWith(408);
        assertThat(cut.events()).anyMatch(e -> e.phase() == dev.roundtrip.trace.Phase.ERROR
                && e.detail().startsWith("no complete request within 1 s of silence"));
        assertThat(eventually(es -> es.stream().anyMatch(e -> e.detail().startsWith("the outside client was silent for 1 s")))).isTrue();
        assertServesAgain();
    }

    @Test
    void curlThatDoesNotFinishItsUploadInTimeIsAnswered408() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Http2Curl.speaksHttp2(), "this curl has no HTTP/2: skipped");
        settings.setRequestDeadlineSeconds(1);
        // -T - uploads what comes on curl's stdin: a pipe this test leaves empty, so the request does not end
        Process curl = new ProcessBuilder("curl", "-s", "--max-time", "20", "--http2-prior-knowledge", "-T", "-", "-w", "\nstatus %{http_code}",
                "http://127.0.0.1:" + server.port() + "/echo").redirectErrorStream(true).start();
        try {
            dev.roundtrip.trace.Exchange cut = settledWith(408);
            assertThat(cut.events()).anyMatch(e -> e.phase() == dev.roundtrip.trace.Phase.ERROR
                    && e.detail().startsWith("the request did not arrive whole within 1 s"));
            // curl reads its stdin before its socket: once the pipe ends, it reads the answer that came before its upload ended
            curl.getOutputStream().close();
            String out = new String(curl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(curl.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(out).contains("Request Timeout").endsWith("status 408");
        } finally {
            curl.destroy();
        }
    }

    /** The server goes on serving: a new connection gets its answer. */
    private void assertServesAgain() throws Exception {
        try (RawH2 c = new RawH2()) {
            c.get(1, "/", true, null, null);
            assertThat(c.until(f -> f.streamId() == 1 && f.type().equals("DATA") && f.endStream())).isTrue();
        }
    }
}
