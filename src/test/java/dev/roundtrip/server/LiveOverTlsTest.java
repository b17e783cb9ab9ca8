package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.gate.Gates;
import dev.roundtrip.record.Recording;
import dev.roundtrip.tls.LocalhostCertificate;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.MessageReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The long-lived routes over TLS (https, wss), against the JDK's own clients: the messages are found in the
 * plaintext, and what crossed the socket is TLS records.
 */
class LiveOverTlsTest {
    private TraceBus bus;
    private Recording recording;
    private RoundtripServer server;
    private final ManualUpdates source = new ManualUpdates();
    private HttpClient client;
    private HttpClient h2;

    @BeforeEach
    void start() throws Exception {
        bus = new TraceBus();
        recording = new Recording(bus.clock().startedAt());
        bus.subscribe(recording);
        Instant now = Instant.now();
        LocalhostCertificate cert = LocalhostCertificate.make(now.minusSeconds(60), now.plus(Duration.ofDays(1)), null, null);
        server = RoundtripServer.start(new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), new Probes()),
                new ServerSettings(), InetAddress.getLoopbackAddress(), 0, RoundtripServer.TlsPort.of(cert.key(), cert.certificate(), 0));
        server.updates().plug(source);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("roundtrip", cert.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        // HTTP/1.1 over TLS: the JDK's client would otherwise agree on h2 by ALPN
        client = HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1).build();
        h2 = HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_2).build();
    }

    @AfterEach
    void stop() {
        server.close();
        bus.close();
    }

    private String base(String scheme) {
        return scheme + "://127.0.0.1:" + server.tlsPort().getAsInt();
    }

    private Exchange settled(String target) {
        LiveRoutesTest.await("the exchange of " + target + " ends", () -> recording.exchanges().stream()
                .anyMatch(x -> x.request().target().equals(target) && x.outcome() != Outcome.PENDING));
        return recording.exchanges().stream().filter(x -> x.request().target().equals(target)).findFirst().orElseThrow();
    }

    private static List<StageEvent> messages(Exchange x) {
        return x.events().stream().filter(e -> e.message() != null).toList();
    }

    /** After the head, every message carries its plaintext and no socket bytes; the socket's reads and writes carry TLS records. */
    private static void assertPlaintextMessagesOverTlsRecords(Exchange x) {
        List<StageEvent> m = messages(x);
        assertThat(m).isNotEmpty().allMatch(e -> e.stage() == Stage.RESPOND && e.plain() != null && e.bytes() == null);
        assertThat(x.events()).anyMatch(e -> e.stage() == Stage.RESPOND && e.bytes() != null
                && e.detail().matches("socket write #\\d+: \\d+ bytes of TLS records"));
        assertThat(x.events()).filteredOn(e -> e.stage() == Stage.HANDSHAKE).isNotEmpty();
    }

    @Test
    void serverSentEventsOverHttpsCarryEachUpdate() throws Exception {
        HttpResponse<Stream<String>> r = client.send(HttpRequest.newBuilder(URI.create(base("https") + "/events"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).contains("text/event-stream; charset=utf-8");
        LiveRoutesTest.await("the stream subscribed", source::running);
        source.emit("first over TLS");
        Iterator<String> lines = r.body().iterator();
        assertThat(lines.next()).isEqualTo("id: 1");
        assertThat(lines.next()).isEqualTo("event: update");
        assertThat(lines.next()).isEqualTo("data: {\"id\":1,\"text\":\"first over TLS\"}");
        r.body().close(); // the client leaves

        Exchange x = settled("/events");
        assertThat(x.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(x.response().orElseThrow().status()).isEqualTo(200);
        assertPlaintextMessagesOverTlsRecords(x);
        assertThat(messages(x).get(0).message()).isEqualTo(MessageReadout.sse("1", "{\"id\":1,\"text\":\"first over TLS\"}".length()));
        assertThat(new String(messages(x).get(0).plain().data(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("data: {\"id\":1,\"text\":\"first over TLS\"}");
    }

    @Test
    void aWebSocketOverWssEchoesAndCarriesUpdates() throws Exception {
        LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
        WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create(base("wss") + "/ws"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                heard.add(data.toString());
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        ws.sendText("hello over wss", true).get(10, TimeUnit.SECONDS);
        assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("hello over wss");
        LiveRoutesTest.await("the socket subscribed", source::running);
        source.emit("news over TLS");
        assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"id\":1,\"text\":\"news over TLS\"}");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);

        Exchange x = settled("/ws");
        assertThat(x.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(x.response().orElseThrow().status()).isEqualTo(101);
        assertPlaintextMessagesOverTlsRecords(x);
        // the client's text and close came up masked; the echo and the update went down unmasked; then the server's close
        assertThat(messages(x)).extracting(e -> e.message().fromClient(), e -> e.message().opcode(), e -> e.message().masked())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, 1, true), org.assertj.core.groups.Tuple.tuple(false, 1, false),
                        org.assertj.core.groups.Tuple.tuple(false, 1, false), org.assertj.core.groups.Tuple.tuple(true, 8, true),
                        org.assertj.core.groups.Tuple.tuple(false, 8, false));
    }

    @Test
    void overHttp2AnEventStreamIsOneStreamOfDataFramesAndEndsWhenTheClientResetsIt() throws Exception {
        HttpResponse<Stream<String>> r = h2.send(HttpRequest.newBuilder(URI.create(base("https") + "/events"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).contains("text/event-stream; charset=utf-8");
        LiveRoutesTest.await("the stream subscribed", source::running);
        source.emit("first over h2");
        Iterator<String> lines = r.body().iterator();
        assertThat(lines.next()).isEqualTo("id: 1");
        assertThat(lines.next()).isEqualTo("event: update");
        assertThat(lines.next()).isEqualTo("data: {\"id\":1,\"text\":\"first over h2\"}");
        // a poll on the same connection is answered meanwhile: the event stream holds only its own stream
        HttpResponse<String> poll = h2.send(HttpRequest.newBuilder(URI.create(base("https") + "/poll?since=0")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(poll.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(poll.body()).isEqualTo("{\"cursor\":1,\"updates\":[{\"id\":1,\"text\":\"first over h2\"}]}");
        r.body().close(); // the client leaves: RST_STREAM

        Exchange x = settled("/events");
        assertThat(x.outcome()).as(x.end().toString()).isEqualTo(Outcome.COMPLETED);
        assertThat(x.response().orElseThrow().status()).isEqualTo(200);
        assertThat(new String(x.response().orElseThrow().body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("id: 1\nevent: update\ndata: {\"id\":1,\"text\":\"first over h2\"}\n\n");
        assertThat(messages(x)).extracting(StageEvent::message)
                .containsExactly(MessageReadout.sse("1", "{\"id\":1,\"text\":\"first over h2\"}".length()));
        assertThat(x.events()).anyMatch(e -> e.stage() == Stage.RESPOND && e.frame() != null && e.frame().type().equals("DATA")
                && e.frame().length() == "id: 1\nevent: update\ndata: {\"id\":1,\"text\":\"first over h2\"}\n\n".length());
        assertThat(x.events()).anyMatch(e -> e.stage() == Stage.RESPOND && e.phase() == dev.roundtrip.trace.Phase.END
                && e.detail().contains("1 event sent") && e.detail().contains("reset"));
        LiveRoutesTest.await("the producer stops when the stream's client has left", () -> !source.running());
    }

    @Test
    void overHttp2AWebSocketIsRefusedSayingWhyAndWhereItWorks() throws Exception {
        HttpResponse<String> r = h2.send(HttpRequest.newBuilder(URI.create(base("https") + "/ws")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(r.body()).contains("RFC 8441").contains("wss:// on the https port");
        assertThat(settled("/ws").response().orElseThrow().status()).isEqualTo(501);
    }
}
