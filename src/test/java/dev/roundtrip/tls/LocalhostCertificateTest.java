package dev.roundtrip.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalhostCertificateTest {
    @TempDir
    Path dir;

    @Test
    void madeAtFirstStartKeptThenRenewedWhenExpired() throws Exception {
        Instant now = Instant.now();
        LocalhostCertificate made = LocalhostCertificate.ensure(dir, now);
        assertThat(made.news()).startsWith("made");
        assertThat(made.file()).isEqualTo(dir.resolve("localhost.pem"));
        assertThat(Files.readString(made.file())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(made.certificate().getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList())
                .contains("localhost", "127.0.0.1");
        made.certificate().checkValidity();

        LocalhostCertificate kept = LocalhostCertificate.ensure(dir, now.plus(Duration.ofDays(1)));
        assertThat(kept.news()).isNull();
        assertThat(kept.certificate()).isEqualTo(made.certificate());
        assertThat(kept.key().getEncoded()).isEqualTo(made.key().getEncoded());

        LocalhostCertificate renewed = LocalhostCertificate.ensure(dir, now.plus(LocalhostCertificate.VALIDITY).plus(Duration.ofDays(1)));
        assertThat(renewed.news()).startsWith("renewed: ").contains("expired on");
        assertThat(renewed.certificate()).isNotEqualTo(made.certificate());
    }

    @Test
    void anUnreadableFileIsMadeAgainAndSaysWhy() throws Exception {
        Files.writeString(dir.resolve(LocalhostCertificate.FILE_NAME), "not a certificate");
        Files.writeString(dir.resolve(LocalhostCertificate.KEY_FILE_NAME), "not a key");
        LocalhostCertificate c = LocalhostCertificate.ensure(dir, Instant.now());
        assertThat(c.news()).startsWith("made again: ").contains("could not be read");
        assertThat(LocalhostCertificate.ensure(dir, Instant.now()).certificate()).isEqualTo(c.certificate());
    }
}
