package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.client.RoundtripClient;
import dev.roundtrip.gate.Gates;
import dev.roundtrip.record.Recording;
import dev.roundtrip.server.RoundtripServer;
import dev.roundtrip.server.ServerSettings;
import dev.roundtrip.tls.LocalhostCertificate;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.TlsContexts;
import dev.roundtrip.wire.Tracing;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A certificate the client does not trust, or one that expired, fails the handshake with a sentence a student can read. */
class CertificateFailureTest {

    private static Exchange handshakeWith(LocalhostCertificate served, LocalhostCertificate trusted) throws Exception {
        TraceBus bus = new TraceBus();
        Recording recording = new Recording(bus.clock().startedAt());
        bus.subscribe(recording);
        Tracing t = new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), new Probes());
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (RoundtripServer server = RoundtripServer.start(t, new ServerSettings(), lo, 0,
                new RoundtripServer.TlsPort(TlsContexts.server(served.key(), served.certificate()), 0));
             RoundtripClient client = new RoundtripClient(t, server.address(), new InetSocketAddress(lo, server.tlsPort().getAsInt()),
                     TlsContexts.client(trusted.certificate()))) {
            ExchangeEnded end = client.send(RequestSpec.get("/").withTls(true)).result().get(20, TimeUnit.SECONDS);
            assertThat(end.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(Facts.eventually(() -> recording.exchange(end.exchangeId()).map(x -> x.end().isPresent()).orElse(false))).isTrue();
            bus.awaitDelivered(Duration.ofSeconds(5));
            return recording.exchange(end.exchangeId()).orElseThrow();
        } finally {
            bus.close();
        }
    }

    /** The client offers only {@code protocols}; the exchange completes and its handshake's client END says what was agreed. */
    private static StageEvent clientHandshakeEnd(String... protocols) throws Exception {
        Instant now = Instant.now();
        LocalhostCertificate c = LocalhostCertificate.make(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), null, null);
        TraceBus bus = new TraceBus();
        Recording recording = new Recording(bus.clock().startedAt());
        bus.subscribe(recording);
        Tracing t = new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), new Probes());
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (RoundtripServer server = RoundtripServer.start(t, new ServerSettings(), lo, 0,
                new RoundtripServer.TlsPort(TlsContexts.server(c.key(), c.certificate()), 0));
             RoundtripClient client = new RoundtripClient(t, server.address(), new InetSocketAddress(lo, server.tlsPort().getAsInt()),
                     TlsContexts.client(c.certificate(), protocols))) {
            ExchangeEnded end = client.send(RequestSpec.get("/").withTls(true)).result().get(20, TimeUnit.SECONDS);
            assertThat(end.outcome()).isEqualTo(Outcome.COMPLETED);
            bus.awaitDelivered(Duration.ofSeconds(5));
            return recording.exchange(end.exchangeId()).orElseThrow().events().stream()
                    .filter(e -> e.stage() == Stage.HANDSHAKE && e.phase() == Phase.END && e.actor() == dev.roundtrip.trace.Actor.CLIENT)
                    .findFirst().orElseThrow();
        } finally {
            bus.close();
        }
    }

    @Test
    void tls13TakesOneRoundTripAndTls12Two() throws Exception {
        StageEvent v13 = clientHandshakeEnd(TlsContexts.TLS13);
        assertThat(v13.tls().protocol()).isEqualTo("TLSv1.3");
        assertThat(v13.tls().roundTrips()).isEqualTo(1);
        StageEvent v12 = clientHandshakeEnd(TlsContexts.TLS12);
        assertThat(v12.tls().protocol()).isEqualTo("TLSv1.2");
        assertThat(v12.tls().roundTrips()).isEqualTo(2);
        assertThat(v12.detail()).contains("in 2 round trips");
    }

    private static StageEvent clientError(Exchange x) {
        return x.events().stream().filter(e -> e.phase() == Phase.ERROR && e.actor() == dev.roundtrip.trace.Actor.CLIENT)
                .findFirst().orElseThrow();
    }

    @Test
    void aForeignCertificateIsRefused() throws Exception {
        Instant now = Instant.now();
        LocalhostCertificate ours = LocalhostCertificate.make(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), null, null);
        LocalhostCertificate foreign = LocalhostCertificate.make(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), null, null);
        Exchange x = handshakeWith(foreign, ours);
        StageEvent e = clientError(x);
        assertThat(e.stage()).isEqualTo(Stage.HANDSHAKE);
        assertThat(e.detail()).contains("not the certificate this client trusts").endsWith("the client refuses it");
        assertThat(e.phrase().in(java.util.Locale.GERMAN)).contains("nicht das Zertifikat, dem dieser Client vertraut").endsWith("der Client lehnt es ab");
        assertThat(x.events()).noneMatch(ev -> ev.stage() == Stage.SEND);
    }

    @Test
    void anExpiredCertificateIsRefusedSayingWhen() throws Exception {
        Instant now = Instant.now();
        LocalhostCertificate expired = LocalhostCertificate.make(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), null, null);
        StageEvent e = clientError(handshakeWith(expired, expired));
        assertThat(e.stage()).isEqualTo(Stage.HANDSHAKE);
        assertThat(e.detail()).startsWith("the server's certificate has expired").endsWith("the client refuses it");
        assertThat(e.phrase().in(dev.roundtrip.text.Texts.SPANISH)).startsWith("el certificado del servidor ha caducado").endsWith("el cliente lo rechaza");
    }
}
