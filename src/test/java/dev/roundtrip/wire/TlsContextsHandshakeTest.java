package dev.roundtrip.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roundtrip.tls.LocalhostCertificate;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import java.nio.ByteBuffer;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/** The server's key reaches the TLS engine without a key store, and the handshake is what it was: versions, ALPN, exact trust. */
class TlsContextsHandshakeTest {
    private static final Instant NOW = Instant.now();
    private final LocalhostCertificate lab = LocalhostCertificate.make(NOW.minus(Duration.ofMinutes(1)), NOW.plus(Duration.ofDays(1)), null, null);

    @Test void tls13WithH2AndTheLabsCertificate() throws Exception {
        SSLEngine[] pair = handshake(TlsContexts.server(lab.key(), lab.certificate()), TlsContexts.clientH2(lab.certificate()));
        assertEquals("TLSv1.3", pair[0].getSession().getProtocol());
        assertEquals(ApplicationProtocolNames.HTTP_2, pair[0].getApplicationProtocol());
        assertEquals(lab.certificate(), pair[0].getSession().getPeerCertificates()[0]);
    }

    @Test void tls12WithHttp11() throws Exception {
        SSLEngine[] pair = handshake(TlsContexts.server(lab.key(), lab.certificate()), TlsContexts.client(lab.certificate(), TlsContexts.TLS12));
        assertEquals("TLSv1.2", pair[0].getSession().getProtocol());
        assertEquals(ApplicationProtocolNames.HTTP_1_1, pair[0].getApplicationProtocol());
        assertEquals(lab.certificate(), pair[0].getSession().getPeerCertificates()[0]);
    }

    @Test void theClientRefusesAnyOtherCertificate() throws Exception {
        LocalhostCertificate other = LocalhostCertificate.make(NOW.minus(Duration.ofMinutes(1)), NOW.plus(Duration.ofDays(1)), null, null);
        SslContext server = TlsContexts.server(other.key(), other.certificate());
        assertThrows(SSLException.class, () -> handshake(server, TlsContexts.client(lab.certificate())));
    }

    @Test void aKeyOfAnotherAlgorithmThanTheCertificateIsRefusedAtOnce() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsContexts.server(rsa.generateKeyPair().getPrivate(), lab.certificate()));
        assertEquals("the key (RSA) does not belong to the certificate (EC)", e.getMessage());
    }

    /** Runs both engines against each other in memory until both are done; returns {client, server}. */
    private static SSLEngine[] handshake(SslContext server, SslContext client) throws SSLException {
        SSLEngine c = client.newEngine(UnpooledByteBufAllocator.DEFAULT, "localhost", 443);
        SSLEngine s = server.newEngine(UnpooledByteBufAllocator.DEFAULT);
        c.beginHandshake();
        s.beginHandshake();
        ByteBuffer toServer = ByteBuffer.allocate(1 << 17);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
        ByteBuffer sink = ByteBuffer.allocate(1 << 17);
        ByteBuffer empty = ByteBuffer.allocate(0);
        for (int round = 0; round < 200 && !(done(c) && done(s)); round++) {
            step(c, empty, toServer, toClient, sink);
            step(s, empty, toClient, toServer, sink);
        }
        if (!(done(c) && done(s))) throw new AssertionError("handshake did not finish: " + c.getHandshakeStatus() + " / " + s.getHandshakeStatus());
        return new SSLEngine[] {c, s};
    }

    private static boolean done(SSLEngine e) {
        HandshakeStatus h = e.getHandshakeStatus();
        return h == HandshakeStatus.NOT_HANDSHAKING || h == HandshakeStatus.FINISHED;
    }

    /** One engine's turn: run its tasks, send what it has, read what came. */
    private static void step(SSLEngine e, ByteBuffer empty, ByteBuffer out, ByteBuffer in, ByteBuffer sink) throws SSLException {
        Runnable task;
        while ((task = e.getDelegatedTask()) != null) task.run();
        if (e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) e.wrap(empty, out);
        in.flip();
        if (in.hasRemaining()) {
            e.unwrap(in, sink);
            while ((task = e.getDelegatedTask()) != null) task.run();
        }
        in.compact();
        sink.clear();
    }
}
