package dev.roundtrip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.record.SampleRecordings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 17: what came from a client or a file reaches the console with its control characters escaped. */
class HostileTextCliTest {
    @TempDir
    Path dir;

    /** No control character but the line ends, no lone surrogate: nothing a terminal would act on. */
    private static void assertPrintable(String console) {
        assertThat(console.replace("\n", "").replace("\r", "")).as(console)
                .matches(s -> dev.roundtrip.text.Printable.isSafe(s), "holds no control character");
    }

    @Test
    void serveShowsAHostileTargetEscapedAndGoesOnServing() throws Exception {
        StringWriter text = new StringWriter();
        try (ServeCommand.Serving serving = ServeCommand.Serving.start(0, new PrintWriter(text))) {
            String answer;
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), serving.port())) {
                s.setSoTimeout(5000);
                s.getOutputStream().write("GET /\u001b[2J\u001b[31mPWNED\u0007 HTTP/1.1\r\nHost: x\r\nX-C1: a\u009bb\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request");
            for (int i = 0; i < 500 && !text.toString().contains("#1 completed"); i++) Thread.sleep(10);
            serving.bus().awaitDelivered(Duration.ofSeconds(5));
        }
        String console = text.toString();
        assertThat(console).contains("#1 completed", "an ESC byte (0x1b) at offset 1 of the request target '/\\x1b[2J\\x1b[31mPWNED\\x07'");
        assertThat(console).doesNotContain("\u001b", "\u0007", "\u009b");
        assertPrintable(console);
    }

    @Test
    void replayAndTraceTimelinesShowWhatAFileHoldsEscaped() throws Exception {
        Path session = dir.resolve("hostile" + RecordingFiles.EXTENSION);
        RecordingFiles.save(SampleRecordings.session(), session);
        String json = Files.readString(session, StandardCharsets.UTF_8);
        assertThat(json).contains("the client left before the answer", "/users/1\"");
        json = json.replace("the client left before the answer", "the client left \\u001b[2J\\u0007\\r\\nFAKE LINE\\u009b\\ud800")
                .replace("/users/1\"", "/users/\\u001b[31m1\"");
        Files.writeString(session, json, StandardCharsets.UTF_8);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ReplayCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute(session.toString())).isZero();
        String console = out.toString();
        assertThat(console).contains("the client left \\x1b[2J\\x07\\x0d\\x0aFAKE LINE\\x9b\\uD800", "/users/\\x1b[31m1");
        assertThat(console).doesNotContain("\u001b", "\u0007", "\u009b").doesNotContainPattern("\nFAKE LINE");
        assertPrintable(console);

        StringWriter timeline = new StringWriter();
        try (PrintWriter w = new PrintWriter(timeline)) {
            for (var x : RecordingFiles.open(session).exchanges()) Timeline.print(x, w);
        }
        assertThat(timeline.toString()).contains("\\x1b[31m").doesNotContain("\u001b");
        assertPrintable(timeline.toString());
    }
}
