package dev.roundtrip.tls;

import dev.roundtrip.files.AtomicFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The demo server's certificate for {@code localhost} and {@code 127.0.0.1}: self-signed, an EC P-256
 * key, made the first time it is needed and kept under the Roundtrip home ({@code tls/localhost.pem},
 * the private key beside it in {@code tls/localhost-key.pem}), made again when it has expired or the
 * files cannot be read. The lab's client trusts exactly this certificate; {@code curl --cacert
 * tls/localhost.pem https://127.0.0.1:PORT/} does the same.
 *
 * @param certificate the certificate
 * @param key its private key
 * @param file where the certificate is kept (PEM)
 * @param news what happened at this start, for people: null when the kept one was used as it was
 */
public record LocalhostCertificate(X509Certificate certificate, PrivateKey key, Path file, String news) {
    public static final String FILE_NAME = "localhost.pem";
    public static final String KEY_FILE_NAME = "localhost-key.pem";
    /** A year: long enough for a course, short enough that renewal is a path that runs. */
    public static final Duration VALIDITY = Duration.ofDays(365);
    public static final String SUBJECT = "CN=localhost, O=Roundtrip demo server";

    /** The kept certificate in {@code dir} when it is readable and valid at {@code now}; else a new one, written there. */
    public static LocalhostCertificate ensure(Path dir, Instant now) throws IOException {
        Path certFile = dir.resolve(FILE_NAME);
        Path keyFile = dir.resolve(KEY_FILE_NAME);
        String why;
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            try {
                X509Certificate cert = readCertificate(Files.readAllBytes(certFile));
                PrivateKey key = readKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
                if (cert.getNotAfter().toInstant().isAfter(now)) return new LocalhostCertificate(cert, key, certFile, null);
                why = "renewed: the one kept in " + certFile + " expired on " + cert.getNotAfter().toInstant();
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                why = "made again: " + certFile + " or " + keyFile + " could not be read (" + e.getMessage() + ")";
            }
        } else {
            why = "made for localhost and 127.0.0.1";
        }
        LocalhostCertificate made = make(now.minus(Duration.ofMinutes(5)), now.plus(VALIDITY), certFile, why);
        Files.createDirectories(dir);
        AtomicFile.writeString(keyFile, pem("PRIVATE KEY", made.key().getEncoded()));
        try {
            AtomicFile.writeString(certFile, pem("CERTIFICATE", made.certificate().getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException("cannot encode the new certificate: " + e.getMessage(), e);
        }
        return made;
    }

    /** A new certificate valid from {@code notBefore} to {@code notAfter} (tests make expired ones), not written anywhere. */
    public static LocalhostCertificate make(Instant notBefore, Instant notAfter, Path file, String news) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = g.generateKeyPair();
            X500Name subject = new X500Name(SUBJECT);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()).abs(),
                    Date.from(notBefore), Date.from(notAfter), subject, pair.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")}));
            // a CA as well as a server: curl --cacert and openssl -CAfile accept a self-signed leaf only when it may sign
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new LocalhostCertificate(cert, pair.getPrivate(), file, news);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make the localhost certificate: " + e.getMessage(), e);
        }
    }

    static X509Certificate readCertificate(byte[] pem) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
    }

    static PrivateKey readKey(String pem) throws GeneralSecurityException {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
