package dev.roundtrip.wire;

import dev.roundtrip.trace.Phrase;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one certificate, and only while it is valid: the client of the lab talks to its own
 * server, whose certificate it knows. (A certificate that is itself the trust anchor is not checked
 * for expiry by the JDK's PKIX validation; here it is.)
 */
final class ExactTrust extends X509ExtendedTrustManager {
    private final X509Certificate trusted;

    ExactTrust(X509Certificate trusted) {
        this.trusted = trusted;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) throw new Untrusted(Phrase.of("client.noCertificate"));
        X509Certificate leaf = chain[0];
        if (!leaf.equals(trusted)) {
            throw new Untrusted(Phrase.of("client.otherCertificate", String.valueOf(leaf.getSubjectX500Principal()), fingerprint(leaf), fingerprint(trusted)));
        }
        leaf.checkValidity(); // CertificateExpiredException / CertificateNotYetValidException say when
    }

    /** The server's certificate is not the one trusted: why, said in the language of whoever reads it. */
    static final class Untrusted extends CertificateException {
        final transient Phrase said;

        Untrusted(Phrase said) {
            super(said.english());
            this.said = said;
        }
    }

    static String fingerprint(X509Certificate c) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 8; i++) s.append(String.format("%02X", d[i] & 0xff)).append(i < 7 ? ":" : "…");
            return s.toString();
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "?";
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this client does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {trusted};
    }
}
