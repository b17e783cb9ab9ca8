package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Peer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imported exchanges say where they went: the HAR's host and address, "loopback" only when it was. */
class HarPeerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static final String INTERNET = "{\"log\": {\"entries\": [{\"startedDateTime\": \"2026-01-01T00:00:00Z\", \"time\": 12,\n"
            + " \"request\": {\"method\": \"GET\", \"url\": \"https://example.com/index.html\", \"headers\": []},\n"
            + " \"response\": {\"status\": 200, \"statusText\": \"OK\", \"headers\": [], \"content\": {\"size\": 2, \"text\": \"hi\"}},\n"
            + " \"serverIPAddress\": \"93.184.216.34\"}]}}";

    @Test
    void trafficFromTheInternetIsNotCalledLoopback() throws Exception {
        Recording r = HarImport.read(INTERNET.getBytes(StandardCharsets.UTF_8), "web.har");
        Exchange x = r.exchanges().get(0);
        assertThat(x.peer()).contains(new Peer("example.com", "93.184.216.34"));

        String mermaid = MermaidDiagram.of(r);
        String plantUml = PlantUmlDiagram.of(r);
        assertThat(mermaid).contains("request over the network to example.com (93.184.216.34)")
                .contains("response from example.com (93.184.216.34)").doesNotContain("loopback");
        assertThat(plantUml).contains("request over the network to example.com (93.184.216.34)").doesNotContain("loopback");
    }

    @Test
    void wherePeerTrafficWasOnLoopbackItSaysSo() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/har/chrome-style.har")) {
            Recording r = HarImport.read(in.readAllBytes(), "chrome.har");
            assertThat(r.exchanges().get(0).peer()).contains(new Peer("127.0.0.1:8080", "127.0.0.1"));
            assertThat(MermaidDiagram.of(r)).contains("request over loopback to 127.0.0.1:8080");
        }
    }

    @Test
    void thePeerSurvivesSavingAndExportingAgain() throws Exception {
        Recording r = HarImport.read(INTERNET.getBytes(StandardCharsets.UTF_8), "web.har");
        Path file = dir.resolve("web" + RecordingFiles.EXTENSION);
        RecordingFiles.save(r, file);
        assertThat(RecordingFiles.open(file).exchanges().get(0).peer()).contains(new Peer("example.com", "93.184.216.34"));

        JsonNode entry = JSON.readTree(HarExport.toBytes(r)).get("log").get("entries").get(0);
        assertThat(entry.get("serverIPAddress").asText()).isEqualTo("93.184.216.34");
        assertThat(HarImport.read(HarExport.toBytes(r), "again.har").exchanges().get(0).peer()).contains(new Peer("example.com", "93.184.216.34"));
    }

    @Test
    void liveExchangesHaveNoPeerAndStayOnLoopback() {
        Recording r = SampleRecordings.session();
        assertThat(r.exchanges()).allSatisfy(x -> assertThat(x.peer()).isEmpty());
        assertThat(MermaidDiagram.of(r)).contains("over loopback").doesNotContain("over the network");
    }

    @Test
    void describeAndLoopback() {
        assertThat(new Peer("example.com", "").describe()).isEqualTo("example.com");
        assertThat(new Peer("", "").describe()).isEqualTo("an unknown server");
        assertThat(new Peer("[::1]:8080", "::1").isLoopback()).isTrue();
        assertThat(new Peer("localhost:3000", "").isLoopback()).isTrue();
        assertThat(new Peer("example.com", "93.184.216.34").isLoopback()).isFalse();
    }
}
