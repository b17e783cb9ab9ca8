package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roundtrip.gate.Gates;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.FrameReadout;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's HTTP/2 with prior knowledge (h2c) on its cleartext port, asked by curl: a program from outside. */
class Http2ServerTest {
    private TraceBus bus;
    private Recording recording;
    private RoundtripServer server;

    private void start() throws IOException {
        bus = new TraceBus();
        recording = new Recording(bus.clock().startedAt());
        bus.subscribe(recording);
        Tracing t = new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), new Probes());
        server = RoundtripServer.start(t, new ServerSettings(), InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (bus != null) bus.close();
    }

    private List<Exchange> settled(int n) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            bus.awaitDelivered(Duration.ofSeconds(5));
            List<Exchange> done = recording.exchanges().stream().filter(x -> x.outcome() != Outcome.PENDING).toList();
            if (done.size() >= n) return done;
            Thread.sleep(5);
        }
        return recording.exchanges();
    }

    @Test
    void curlWithPriorKnowledgeGetsAnAnswerOverHttp2AndTheExchangeHasTheServerStagesAndFrames() throws Exception {
        assumeTrue(Http2Curl.speaksHttp2(), "this curl has no HTTP/2");
        start();
        String out = Http2Curl.run("--http2-prior-knowledge", "-w", "|%{http_version}|%{http_code}", "http://127.0.0.1:" + server.port() + "/users/1");
        assertThat(out).isEqualTo("{\"id\":1,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.org\"}|2|200");

        Exchange x = settled(1).get(0);
        assertThat(x.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(x.request().method()).isEqualTo("GET");
        assertThat(x.request().target()).isEqualTo("/users/1");
        assertThat(x.response().orElseThrow().status()).isEqualTo(200);
        // the connect stage and the connection preface's SETTINGS belong to the exchange that opened the connection
        assertThat(x.events()).filteredOn(e -> e.stage() == Stage.CONNECT && e.frame() == null && e.bytes() == null)
                .extracting(StageEvent::phase).containsExactly(Phase.BEGIN, Phase.END);
        // (how many connection-level frames come before the first stream's HEADERS depends on how curl splits its writes)
        assertThat(frames(x, Stage.CONNECT)).first().extracting(FrameReadout::type).isEqualTo("SETTINGS");
        assertThat(frames(x, Stage.CONNECT)).allSatisfy(f -> assertThat(f.streamId()).isZero());
        assertThat(begins(x)).containsExactly(Stage.PARSE, Stage.PROCESS, Stage.RESPOND);
        FrameReadout headers = requestHeaders(x);
        assertThat(headers.streamId()).isEqualTo(1);
        assertThat(headers.flagNames()).isEqualTo("END_STREAM|END_HEADERS");
        assertThat(headers.headers()).contains(new dev.roundtrip.trace.Header(":method", "GET"), new dev.roundtrip.trace.Header(":path", "/users/1"));
        assertThat(headers.headerBlock()).isPositive().isLessThan(headers.headersAsText());
        assertThat(frames(x, Stage.RESPOND)).filteredOn(f -> f.streamId() == 1).extracting(FrameReadout::type, FrameReadout::flagNames)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HEADERS", "END_HEADERS"), org.assertj.core.groups.Tuple.tuple("DATA", "END_STREAM"));
        // every byte that crossed the socket is in the socket reads and writes, once
        long wire = x.events().stream().filter(e -> e.bytes() != null && e.stage() != Stage.PROCESS).mapToLong(e -> e.bytes().count()).sum();
        long framed = x.events().stream().filter(e -> e.frame() != null).mapToLong(e -> e.frame().wireLength()).sum();
        assertThat(wire).isEqualTo(framed + 24); // the 24-byte client preface is no frame
    }

    @Test
    void anHttp11RequestOnTheSamePortIsStillHttp11() throws Exception {
        start();
        String out = Http2Curl.run("-w", "|%{http_version}", "http://127.0.0.1:" + server.port() + "/");
        assertThat(out).isEqualTo("Hello, world!|1.1");
        Exchange x = settled(1).get(0);
        assertThat(x.events()).noneMatch(e -> e.frame() != null);
    }

    static FrameReadout requestHeaders(Exchange x) {
        return frames(x, Stage.PARSE).stream().filter(f -> f.type().equals("HEADERS")).findFirst().orElseThrow();
    }

    static List<FrameReadout> frames(Exchange x, Stage stage) {
        return x.events().stream().filter(e -> e.stage() == stage && e.frame() != null).map(StageEvent::frame).toList();
    }

    static List<Stage> begins(Exchange x) {
        return x.events().stream().filter(e -> e.phase() == Phase.BEGIN && !e.stage().opensConnection()).map(StageEvent::stage).toList();
    }
}
