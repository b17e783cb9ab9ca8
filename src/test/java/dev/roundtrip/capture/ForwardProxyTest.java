package dev.roundtrip.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clients that set Roundtrip as their proxy: plain http traced fully, CONNECT tunnels passed through unread. */
class ForwardProxyTest {
    private CaptureProxy proxy;

    @BeforeEach
    void start() throws Exception {
        proxy = CaptureProxy.start(CaptureOptions.forward(0));
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void aClientThatUsesTheProxyIsTracedToTheServerItNamed() throws Exception {
        try (Upstream upstream = new Upstream()) {
            HttpClient viaProxy = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .proxy(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port()))).build();
            HttpResponse<String> r = viaProxy.send(HttpRequest.newBuilder(URI.create(upstream.url() + "/hello?x=1")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(r.body()).isEqualTo("hello from the foreign server, /hello");
            Exchange x = Waits.ended(proxy.recording(), 1).get(0);
            assertThat(x.request().target()).isEqualTo(upstream.url() + "/hello?x=1"); // as the client sent it
            assertThat(x.upstream().orElseThrow().request().target()).isEqualTo("/hello?x=1");
            assertThat(x.upstream().orElseThrow().server().address()).isEqualTo("127.0.0.1");
            assertThat(x.events()).anyMatch(e -> e.stage() == Stage.PROCESS && e.detail().startsWith("measured from outside"));
        }
    }

    @Test
    void aConnectTunnelIsOneOpaqueExchangeWithItsBytesEachWay() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (Socket s = echo.accept()) {
                    byte[] b = s.getInputStream().readNBytes(5); // a stand-in for a TLS record: bytes the proxy must not read
                    s.getOutputStream().write(b);
                    s.getOutputStream().write(b);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String authority = "127.0.0.1:" + echo.getLocalPort();
            try (Socket c = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                c.setSoTimeout(10_000);
                OutputStream out = c.getOutputStream();
                out.write(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                InputStream in = c.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
                assertThat(head.toString()).startsWith("HTTP/1.1 200 Connection Established");
                out.write(new byte[] {0x16, 3, 1, 0, 42});
                assertThat(in.readNBytes(10)).containsExactly(0x16, 3, 1, 0, 42, 0x16, 3, 1, 0, 42);
            }
            server.get(5, TimeUnit.SECONDS);
        }
        Exchange x = Waits.ended(proxy.recording(), 1).get(0);
        assertThat(x.request().summary()).startsWith("CONNECT 127.0.0.1:");
        assertThat(x.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(x.end().orElseThrow().detail()).contains("5 bytes to 127.0.0.1:", "10 bytes back", "not read");
        assertThat(x.events()).noneMatch(e -> e.stage() == Stage.PROCESS);
        assertThat(x.events()).filteredOn(e -> e.stage() == Stage.SEND && e.bytes() != null).extracting(e -> e.bytes().count()).containsExactly(5);
        assertThat(x.events()).filteredOn(e -> e.phase() == Phase.END).extracting(e -> e.stage())
                .contains(Stage.PARSE, Stage.SEND, Stage.INTERPRET, Stage.RESPOND);
        com.fasterxml.jackson.databind.JsonNode entries = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dev.roundtrip.record.HarExport.toBytes(proxy.recording())).get("log").get("entries");
        assertThat(entries).hasSize(1); // no HTTP went upstream: one entry
        assertThat(entries.get(0).get("request").get("url").asText()).startsWith("https://127.0.0.1:").endsWith("/");
    }

    @Test
    void aServerOnAnotherMachineIsRefusedWithoutAllowRemoteTarget() throws Exception {
        Raw.Answer a = Raw.send(proxy.port(), "GET http://192.0.2.1/ HTTP/1.1\r\nHost: 192.0.2.1\r\n\r\n");

        assertThat(a.head()).startsWith("HTTP/1.1 403 Forbidden");
        assertThat(a.body()).contains("--allow-remote-target");
    }

    @Test
    void aHostNameThatDoesNotResolveIsABadGatewayNotABadRequest() throws Exception {
        // what headless Chromium sends by itself (update and account servers) on a machine without DNS
        Raw.Answer a = Raw.send(proxy.port(), "CONNECT no-such-host.invalid:443 HTTP/1.1\r\nHost: no-such-host.invalid:443\r\n\r\n");

        assertThat(a.head()).startsWith("HTTP/1.1 502 Bad Gateway");
        assertThat(a.body()).contains("cannot resolve the host 'no-such-host.invalid'");
    }

    @Test
    void aPathWithoutAServerIsA400ForAForwardProxy() throws Exception {
        Raw.Answer a = Raw.send(proxy.port(), "GET /only-a-path HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertThat(a.head()).startsWith("HTTP/1.1 400 Bad Request");
        assertThat(a.body()).contains("names the whole URL");
    }
}
