package dev.roundtrip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureCommandTest {
    @TempDir
    Path dir;
    private HttpServer upstream;

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", x -> {
            byte[] body = "hi from your own server".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

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
    void capturesAnExchangeSavesItAndReplayAndExportReadTheFile() throws Exception {
        Path file = dir.resolve("mine.roundtrip.json");
        StringWriter out = new StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new RoundtripCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> cli.execute("capture", "--listen", "0",
                "--to", "http://127.0.0.1:" + upstream.getAddress().getPort(), "--count", "1", "--out", file.toString()));
        Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/ -> ").matcher("");
        for (int i = 0; i < 1000 && !m.reset(out.toString()).find(); i++) Thread.sleep(10);
        assertThat(m.reset(out.toString()).find()).as(out.toString()).isTrue();

        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/mine")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.body()).isEqualTo("hi from your own server");
        assertThat(code.get(20, java.util.concurrent.TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("process  end      foreign_server measured from outside", "#1 completed", "saved 1 exchange to ");
        String[] replay = run("replay", file.toString());
        assertThat(replay[0]).isEqualTo("0");
        assertThat(replay[1]).contains("#1 GET /mine → 200 OK", "foreign_server");
        String[] har = run("export", file.toString(), "--to", "har");
        assertThat(har[0]).isEqualTo("0");
        assertThat(har[1]).contains("/mine", "_roundtripUpstreamOf");
        String[] mermaid = run("export", file.toString(), "--to", "mermaid");
        assertThat(mermaid[1]).contains("Foreign server");
        assertThat(Files.size(file)).isPositive();
    }

    @Test
    void optionsAreCheckedBeforeAnythingListens() {
        String[] both = run("capture", "--forward", "--to", "http://127.0.0.1:5000");
        assertThat(both[0]).isEqualTo("2");
        assertThat(both[2]).contains("either --to URL");
        String[] remote = run("capture", "--to", "http://192.0.2.1:80");
        assertThat(remote[0]).isEqualTo("2");
        assertThat(remote[2]).contains("refusing to forward to 192.0.2.1", "--allow-remote-target");
        String[] https = run("capture", "--to", "https://127.0.0.1:5000");
        assertThat(https[2]).contains("plain http only");
        String[] path = run("capture", "--to", "http://127.0.0.1:5000/api");
        assertThat(path[2]).contains("without a path");
    }

    @Test
    void aTakenPortAndABadListenAreSaidInTheCliLanguage() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dev.roundtrip.text.Texts.use(java.util.Locale.GERMAN);
            String[] r = run("capture", "--listen", String.valueOf(taken.getLocalPort()), "--forward");
            assertThat(r[0]).isEqualTo("1");
            assertThat(r[2]).startsWith("capture: auf Port " + taken.getLocalPort() + " von 127.0.0.1 kann nicht gelauscht werden (Meldung des Systems: ")
                    .doesNotContain("failed with error")
                    .contains("mit --listen PORT einen anderen wählen");
            String[] bad = run("capture", "--listen", "70000", "--forward");
            assertThat(bad[0]).isEqualTo("2");
            assertThat(bad[2]).isEqualToIgnoringNewLines("capture: --listen muss zwischen 0 und 65535 liegen, angegeben: 70000");
        } finally {
            dev.roundtrip.text.Texts.use(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void listeningBeyondLoopbackNeedsBindAndWarnsOnStderr() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // the taken port makes the command end instead of capturing: the warnings come before the attempt
            String[] r = run("capture", "--bind", "0.0.0.0", "--listen", String.valueOf(taken.getLocalPort()), "--forward", "--allow-remote-target");
            assertThat(r[0]).isEqualTo("1");
            assertThat(r[2]).contains("WARNING: capture --bind 0.0.0.0: other machines on the network can reach this proxy",
                    "WARNING: capture --allow-remote-target", "cannot listen on port " + taken.getLocalPort());
        }
        assertThat(new dev.roundtrip.capture.CaptureOptions(InetAddress.getByName("127.0.0.1"), 0, null, false, false,
                java.time.Duration.ofSeconds(1), 0).listen().isLoopbackAddress()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new dev.roundtrip.capture.CaptureOptions(InetAddress.getByName("0.0.0.0"), 0, null,
                false, false, java.time.Duration.ofSeconds(1), 0)).hasMessageContaining("loopback only unless --bind");
    }
}
