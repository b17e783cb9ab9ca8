package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.gate.Gates;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.MessageReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real-time routes against a real loopback server, read byte by byte, and what the recording keeps of them. */
class LiveRoutesTest {
    private TraceBus bus;
    private Recording recording;
    private RoundtripServer server;
    private final ManualUpdates source = new ManualUpdates();

    @BeforeEach
    void start() throws Exception {
        bus = new TraceBus();
        recording = new Recording(bus.clock().startedAt());
        bus.subscribe(recording);
        Tracing t = new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), new Probes());
        server = RoundtripServer.start(t, new ServerSettings(), InetAddress.getLoopbackAddress(), 0);
        server.updates().plug(source);
    }

    @AfterEach
    void stop() {
        server.close();
        bus.close();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 10 s: " + what);
            LockSupport.parkNanos(1_000_000);
        }
    }

    private Exchange only(String target) throws InterruptedException {
        bus.awaitDelivered(Duration.ofSeconds(5));
        return recording.exchanges().stream().filter(x -> x.request().target().equals(target)).findFirst().orElseThrow();
    }

    private static List<StageEvent> messages(Exchange x) {
        return x.events().stream().filter(e -> e.message() != null).toList();
    }

    private String get(String target) throws Exception {
        RawHttp.Answer a = RawHttp.send(server.port(), ("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String s = a.text();
        return s.substring(s.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void pollingAnswersAtOnceWithTheUpdatesAfterTheCursor() throws Exception {
        assertThat(source.started).hasValue(0); // nobody asked yet: the producer does not run
        assertThat(get("/poll?since=0")).isEqualTo("{\"cursor\":0,\"updates\":[]}");
        assertThat(source.running()).isTrue();
        source.emit("one");
        source.emit("two");
        assertThat(get("/poll?since=0")).isEqualTo("{\"cursor\":2,\"updates\":[{\"id\":1,\"text\":\"one\"},{\"id\":2,\"text\":\"two\"}]}");
        assertThat(get("/poll?since=1")).isEqualTo("{\"cursor\":2,\"updates\":[{\"id\":2,\"text\":\"two\"}]}");
        assertThat(get("/poll?since=x")).startsWith("use /poll?since=C");
        assertThat(get("/poll?wait=31")).startsWith("use /poll?wait=N with N from 0 to 30");
        // a poller that stops asking stops counting: the producer stops after the grace period
        await("the producer stops once no poller asked for a while", () -> !source.running());
    }

    @Test
    void longPollingHoldsTheRequestUntilAnUpdateComes() throws Exception {
        java.util.concurrent.CompletableFuture<String> answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return get("/poll?since=0&wait=10");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await("the long poll waits", source::running);
        await("the long poll is parsed", () -> recording.exchanges().stream().anyMatch(x -> x.events().stream()
                .anyMatch(e -> e.stage() == Stage.PROCESS && e.phase() == Phase.PROGRESS)));
        assertThat(answer).isNotDone();
        source.emit("late news");
        assertThat(answer.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo("{\"cursor\":1,\"updates\":[{\"id\":1,\"text\":\"late news\"}]}");
        Exchange x = only("/poll?since=0&wait=10");
        await("the exchange ends", () -> x.outcome() == Outcome.COMPLETED);
        assertThat(x.events()).filteredOn(e -> e.stage() == Stage.PROCESS).extracting(StageEvent::phase)
                .containsExactly(Phase.BEGIN, Phase.PROGRESS, Phase.END);
    }

    @Test
    void serverSentEventsCarryEachUpdateWithItsIdAndResumeAfterLastEventId() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(RawHttp.READ_TIMEOUT_MS);
            s.getOutputStream().write("GET /events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            String line;
            StringBuilder head = new StringBuilder();
            while (!(line = in.readLine()).isEmpty()) head.append(line).append('\n');
            assertThat(head.toString()).containsIgnoringCase("content-type: text/event-stream; charset=utf-8").containsIgnoringCase("transfer-encoding: chunked");
            await("the stream subscribed", source::running);
            source.emit("first");
            String event = "id: 1\nevent: update\ndata: {\"id\":1,\"text\":\"first\"}\n\n";
            assertThat(in.readLine()).isEqualTo(Integer.toHexString(event.length()));
            assertThat(in.readLine()).isEqualTo("id: 1");
            assertThat(in.readLine()).isEqualTo("event: update");
            assertThat(in.readLine()).isEqualTo("data: {\"id\":1,\"text\":\"first\"}");
        }
        Exchange x = only("/events");
        await("the stream ends when the client leaves", () -> x.outcome() != Outcome.PENDING);
        assertThat(x.outcome()).isEqualTo(Outcome.COMPLETED);
        List<StageEvent> m = messages(x);
        assertThat(m).hasSize(1);
        StageEvent e = m.get(0);
        assertThat(e.stage()).isEqualTo(Stage.RESPOND);
        assertThat(e.message()).isEqualTo(MessageReadout.sse("1", "{\"id\":1,\"text\":\"first\"}".length()));
        String event = "id: 1\nevent: update\ndata: {\"id\":1,\"text\":\"first\"}\n\n";
        assertThat(new String(e.bytes().data(), StandardCharsets.UTF_8)).isEqualTo(Integer.toHexString(event.length()) + "\r\n" + event + "\r\n");
        assertThat(x.response().orElseThrow().status()).isEqualTo(200);
        await("the producer stops with the last client", () -> !source.running());

        // a client that comes back says what it saw last, and gets what it missed first
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(RawHttp.READ_TIMEOUT_MS);
            s.getOutputStream().write("GET /events HTTP/1.1\r\nHost: x\r\nLast-Event-ID: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            while (!in.readLine().isEmpty()) { } // the head
            in.readLine();
            assertThat(in.readLine()).isEqualTo("id: 1");
        }
    }

    @Test
    void aWebSocketEchoesEachFrameAndBroadcastsUpdatesAllRecordedFrameByFrame() throws Exception {
        try (WebSocketWire ws = WebSocketWire.open(server.port(), WebSocketWire.upgrade("/ws"))) {
            assertThat(ws.head).startsWith("HTTP/1.1 101 Switching Protocols\r\n")
                    .containsIgnoringCase("sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
            ws.sendText("hello");
            WebSocketWire.Frame echo = ws.read();
            assertThat(echo.opcode()).isEqualTo(1);
            assertThat(echo.masked()).isFalse();
            assertThat(echo.text()).isEqualTo("hello");
            await("the session subscribed", source::running);
            source.emit("news");
            assertThat(ws.read().text()).isEqualTo("{\"id\":1,\"text\":\"news\"}");
            ws.send(8, new byte[] {0x03, (byte) 0xe8}, true); // close, 1000
            WebSocketWire.Frame close = ws.read();
            assertThat(close.opcode()).isEqualTo(8);
            assertThat(close.closeCode()).isEqualTo(1000);
        }
        Exchange x = only("/ws");
        await("the exchange ends", () -> x.outcome() != Outcome.PENDING);
        assertThat(x.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(x.response().orElseThrow().status()).isEqualTo(101);
        List<MessageReadout> frames = messages(x).stream().map(StageEvent::message).toList();
        assertThat(frames).containsExactly(
                MessageReadout.frame(true, 1, 5, true, true, null),
                MessageReadout.frame(false, 1, 5, true, false, null),
                MessageReadout.frame(false, 1, "{\"id\":1,\"text\":\"news\"}".length(), true, false, null),
                MessageReadout.frame(true, 8, 2, true, true, 1000),
                MessageReadout.frame(false, 8, 2, true, false, 1000));
        StageEvent first = messages(x).get(0);
        assertThat(first.bytes().count()).isEqualTo(2 + 4 + 5); // header, mask key, payload: what crossed the socket
        assertThat(dev.roundtrip.wire.WebSocketFrames.payload(new dev.roundtrip.wire.WebSocketFrames.Frame(first.message(), first.bytes())))
                .isEqualTo("hello".getBytes(StandardCharsets.UTF_8));

        // the frames go through the recording format and HAR's _roundtrip as they are
        Recording saved = dev.roundtrip.record.RecordingJson.read(dev.roundtrip.record.RecordingJson.toBytes(recording), "ws.roundtrip.json");
        assertThat(messages(saved.exchange(x.id()).orElseThrow())).isEqualTo(messages(x));
        Recording har = dev.roundtrip.record.HarImport.read(dev.roundtrip.record.HarExport.toBytes(recording), "ws.har");
        assertThat(messages(har.exchange(x.id()).orElseThrow())).isEqualTo(messages(x));
        assertThat(x.events()).filteredOn(e -> e.stage() == Stage.RESPOND).extracting(StageEvent::phase)
                .startsWith(Phase.BEGIN).endsWith(Phase.END);
    }

    @Test
    void aFrameOverTheLimitClosesWith1009AndAMalformedOneWith1002AndTheServerGoesOn() throws Exception {
        try (WebSocketWire ws = WebSocketWire.open(server.port(), WebSocketWire.upgrade("/ws"))) {
            ws.send(2, new byte[LiveRoutes.MAX_FRAME_BYTES + 1], true);
            WebSocketWire.Frame close = ws.read();
            assertThat(close.opcode()).isEqualTo(8);
            assertThat(close.closeCode()).isEqualTo(1009);
        }
        try (WebSocketWire ws = WebSocketWire.open(server.port(), WebSocketWire.upgrade("/ws"))) {
            ws.send(1, "not masked".getBytes(StandardCharsets.UTF_8), false); // a client's frames must be masked
            assertThat(ws.read().closeCode()).isEqualTo(1002);
        }
        try (WebSocketWire ws = WebSocketWire.open(server.port(), "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n")) {
            assertThat(ws.head).startsWith("HTTP/1.1 400 Bad Request");
        }
        assertThat(get("/")).isEqualTo("Hello, world!");
        bus.awaitDelivered(Duration.ofSeconds(5));
        await("every exchange ends", () -> recording.exchanges().stream().noneMatch(x -> x.outcome() == Outcome.PENDING));
    }

    @Test
    void aClientThatDoesNotReadLosesUpdatesCountedInsteadOfGrowingTheServersMemory() throws Exception {
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(4096); // a small window: the server's send buffer fills sooner
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            s.setSoTimeout(RawHttp.READ_TIMEOUT_MS);
            s.getOutputStream().write(WebSocketWire.upgrade("/ws").getBytes(StandardCharsets.US_ASCII));
            WebSocketWire.readHead(s.getInputStream());
            await("the session subscribed", source::running);
            String text = "x".repeat(1000);
            for (int i = 0; i < 20_000; i++) source.emit(text); // 20 MB: more than the kernels' buffers and Netty's can hold
            await("updates are dropped, not queued", () -> server.updates().dropped() > 0);
            assertThat(get("/")).isEqualTo("Hello, world!"); // the server goes on serving meanwhile
            Exchange x = only("/ws");
            await("the drop is told", () -> x.events().stream().anyMatch(e -> e.detail().contains("dropped: the client reads too slowly")));
        }
        Exchange x = only("/ws");
        await("the exchange ends", () -> x.outcome() != Outcome.PENDING);
        StageEvent last = x.events().get(x.events().size() - 1);
        assertThat(last.detail()).containsPattern("\\d+ updates? dropped \\(the client read too slowly\\)");
    }

    @Test
    void streamsEndCleanlyWhenTheServerStops() throws Exception {
        try (WebSocketWire ws = WebSocketWire.open(server.port(), WebSocketWire.upgrade("/ws"));
             Socket sse = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            sse.getOutputStream().write("GET /events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            await("both subscribed", () -> recording.exchanges().size() == 2 && source.running());
            bus.awaitDelivered(Duration.ofSeconds(5));
            await("both streaming", () -> recording.exchanges().stream().allMatch(x -> x.events().stream()
                    .anyMatch(e -> e.stage() == Stage.RESPOND && e.phase() == Phase.BEGIN)));
            server.close();
            assertThat(ws.read().closeCode()).isEqualTo(1001);
        }
        bus.awaitDelivered(Duration.ofSeconds(5));
        await("no exchange left pending", () -> recording.exchanges().stream().noneMatch(x -> x.outcome() == Outcome.PENDING));
        assertThat(source.running()).isFalse();
    }
}
