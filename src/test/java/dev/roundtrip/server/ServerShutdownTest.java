package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.gate.Gates;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Closing the server while a handler still runs: its answer is written or traced as lost, and nothing escapes to the log. */
class ServerShutdownTest {
    /** Netty logs an executor's uncaught exception here (java.util.logging: no other logging library is on the classpath). */
    private final Logger netty = Logger.getLogger("io.netty");
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) logged.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final CountDownLatch handlerRuns = new CountDownLatch(1);
    private final CountDownLatch letHandlerGo = new CountDownLatch(1);
    private TraceBus bus;
    private Recording recording;
    private RoundtripServer server;

    @BeforeEach
    void start() throws Exception {
        netty.addHandler(capture);
        bus = new TraceBus();
        recording = new Recording(bus.clock().startedAt());
        bus.subscribe(recording);
        Tracing t = new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), new Probes());
        server = RoundtripServer.start(t, new ServerSettings(), 0, users -> (method, uri, body, type, sql) -> {
            handlerRuns.countDown();
            letHandlerGo.await(10, TimeUnit.SECONDS);
            return AppResponse.text(200, "late but here", dev.roundtrip.trace.Phrase.of("server.app.greeting"));
        });
    }

    @AfterEach
    void stop() {
        letHandlerGo.countDown();
        server.close();
        bus.close();
        netty.removeHandler(capture);
    }

    private Socket sendWhileTheHandlerWaits() throws Exception {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(RawHttp.READ_TIMEOUT_MS);
        s.getOutputStream().write("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        assertThat(handlerRuns.await(10, TimeUnit.SECONDS)).isTrue();
        return s;
    }

    private List<StageEvent> events(Stage stage, Phase phase) throws InterruptedException {
        bus.awaitDelivered(Duration.ofSeconds(5));
        return recording.exchanges().stream().flatMap(x -> x.events().stream())
                .filter(e -> e.stage() == stage && e.phase() == phase).toList();
    }

    @Test
    void aHandlerThatEndsWhileTheServerClosesStillAnswers() throws Exception {
        try (Socket s = sendWhileTheHandlerWaits()) {
            CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
            Thread.sleep(100); // close() is waiting for the workers now
            assertThat(closed).isNotDone();
            letHandlerGo.countDown();
            closed.get(10, TimeUnit.SECONDS);
            RawHttp.Answer answer = RawHttp.readAll(s.getInputStream());
            assertThat(answer.text()).startsWith("HTTP/1.1 200 OK").endsWith("late but here");
            // the keep-alive connection is closed by the server, not left open after its event loop stopped
            assertThat(answer.timedOut()).isFalse();
            assertThat(answer.closedByServer()).isTrue();
        }
        assertThat(events(Stage.RESPOND, Phase.END)).hasSize(1);
        assertThat(logged).isEmpty();
    }

    @Test
    void aHandlerThatOutlivesTheDrainIsTracedAsNeverAnswered() throws Exception {
        try (Socket s = sendWhileTheHandlerWaits()) {
            server.close(50);
            letHandlerGo.countDown();
            RawHttp.Answer answer = RawHttp.readAll(s.getInputStream());
            assertThat(answer.bytes()).isEmpty();
            assertThat(answer.timedOut()).isFalse();
            StageEvent lost = null;
            for (int i = 0; i < 200 && lost == null; i++) {
                List<StageEvent> errors = events(Stage.RESPOND, Phase.ERROR);
                if (!errors.isEmpty()) lost = errors.get(0);
                else Thread.sleep(10);
            }
            assertThat(lost).isNotNull();
            assertThat(lost.detail()).contains("shut down while the handler ran", "200 never written");
        }
        assertThat(events(Stage.RESPOND, Phase.BEGIN)).isEmpty();
        assertThat(logged).isEmpty();
    }
}
