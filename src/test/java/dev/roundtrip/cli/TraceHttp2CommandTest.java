package dev.roundtrip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roundtrip.record.HarExport;
import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.FrameReadout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace --http2 --parallel N}: N streams on one connection, their frames in the JSON, the recording format and HAR. */
class TraceHttp2CommandTest {
    record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RoundtripCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void threeStreamsOnOneConnectionWithTheirFramesInTheJsonWhichLoadsBackAndGoesToHar(@TempDir Path dir) throws Exception {
        Run r = run("trace", "--http2", "--parallel", "3", "GET", "/users/1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode xs = root.get("exchanges");
        assertThat(xs).hasSize(3);
        Set<Long> connections = new HashSet<>();
        Set<Integer> streams = new HashSet<>();
        for (JsonNode x : xs) {
            connections.add(x.get("connectionId").asLong());
            assertThat(x.get("response").get("status").asInt()).isEqualTo(200);
            for (JsonNode e : x.get("events")) {
                if (!e.has("frame")) continue;
                JsonNode f = e.get("frame");
                assertThat(f.get("type").asText()).isIn("SETTINGS", "HEADERS", "DATA", "WINDOW_UPDATE", "PING", "RST_STREAM", "GOAWAY");
                assertThat(f.has("streamId") && f.has("length") && f.has("flags")).isTrue();
                if (f.get("type").asText().equals("HEADERS") && e.get("stage").asText().equals("send")) {
                    streams.add(f.get("streamId").asInt());
                    assertThat(f.get("headerBlock").asInt()).isPositive();
                    assertThat(f.get("headers").get(0).get("name").asText()).isEqualTo(":method");
                }
            }
        }
        assertThat(connections).hasSize(1);
        assertThat(streams).hasSize(3);

        Path file = dir.resolve("h2.roundtrip.json");
        Files.writeString(file, r.out(), StandardCharsets.UTF_8);
        Recording back = RecordingFiles.open(file);
        Exchange first = back.exchanges().get(0);
        FrameReadout headers = first.events().stream().map(e -> e.frame()).filter(f -> f != null && f.type().equals("HEADERS"))
                .findFirst().orElseThrow();
        assertThat(headers.headers()).isNotEmpty();
        assertThat(headers.headerBlock()).isPositive();

        JsonNode har = new ObjectMapper().readTree(HarExport.toBytes(back));
        JsonNode entry = har.get("log").get("entries").get(0);
        assertThat(entry.get("request").get("httpVersion").asText()).isEqualTo("HTTP/2");
        assertThat(entry.get("_roundtrip").toString()).contains("\"frame\"").contains("\"headerBlock\"");
    }

    @Test
    void parallelWithoutHttp2SaysWhatIsMissing() {
        Run r = run("trace", "--parallel", "3", "GET", "/");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("--http2");
        Run raw = run("trace", "--http2", "--raw", "GET / HTTP/1.1\\r\\n\\r\\n");
        assertThat(raw.code()).isNotZero();
        assertThat(raw.err()).contains("--raw");
    }

    @Test
    void theTimelineShowsEachStreamsFrames() {
        Run r = run("trace", "--http2", "GET", "/");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("frame sent: HEADERS on stream").contains("bytes of HPACK for").contains("Hello, world!");
    }
}
