package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.gate.Hold;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request still in process when more bytes come on its connection (RequestFuzzTest's race, made
 * deterministic: the process gate holds the first request, so "still in process" lasts until the
 * test lets it go). HTTP/1.1 answers in order, and a closed connection leaves no exchange pending.
 */
class InFlightOnCloseTest {
    private Lab lab;

    @BeforeEach
    void start() throws Exception {
        lab = Lab.start();
        lab.gates().setMode(GateMode.BREAKPOINTS);
        lab.gates().setBreakpoint(Stage.PROCESS, true);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private static <T> Optional<T> eventually(Supplier<Optional<T>> probe) throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            Optional<T> v = probe.get();
            if (v.isPresent()) return v;
            Thread.sleep(5);
        }
        return probe.get();
    }

    private Hold heldInProcess() throws InterruptedException {
        return eventually(() -> lab.gates().held().stream().filter(h -> h.stage() == Stage.PROCESS).findFirst())
                .orElseThrow(() -> new AssertionError("GET /users/1 was never held before process"));
    }

    private Optional<Exchange> exchange(long id) {
        return lab.recording().exchange(id);
    }

    private static void write(Socket s, String text) throws Exception {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Test
    void garbagePipelinedBehindARequestInProcessIsAnswered400AfterItsResponseThenTheConnectionCloses() throws Exception {
        for (String garbage : List.of("NOT HTTP AT ALL\r\n\r\n", "\u0001\u0002 half a line, never ended")) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), lab.port())) {
                s.setSoTimeout(RawHttp.READ_TIMEOUT_MS);
                write(s, "GET /users/1 HTTP/1.1\r\nHost: x\r\n\r\n");
                Hold held = heldInProcess();
                write(s, garbage);
                s.shutdownOutput(); // the end of input makes the server read what came, though it reads one request at a time
                long first = held.exchangeId();
                Exchange behind = eventually(() -> lab.recording().exchanges().stream()
                        .filter(x -> x.id() > first && x.events().stream().anyMatch(e -> e.stage() == Stage.PARSE))
                        .findFirst()).orElseThrow(() -> new AssertionError("the garbage was never read"));
                lab.gates().release(first);

                RawHttp.Answer a = RawHttp.readAll(s.getInputStream());
                assertThat(a.statuses()).as("answers, in order, to GET /users/1 + %s", garbage).containsExactly(200, 400);
                assertThat(a.closedByServer()).isTrue();
                lab.bus().awaitDelivered(Duration.ofSeconds(10));
                assertThat(exchange(first).orElseThrow().outcome()).isEqualTo(Outcome.COMPLETED);
                Exchange bad = exchange(behind.id()).orElseThrow();
                assertThat(bad.end()).as("the garbage's exchange ended").isPresent();
                assertThat(bad.response().orElseThrow().status()).isEqualTo(400);
            }
        }
        lab.gates().setMode(GateMode.RUN);
        assertThat(RawHttp.stillServes(lab.port())).isTrue();
    }

    @Test
    void aConnectionResetUnderARequestInProcessEndsItAsLostAndLetsTheServerSideRunOut() throws Exception {
        long id;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), lab.port())) {
            write(s, "GET /users/1 HTTP/1.1\r\nHost: x\r\n\r\n");
            id = heldInProcess().exchangeId();
            s.setSoLinger(true, 0); // close with RST: the connection is gone, not half-closed
        }
        // no one steps it: the connection's end ends it, and its server side goes on to find the client gone
        Exchange x = eventually(() -> exchange(id).filter(e -> e.end().isPresent()))
                .orElseThrow(() -> new AssertionError("the exchange stayed pending after its connection was reset"));
        assertThat(x.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(x.end().orElseThrow().detail()).contains("lost with its connection");
        eventually(() -> exchange(id).filter(e -> e.events().stream()
                .anyMatch(ev -> ev.stage() == Stage.RESPOND && ev.phase() == Phase.ERROR)))
                .orElseThrow(() -> new AssertionError("the held process never ran out"));
        assertThat(lab.gates().held()).isEmpty();
        lab.bus().awaitDelivered(Duration.ofSeconds(10));
        // ended once: the failed write afterwards does not end it a second time
        assertThat(exchange(id).orElseThrow().end().orElseThrow().detail()).contains("lost with its connection");
        assertThat(lab.recording().orphans()).isZero();
    }
}
