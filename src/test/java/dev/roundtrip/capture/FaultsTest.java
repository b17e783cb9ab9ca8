package dev.roundtrip.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the client gets, and what the trace shows, when the foreign server or the client itself goes wrong. */
class FaultsTest {

    private static CaptureProxy proxyTo(int port) throws Exception {
        return CaptureProxy.start(CaptureOptions.reverse(0, Target.of("127.0.0.1", port)).withUpstreamTimeout(Duration.ofMillis(300)));
    }

    private static StageEvent error(Exchange x) {
        return x.events().stream().filter(e -> e.phase() == Phase.ERROR).findFirst().orElseThrow(() -> new AssertionError(x.events()));
    }

    @Test
    void aServerThatRefusesConnectionsIsA502NamingItsAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        try (CaptureProxy proxy = proxyTo(port)) {
            Raw.Answer a = Raw.send(proxy.port(), "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

            assertThat(a.head()).startsWith("HTTP/1.1 502 Bad Gateway").containsIgnoringCase("connection: close");
            assertThat(a.body()).contains("127.0.0.1:" + port, "connection refused");
            Exchange x = Waits.ended(proxy.recording(), 1).get(0);
            assertThat(x.response().orElseThrow().status()).isEqualTo(502);
            assertThat(error(x).stage()).isEqualTo(Stage.SEND);
            assertThat(error(x).detail()).contains("cannot connect to 127.0.0.1:" + port);
        }
    }

    @Test
    void aSilentServerIsA504AfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             CaptureProxy proxy = proxyTo(silent.getLocalPort())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept(); // takes the request and never answers
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Raw.Answer a = Raw.send(proxy.port(), "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            accepted.get(5, TimeUnit.SECONDS).close();

            assertThat(a.head()).startsWith("HTTP/1.1 504 Gateway Timeout");
            assertThat(a.body()).contains("sent no response within 300 ms");
            Exchange x = Waits.ended(proxy.recording(), 1).get(0);
            assertThat(error(x).stage()).isEqualTo(Stage.PROCESS);
            assertThat(error(x).detail()).startsWith("measured from outside: no response byte within 300 ms");
        }
    }

    @Test
    void aServerResettingMidResponseResetsTheClientTooAndTheTraceSaysWhere() throws Exception {
        CountDownLatch clientHasPart = new CountDownLatch(1);
        try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             CaptureProxy proxy = proxyTo(fake.getLocalPort())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (Socket s = fake.accept()) {
                    Raw.readHead(s.getInputStream());
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(1000)).getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    clientHasPart.await(5, TimeUnit.SECONDS);
                    s.setSoLinger(true, 0); // close with RST: killed mid-response
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Raw.Answer a;
            try (Socket c = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                c.setSoTimeout(10_000);
                c.getOutputStream().write("GET /big HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                InputStream in = c.getInputStream();
                String head = Raw.readHead(in);
                assertThat(head).startsWith("HTTP/1.1 200 OK");
                byte[] part = in.readNBytes(1000);
                assertThat(part).hasSize(1000);
                clientHasPart.countDown();
                a = Raw.readAll(in);
            }
            server.get(5, TimeUnit.SECONDS);

            assertThat(a.reset()).as("the client's connection is reset too").isTrue();
            Exchange x = Waits.ended(proxy.recording(), 1).get(0);
            assertThat(x.outcome()).isEqualTo(Outcome.FAILED);
            StageEvent broke = error(x);
            assertThat(broke.stage()).isEqualTo(Stage.INTERPRET);
            assertThat(broke.detail()).contains("127.0.0.1:" + fake.getLocalPort(), "reset", "after ");
            assertThat(x.events()).filteredOn(e -> e.stage() == Stage.RESPOND && e.phase() == Phase.ERROR).singleElement()
                    .satisfies(e -> assertThat(e.detail()).startsWith("the client's connection is reset too (RST) after "));
        }
    }

    @Test
    void aMalformedRequestIs400AndNeverReachesTheServer() throws Exception {
        try (Upstream upstream = new Upstream();
             CaptureProxy proxy = CaptureProxy.start(CaptureOptions.reverse(0, Target.parse(upstream.url())))) {
            Raw.Answer noHost = Raw.send(proxy.port(), "GET / HTTP/1.1\r\n\r\n");
            Raw.Answer garbage = Raw.send(proxy.port(), "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003 hello\r\n\r\n");

            assertThat(noHost.head()).startsWith("HTTP/1.1 400 Bad Request");
            assertThat(noHost.body()).contains("exactly one Host header");
            assertThat(garbage.head()).startsWith("HTTP/1.1 400 Bad Request");
            assertThat(upstream.requests.get()).isZero();
            for (Exchange x : Waits.ended(proxy.recording(), 2)) {
                assertThat(error(x).stage()).isEqualTo(Stage.PARSE);
                assertThat(error(x).detail()).startsWith("malformed request: ").endsWith("not forwarded");
                assertThat(x.events()).noneMatch(e -> e.stage() == Stage.SEND);
                assertThat(x.upstream()).isEmpty();
            }
        }
    }
}
