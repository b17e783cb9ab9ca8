package dev.roundtrip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
    @Test
    void printsTheServerStagesOfAnOutsideClientsExchange() throws Exception {
        StringWriter text = new StringWriter();
        try (ServeCommand.Serving serving = ServeCommand.Serving.start(0, new PrintWriter(text))) {
            String answer;
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), serving.port())) {
                s.setSoTimeout(5000);
                s.getOutputStream().write("GET /users/4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("Tim Berners-Lee");
            for (int i = 0; i < 500 && !text.toString().contains("#1 completed"); i++) Thread.sleep(10);
            serving.bus().awaitDelivered(Duration.ofSeconds(5));
        }
        assertThat(text.toString()).contains("on http://127.0.0.1:", "#1 GET /users/4", "parse    begin", "process  progress database",
                "SELECT id, name, email FROM users WHERE id = 4", "respond  end", "#1 completed");
    }

    @Test
    void theTlsPortServesHttpsWithTheCertificateItPrints(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) throws Exception {
        String old = System.getProperty(dev.roundtrip.files.RoundtripHome.PROPERTY);
        System.setProperty(dev.roundtrip.files.RoundtripHome.PROPERTY, home.toString());
        StringWriter text = new StringWriter();
        try (ServeCommand.Serving serving = ServeCommand.Serving.start(InetAddress.getLoopbackAddress(), 0, 0,
                new dev.roundtrip.server.ServerSettings(), new PrintWriter(text))) {
            java.nio.file.Path pem = home.resolve("tls").resolve("localhost.pem");
            assertThat(text.toString()).contains("https://127.0.0.1:" + serving.tlsPort().getAsInt() + "/", "curl --cacert " + pem);
            // a client that trusts exactly the printed file, as curl --cacert does
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(pem)) {
                trust.setCertificateEntry("roundtrip", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(ctx).build();
            java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("https://127.0.0.1:" + serving.tlsPort().getAsInt() + "/users/4")).timeout(Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Tim Berners-Lee");
            for (int i = 0; i < 500 && !text.toString().contains("completed"); i++) Thread.sleep(10);
            serving.bus().awaitDelivered(Duration.ofSeconds(5));
        } finally {
            if (old == null) System.clearProperty(dev.roundtrip.files.RoundtripHome.PROPERTY);
            else System.setProperty(dev.roundtrip.files.RoundtripHome.PROPERTY, old);
        }
        assertThat(text.toString()).contains("connect  begin", "handshake begin", "handshake end", "GET /users/4", "completed");
    }

    /** Runs {@code roundtrip ARGS}; returns exit code, stdout, stderr. */
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new RoundtripCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void aPortInUseIsAClearMessageAndANonZeroExitWithoutAStackTrace() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            String[] r = run("serve", "--port", String.valueOf(port));
            assertThat(r[0]).isEqualTo("1");
            assertThat(r[2]).startsWith("serve: port " + port + " on 127.0.0.1 is already in use (").contains("--port N")
                    .doesNotContain("Exception", "\tat ");
            assertThat(r[2]).doesNotContain("WARNING");
        }
    }

    @Test
    void bindingBeyondLoopbackNeedsBindAndPrintsAWarningOnStderr() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // the taken port makes the command end instead of serving: the warning comes before the attempt
            String[] r = run("serve", "--bind", "0.0.0.0", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(r[0]).isEqualTo("1");
            assertThat(r[2]).startsWith("WARNING: serve --bind 0.0.0.0: listening on every network interface")
                    .contains("Other machines on the network can reach this demo server", "already in use");
            assertThat(r[1]).isEmpty();
        }
        String[] loopback = run("serve", "--bind", "127.0.0.1", "--port", "-1");
        assertThat(loopback[0]).isEqualTo("2");
        assertThat(loopback[2]).isEqualTo("serve: port must be 0..65535, was -1" + System.lineSeparator());
        assertThat(run("serve", "--bind", "not an address!")[0]).isEqualTo("2");
    }

    @Test
    void anAddressThatIsNotThisMachinesIsAClearMessage() {
        // TEST-NET-1 (RFC 5737): never assigned to a local interface
        String[] r = run("serve", "--bind", "192.0.2.1", "--port", "0");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("WARNING").contains("serve: cannot listen on port 0 on 192.0.2.1 (").doesNotContain("\tat ");
    }

    @Test
    void theServedLimitsAreOptions() throws Exception {
        String[] bad = run("serve", "--max-connections", "0");
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("connection limit must be 1..100000, was 0");
        dev.roundtrip.server.ServerSettings settings = new dev.roundtrip.server.ServerSettings();
        settings.setMaxConnections(1);
        try (ServeCommand.Serving serving = ServeCommand.Serving.start(InetAddress.getLoopbackAddress(), 0, -1, settings, new PrintWriter(new StringWriter()));
             Socket first = new Socket(InetAddress.getLoopbackAddress(), serving.port())) {
            try (Socket second = new Socket(InetAddress.getLoopbackAddress(), serving.port())) {
                second.setSoTimeout(5000);
                second.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                String answer = new String(second.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(answer).startsWith("HTTP/1.1 503 ").contains("Retry-After: ");
            }
        }
    }
}
