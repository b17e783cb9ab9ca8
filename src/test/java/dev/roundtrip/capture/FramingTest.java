package dev.roundtrip.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Outcome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each hop frames its body for itself (RFC 9112 6): what one side ends by closing, the other gets chunked. */
class FramingTest {

    /** A server of one answer: reads the request head, writes {@code answer}, closes. */
    private static CompletableFuture<String> oneAnswer(ServerSocket s, String answer) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket c = s.accept()) {
                String head = Raw.readHead(c.getInputStream());
                c.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                return head;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aBodyEndedByCloseReachesAnHttp11ClientChunked() throws Exception {
        try (ServerSocket old = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             CaptureProxy proxy = CaptureProxy.start(CaptureOptions.reverse(0, Target.of("127.0.0.1", old.getLocalPort())))) {
            CompletableFuture<String> seen = oneAnswer(old, "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the close");

            Raw.Answer a = Raw.send(proxy.port(), "GET /old HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

            assertThat(seen.get(5, TimeUnit.SECONDS)).startsWith("GET /old HTTP/1.1\r\n").containsIgnoringCase("via: 1.1 roundtrip");
            assertThat(a.head()).startsWith("HTTP/1.1 200 OK").containsIgnoringCase("transfer-encoding: chunked")
                    .containsIgnoringCase("via: 1.0 roundtrip");
            assertThat(a.body()).isEqualTo("f\r\nuntil the close\r\n0\r\n\r\n");
            Exchange x = Waits.ended(proxy.recording(), 1).get(0);
            assertThat(x.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(new String(x.upstream().orElseThrow().response().body(), StandardCharsets.UTF_8)).isEqualTo("until the close");
        }
    }

    @Test
    void anHttp10ClientGetsTheBodyEndedByCloseAndHeadGetsNoBody() throws Exception {
        try (ServerSocket old = new ServerSocket(0, 2, InetAddress.getLoopbackAddress());
             CaptureProxy proxy = CaptureProxy.start(CaptureOptions.reverse(0, Target.of("127.0.0.1", old.getLocalPort())))) {
            oneAnswer(old, "HTTP/1.0 200 OK\r\n\r\nuntil the close");
            Raw.Answer a = Raw.send(proxy.port(), "GET /old HTTP/1.0\r\n\r\n");
            assertThat(a.head()).startsWith("HTTP/1.0 200 OK").doesNotContainIgnoringCase("chunked").containsIgnoringCase("connection: close");
            assertThat(a.body()).isEqualTo("until the close");

            oneAnswer(old, "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n");
            Raw.Answer head = Raw.send(proxy.port(), "HEAD /h HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(head.head()).startsWith("HTTP/1.1 200 OK").containsIgnoringCase("content-length: 1234");
            assertThat(head.body()).isEmpty();
            assertThat(Waits.ended(proxy.recording(), 2)).extracting(Exchange::outcome).containsOnly(Outcome.COMPLETED);
        }
    }

    @Test
    void aClientThatLeavesMidBodyIsACancelledExchange() throws Exception {
        try (Upstream upstream = new Upstream();
             CaptureProxy proxy = CaptureProxy.start(CaptureOptions.reverse(0, Target.parse(upstream.url())))) {
            try (Socket c = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                c.getOutputStream().write("GET /stream?mib=8 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                assertThat(Raw.readHead(c.getInputStream())).startsWith("HTTP/1.1 200 OK");
                c.getInputStream().readNBytes(4096);
            } // leaves after 4 KiB of 8 MiB
            upstream.countDown();
            Exchange x = Waits.ended(proxy.recording(), 1).get(0);
            assertThat(x.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(x.end().orElseThrow().detail()).isEqualTo("the client left before the answer was complete");
        }
    }
}
