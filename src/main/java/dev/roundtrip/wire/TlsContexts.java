package dev.roundtrip.wire;

import dev.roundtrip.trace.Phrase;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;

/**
 * The TLS settings of the embedded server and client (the JDK's own TLS, no native library): TLS 1.3
 * and 1.2, ALPN offering http/1.1. The client trusts exactly the one certificate it is given, not the
 * JDK's list of certificate authorities ({@link ExactTrust}).
 */
public final class TlsContexts {
    public static final String TLS13 = "TLSv1.3";
    public static final String TLS12 = "TLSv1.2";

    private TlsContexts() {}

    private static ApplicationProtocolConfig alpn() {
        return new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_1_1);
    }

    /**
     * The server offers h2 and http/1.1 by ALPN, in that order (RFC 9113 3.2): a client that offers h2 gets it.
     * The key goes to the engine directly ({@link OneKeyManager}), not through a PKCS#12 store.
     */
    public static SslContext server(PrivateKey key, X509Certificate certificate) throws SSLException {
        ApplicationProtocolConfig both = new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1);
        return SslContextBuilder.forServer(new OneKeyManager(key, certificate)).sslProvider(SslProvider.JDK)
                .protocols(TLS13, TLS12).applicationProtocolConfig(both).build();
    }

    /**
     * The client's settings for h2: the same trust as {@code tls} was made with, offering only h2 by ALPN.
     * Needs the trusted certificate again: a context does not give its trust manager back.
     */
    public static SslContext clientH2(X509Certificate trusted) throws SSLException {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).trustManager(new ExactTrust(trusted))
                .protocols(TLS13, TLS12)
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_2)).build();
    }

    /** @param protocols the versions the client offers ({@link #TLS13}, {@link #TLS12}); none: both */
    public static SslContext client(X509Certificate trusted, String... protocols) throws SSLException {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).trustManager(new ExactTrust(trusted))
                .protocols(protocols.length == 0 ? new String[] {TLS13, TLS12} : protocols)
                .applicationProtocolConfig(alpn()).build();
    }

    /**
     * Why a handshake failed, in a sentence: the certificate problems a student meets first
     * (expired, not the trusted one, the wrong name), then the TLS engine's own words.
     */
    public static Phrase describeFailure(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof java.security.cert.CertificateExpiredException) return Phrase.of("client.certExpired", String.valueOf(c.getMessage()));
            if (c instanceof java.security.cert.CertificateNotYetValidException) return Phrase.of("client.certNotYetValid", String.valueOf(c.getMessage()));
            if (c instanceof ExactTrust.Untrusted) return Phrase.of("client.certRefused", ((ExactTrust.Untrusted) c).said);
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return Phrase.of("client.tlsFailed", m);
    }
}
