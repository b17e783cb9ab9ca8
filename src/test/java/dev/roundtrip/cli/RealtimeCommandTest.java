package dev.roundtrip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code roundtrip realtime}: the four ways compared, as a table and as JSON. */
class RealtimeCommandTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RoundtripCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonHasEveryWayWithFiguresThatAddUp() throws Exception {
        Run r = run("realtime", "--updates", "3", "--every", "20", "--poll-every", "60", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out()); // stdout is JSON and nothing else
        assertThat(root.get("format").asText()).isEqualTo("roundtrip-realtime");
        assertThat(root.get("updates").asInt()).isEqualTo(3);
        JsonNode ways = root.get("ways");
        assertThat(ways).extracting(w -> w.get("way").asText()).containsExactly("polling", "long-polling", "sse", "websocket");
        assertThat(ways.get(2).get("requests").asInt()).isEqualTo(1);
        assertThat(ways.get(3).get("requests").asInt()).isEqualTo(1);
        assertThat(ways.get(0).get("requests").asInt()).isGreaterThan(1);
        for (JsonNode w : ways) {
            assertThat(w.get("exchangeIds")).hasSize(w.get("requests").asInt());
            assertThat(w.get("maxDelayNanos").asLong()).isGreaterThanOrEqualTo(w.get("medianDelayNanos").asLong());
        }
        assertThat(r.err()).contains("The same 3 updates");
    }

    @Test
    void withTlsTheFourWaysTravelOverHttpsAndWssAndTheirBytesAreTheRecords() throws Exception {
        Run clear = run("realtime", "--updates", "2", "--every", "20", "--poll-every", "40", "--json");
        Run tls = run("realtime", "--updates", "2", "--every", "20", "--poll-every", "40", "--tls", "--json");
        assertThat(tls.code()).as(tls.err()).isZero();
        JsonNode c = new ObjectMapper().readTree(clear.out());
        JsonNode t = new ObjectMapper().readTree(tls.out());
        assertThat(c.get("tls").asBoolean()).isFalse();
        assertThat(t.get("tls").asBoolean()).isTrue();
        // one SSE request each time: over TLS its bytes on the wire are the handshake and the records, more than the plain text
        assertThat(t.get("ways").get(2).get("bytesDown").asLong()).isGreaterThan(c.get("ways").get(2).get("bytesDown").asLong());
    }

    @Test
    void theTableNamesEachWayAndABadOptionSaysWhatWasExpected() {
        Run r = run("realtime", "--updates", "2", "--every", "20", "--poll-every", "40");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("requests").contains("polling").contains("long polling").contains("SSE").contains("WebSocket");
        Run bad = run("realtime", "--every", "5000");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("--every must be 1 to 1000 ms");
    }
}
