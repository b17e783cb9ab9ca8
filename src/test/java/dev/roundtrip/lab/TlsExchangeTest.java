package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.record.HarExport;
import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingJson;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** https through the lab: connect, the handshake as a stage, ciphertext on the wire and plaintext in the program. */
class TlsExchangeTest {
    static Lab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static Exchange run(RequestSpec spec) throws Exception {
        return Facts.settle(lab, lab.send(spec).exchangeId());
    }

    /** On a lab of its own: no idle connection of another test is reused. */
    private static Exchange first(RequestSpec spec) throws Exception {
        try (Lab fresh = Lab.start()) {
            return Facts.settle(fresh, fresh.send(spec).exchangeId());
        }
    }

    @Test
    void theFirstHttpsExchangeConnectsHandshakesAndSendsCiphertext() throws Exception {
        Exchange x = first(RequestSpec.get("/users/1").withTls(true).withKeepAlive(false));
        assertThat(x.response().orElseThrow().status()).isEqualTo(200);
        List<Stage> begins = x.events().stream().filter(e -> e.phase() == Phase.BEGIN && e.actor() == Actor.CLIENT
                || e.phase() == Phase.BEGIN && e.stage() != Stage.HANDSHAKE).map(StageEvent::stage).distinct().toList();
        assertThat(begins).containsExactly(Stage.CONNECT, Stage.HANDSHAKE, Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET);

        // the handshake's records, as each side saw them: the ClientHello first, then the server's hello
        List<String> sent = Facts.of(x, Stage.HANDSHAKE).stream().filter(e -> e.tlsRecord() != null && e.detail().startsWith("TLS record sent"))
                .map(e -> e.actor() + " " + e.tlsRecord().message()).toList();
        // each side's events in its own order (the two sides publish from their own threads)
        assertThat(sent.stream().filter(r -> r.startsWith("CLIENT ")).findFirst()).hasValue("CLIENT ClientHello");
        assertThat(sent.stream().filter(r -> r.startsWith("SERVER ")).findFirst()).hasValue("SERVER ServerHello");
        StageEvent clientEnd = Facts.of(x, Stage.HANDSHAKE, Phase.END).stream().filter(e -> e.actor() == Actor.CLIENT).findFirst().orElseThrow();
        assertThat(clientEnd.tls().protocol()).isEqualTo("TLSv1.3");
        assertThat(clientEnd.tls().alpn()).isEqualTo("http/1.1");
        assertThat(clientEnd.tls().roundTrips()).isEqualTo(1);
        assertThat(clientEnd.tls().cipherSuite()).startsWith("TLS_");

        // the network sees ciphertext records, the program its plaintext
        byte[] wire = Facts.wire(x, Stage.SEND);
        assertThat(wire[0]).isEqualTo((byte) 0x17);
        String plain = new String(plainOf(x, Stage.SEND), StandardCharsets.ISO_8859_1);
        assertThat(plain).startsWith("GET /users/1 HTTP/1.1\r\n");
        assertThat(new String(wire, StandardCharsets.ISO_8859_1)).doesNotContain("GET /users/1");
        assertThat(wire.length).isGreaterThan(plain.length()); // the record header and the AEAD tag
        assertThat(new String(plainOf(x, Stage.PARSE), StandardCharsets.ISO_8859_1)).isEqualTo(plain);
        assertThat(new String(plainOf(x, Stage.INTERPRET), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 OK");
    }

    @Test
    void aReusedConnectionSaysSoAndHasNoConnectOrHandshake() throws Exception {
        Exchange first = run(RequestSpec.get("/").withTls(true));
        Exchange second = run(RequestSpec.get("/").withTls(true));
        assertThat(second.connectionId()).isEqualTo(first.connectionId());
        assertThat(second.events()).noneMatch(e -> e.stage().opensConnection());
        assertThat(Facts.of(second, Stage.SEND, Phase.BEGIN).get(0).detail())
                .startsWith("connection #" + first.connectionId() + " reused (");
        assertThat(Facts.wire(second, Stage.SEND)[0]).isEqualTo((byte) 0x17);
    }

    @Test
    void aTlsRecordingSurvivesSavingAndHarFillsConnectAndSsl() throws Exception {
        Exchange x = first(RequestSpec.get("/").withTls(true).withKeepAlive(false));
        Recording r = new Recording(java.time.Instant.parse("2026-12-01T10:00:00Z"));
        r.add(x);
        Recording back = RecordingJson.read(RecordingJson.toBytes(r), "tls.roundtrip.json");
        assertThat(back.exchange(x.id()).orElseThrow().events()).isEqualTo(x.events());
        HarExport.Timings t = HarExport.Timings.of(x);
        assertThat(t.connectMs()).isNotNull();
        assertThat(t.sslMs()).isNotNull().isPositive();
        assertThat(t.connectMs()).isGreaterThanOrEqualTo(t.sslMs());
        assertThat(t.time()).isEqualByComparingTo(t.connectMs().add(t.sendMs()).add(t.waitMs()).add(t.receiveMs()));

        java.io.ByteArrayOutputStream har = new java.io.ByteArrayOutputStream();
        HarExport.write(r, r.exchanges(), null, har);
        String host = x.request().headers().stream().filter(h -> h.name().equalsIgnoreCase("Host")).findFirst().orElseThrow().value();
        assertThat(har.toString(StandardCharsets.UTF_8)).contains("\"url\" : \"https://" + host + "/\"").doesNotContain("http://" + host);
    }

    @Test
    void plaintextOnTheTlsPortIsAnswered400AndTheServerGoesOn() throws Exception {
        String answer;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), lab.tlsPort().getAsInt())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("this port speaks TLS");
        assertThat(Facts.eventually(() -> lab.recording().exchanges().stream().anyMatch(x -> x.events().stream()
                .anyMatch(e -> e.stage() == Stage.HANDSHAKE && e.phase() == Phase.ERROR && e.detail().contains("not a TLS record"))))).isTrue();
        assertThat(run(RequestSpec.get("/").withTls(true)).response().orElseThrow().status()).isEqualTo(200);
    }

    @Test
    void anOutsideClientThatRefusesTheCertificateIsAFailedHandshakeAndTheServerGoesOn() throws Exception {
        // the JDK's default trust store does not know the lab's certificate: this client aborts the handshake
        javax.net.ssl.SSLSocketFactory f = javax.net.ssl.SSLContext.getDefault().getSocketFactory();
        try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) f.createSocket(InetAddress.getLoopbackAddress(), lab.tlsPort().getAsInt())) {
            s.setSoTimeout(10_000);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(s::startHandshake)).isInstanceOf(javax.net.ssl.SSLException.class);
        }
        assertThat(Facts.eventually(() -> lab.recording().exchanges().stream().anyMatch(x -> x.outcome() == dev.roundtrip.trace.Outcome.FAILED
                && x.events().stream().anyMatch(e -> e.stage() == Stage.HANDSHAKE && e.phase() == Phase.ERROR
                        && e.detail().startsWith("the TLS handshake failed on the server"))))).isTrue();
        assertThat(run(RequestSpec.get("/").withTls(true)).response().orElseThrow().status()).isEqualTo(200);
    }

    @Test
    void aClientHelloOnThePlainPortIsAnswered400AndTheServerGoesOn() throws Exception {
        Exchange x = run(RequestSpec.raw(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00}));
        assertThat(x.response().orElseThrow().status()).isEqualTo(400);
        assertThat(run(RequestSpec.get("/")).response().orElseThrow().status()).isEqualTo(200);
    }

    /** The plaintext the program wrote or read in this stage, joined. */
    private static byte[] plainOf(Exchange x, Stage stage) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (StageEvent e : Facts.of(x, stage)) if (e.plain() != null) out.writeBytes(e.plain().data());
        return out.toByteArray();
    }
}
