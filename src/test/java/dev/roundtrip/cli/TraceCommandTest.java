package dev.roundtrip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TraceCommandTest {
    record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RoundtripCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonIsTheRecordingSchemaWithTheFiveStagesInOrder() throws Exception {
        Run r = run("trace", "GET", "/users/1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out()); // stdout is JSON and nothing else
        assertThat(root.get("format").asText()).isEqualTo("roundtrip-recording");
        assertThat(root.get("version").asInt()).isEqualTo(2);
        JsonNode x = root.get("exchanges").get(0);
        assertThat(x.get("response").get("status").asInt()).isEqualTo(200);
        List<String> begins = new ArrayList<>();
        long sendBytes = 0;
        boolean sql = false, kernel = false, memory = false, buffer = false;
        for (JsonNode e : x.get("events")) {
            assertThat(e.get("stage").asText()).isIn("connect", "send", "parse", "process", "respond", "interpret");
            assertThat(e.get("phase").asText()).isIn("begin", "progress", "end", "error");
            assertThat(e.get("actor").asText()).isIn("client", "client_kernel", "server_kernel", "server", "database");
            assertThat(e.get("tNanos").asLong()).isPositive();
            if (e.get("phase").asText().equals("begin")) begins.add(e.get("stage").asText());
            if (e.has("bytes")) {
                byte[] data = Base64.getDecoder().decode(e.get("bytes").get("base64").asText());
                assertThat(data.length).isEqualTo(e.get("bytes").get("count").asInt());
                if (e.get("stage").asText().equals("send")) sendBytes += data.length;
            }
            if (e.has("sql")) {
                sql = true;
                assertThat(e.get("sql").get("statement").asText()).startsWith("SELECT");
                assertThat(e.get("sql").get("rows").asInt()).isEqualTo(1);
                assertThat(e.get("sql").has("nanos")).isTrue();
            }
            if (e.has("kernel")) {
                kernel = true;
                assertThat(Set.of("rxQueue", "txQueue", "rcvBuf", "sndBuf")).allMatch(e.get("kernel")::has);
            }
            if (e.has("memory")) {
                memory = true;
                assertThat(Set.of("heapUsed", "allocatedBytes", "directUsed")).allMatch(e.get("memory")::has);
            }
            if (e.has("buffer")) {
                buffer = true;
                assertThat(Set.of("capacity", "readerIndex", "writerIndex")).allMatch(e.get("buffer")::has);
            }
        }
        assertThat(begins).containsExactly("connect", "send", "parse", "process", "respond", "interpret");
        assertThat(sendBytes).isGreaterThan(20);
        assertThat(sql && kernel && memory && buffer).isTrue();
    }

    @Test
    void theTimelineNamesEachStageWithItsDurationAndBytes() {
        Run r = run("trace", "POST", "/echo", "--body", "hello", "--header", "Content-Type: text/plain");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("POST /echo -> 200 OK", "Stages:", "bytes   ", "kernel  ", "memory  ");
        for (String s : List.of("send", "parse", "process", "respond", "interpret")) {
            assertThat(r.out()).containsPattern("(?m)^  " + s + " +\\d+(\\.\\d{1,2})? (ns|µs|ms|s)\\b");
        }
        assertThat(r.out()).contains("\\r\\n\\r\\nhello\"");
    }

    @Test
    void aWarmedUpTraceRecordsOnlyTheTracedExchange() throws Exception {
        Run r = run("trace", "GET", "/", "--warmup", "3", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("exchanges")).hasSize(1);
    }

    @Test
    void rawBytesAreSentWithTheirEscapesDecoded() {
        Run r = run("trace", "--raw", "GET / HTTP/9.9\\r\\nHost: x\\r\\n\\r\\n");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("-> 400 Bad Request", "unsupported protocol version HTTP/9.9");
    }

    @Test
    void badArgumentsSaySpecificallyWhatIsWrong() {
        Run missing = run("trace", "GET");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("trace needs METHOD and TARGET");
        Run header = run("trace", "GET", "/", "--header", "nocolon");
        assertThat(header.code()).isEqualTo(2);
        assertThat(header.err()).contains("--header expects NAME:VALUE, got 'nocolon'");
        Run escape = run("trace", "--raw", "GET \\q");
        assertThat(escape.err()).contains("unknown escape \\q");
    }

    @Test
    void stepHoldsAtEachGateAndEnterLetsItGo() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("\n\n\n\n\n".getBytes(StandardCharsets.UTF_8)));
            Run r = run("trace", "GET", "/", "--step");
            assertThat(r.code()).as(r.err()).isZero();
            for (String s : List.of("send", "parse", "process", "respond", "interpret")) assertThat(r.out()).contains("== held before " + s);
            assertThat(r.out()).contains("-> 200 OK");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void stepWithNoInputLetsEverythingGo() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(new byte[0]));
            Run r = run("trace", "GET", "/users", "--step", "--json");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("== held before send");
            assertThat(r.out().trim()).startsWith("{").endsWith("}");
        } finally {
            System.setIn(stdin);
        }
    }
}
