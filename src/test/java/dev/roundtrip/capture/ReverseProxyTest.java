package dev.roundtrip.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.HarExport;
import dev.roundtrip.record.MermaidDiagram;
import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingJson;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.UpstreamHop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Roundtrip in front of a real server: both hops traced as one exchange, recorded like any other. */
class ReverseProxyTest {
    private Upstream upstream;
    private CaptureProxy proxy;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        upstream = new Upstream();
        proxy = CaptureProxy.start(CaptureOptions.reverse(0, Target.parse(upstream.url())));
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.close();
    }

    private URI at(String path) {
        return URI.create("http://127.0.0.1:" + proxy.port() + path);
    }

    @Test
    void aGetCrossesBothHopsAndIsOneExchangeWithTheStagesOfBoth() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(at("/hello")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hello from the foreign server, /hello");
        Exchange x = Waits.ended(proxy.recording(), 1).get(0);
        assertThat(proxy.recording().exchanges()).hasSize(1); // the JVM's warm-up left nothing here
        assertThat(x.id()).isEqualTo(1);
        assertThat(x.request().summary()).isEqualTo("GET /hello");
        assertThat(x.response().orElseThrow().status()).isEqualTo(200);
        List<String> order = x.events().stream().filter(e -> e.phase() != Phase.PROGRESS)
                .map(e -> e.stage().wireName() + " " + e.phase().wireName() + " " + e.actor().wireName()).toList();
        assertThat(order).containsExactly(
                "parse begin server", "parse end server",
                "send begin client", "send end client",
                "process begin foreign_server", "process end foreign_server",
                "interpret begin client", "respond begin server", "interpret end client", "respond end server");
        assertThat(x.events()).filteredOn(e -> e.stage() == Stage.PROCESS && e.phase() == Phase.END).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("measured from outside: ").contains("last request byte written to the first response byte read"));
        // the upstream leg has a connection of its own
        assertThat(x.events()).filteredOn(e -> e.stage() == Stage.SEND).allMatch(e -> e.connectionId() != x.connectionId());
        assertThat(x.events()).filteredOn(e -> e.stage() == Stage.PARSE).allMatch(e -> e.connectionId() == x.connectionId());
        assertThat(x.events()).filteredOn(e -> e.phase() == Phase.PROGRESS && e.stage() != Stage.PROCESS)
                .allSatisfy(e -> assertThat(e.bytes()).isNotNull())
                .extracting(e -> e.stage()).contains(Stage.PARSE, Stage.SEND, Stage.INTERPRET, Stage.RESPOND);
        UpstreamHop hop = x.upstream().orElseThrow();
        assertThat(hop.server().address()).isEqualTo("127.0.0.1");
        assertThat(hop.response().status()).isEqualTo(200);
        assertThat(hop.request().target()).isEqualTo("/hello");
    }

    @Test
    void hopByHopFieldsStopAtTheProxyAndViaSaysItWasThere() throws Exception {
        Raw.Answer a = Raw.send(proxy.port(), "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: X-Client-Private, close\r\n"
                + "X-Client-Private: secret\r\nKeep-Alive: 300\r\nProxy-Authorization: Basic abc\r\nTE: trailers\r\nUpgrade: h2c\r\n"
                + "X-End-To-End: kept\r\n\r\n");

        assertThat(a.head()).startsWith("HTTP/1.1 200 OK").containsIgnoringCase("\r\nVia: 1.1 roundtrip")
                .doesNotContainIgnoringCase("X-Server-Private").doesNotContainIgnoringCase("Keep-Alive")
                .containsIgnoringCase("\r\nconnection: close");
        assertThat(a.body()).isEqualTo("hello from the foreign server, /hello");
        java.util.Set<String> got = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        got.addAll(upstream.lastHeaders.keySet());
        assertThat(got).contains("Via", "X-End-To-End", "Host")
                .doesNotContain("X-Client-Private", "Keep-Alive", "Proxy-Authorization", "TE", "Upgrade");
        assertThat(upstream.lastHeaders.get("Via")).containsExactly("1.1 roundtrip");
        Exchange x = Waits.ended(proxy.recording(), 1).get(0);
        assertThat(x.upstream().orElseThrow().request().headers()).extracting(Header::name).doesNotContain("X-Client-Private");
        assertThat(x.request().headers()).extracting(Header::name).contains("X-Client-Private"); // as the client sent it
        assertThat(x.events()).filteredOn(e -> e.stage() == Stage.SEND && e.phase() == Phase.BEGIN).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("hop-by-hop fields removed: ").contains("X-Client-Private"));
    }

    @Test
    void aChunkedUploadIsForwardedChunkedAndEchoed() throws Exception {
        Raw.Answer a = Raw.send(proxy.port(), "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");

        assertThat(a.head()).startsWith("HTTP/1.1 200 OK");
        assertThat(a.body()).isEqualTo("hello world");
        Exchange x = Waits.ended(proxy.recording(), 1).get(0);
        assertThat(new String(x.request().body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(x.upstream().orElseThrow().request().headers()).contains(new Header("transfer-encoding", "chunked"));
        assertThat(new String(x.response().orElseThrow().body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
    }

    @Test
    void oneKeptAliveConnectionCarriesTwoExchanges() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(http.send(HttpRequest.newBuilder(at("/n" + i)).build(), HttpResponse.BodyHandlers.ofString()).body()).endsWith("/n" + i);
        }
        List<Exchange> xs = Waits.ended(proxy.recording(), 2);
        assertThat(xs.get(0).connectionId()).isEqualTo(xs.get(1).connectionId());
        assertThat(xs).extracting(x -> x.request().target()).containsExactly("/n0", "/n1");
        assertThat(upstream.requests.get()).isEqualTo(2);
    }

    @Test
    void aCapturedRecordingIsSavedReadAndExportedWithBothHops() throws Exception {
        http.send(HttpRequest.newBuilder(at("/hello")).build(), HttpResponse.BodyHandlers.ofString());
        Waits.ended(proxy.recording(), 1);
        Recording r = proxy.recording();

        Recording back = RecordingJson.read(RecordingJson.toBytes(r), "captured.roundtrip.json");
        Exchange x = back.exchanges().get(0);
        assertThat(x.upstream()).isEqualTo(r.exchanges().get(0).upstream());
        assertThat(x.events()).isEqualTo(r.exchanges().get(0).events());

        String har = new String(HarExport.toBytes(r), StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.JsonNode entries = new com.fasterxml.jackson.databind.ObjectMapper().readTree(har).get("log").get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("request").get("url").asText()).isEqualTo("http://127.0.0.1:" + proxy.port() + "/hello");
        assertThat(entries.get(1).get("request").get("url").asText()).isEqualTo("http://127.0.0.1:" + upstream.port() + "/hello");
        assertThat(entries.get(1).get("request").get("headers").toString()).contains("Via");
        assertThat(entries.get(1).get(HarExport.UPSTREAM_HOP).asLong()).isEqualTo(x.id());
        Recording imported = dev.roundtrip.record.HarImport.read(HarExport.toBytes(r), "captured.har");
        assertThat(imported.exchanges()).hasSize(1);
        assertThat(imported.exchanges().get(0).upstream()).isEqualTo(x.upstream());

        String mermaid = MermaidDiagram.of(r);
        assertThat(mermaid).contains("participant FC as Foreign client", "participant FS as Foreign server",
                "FC->>SK: GET /hello", "CK->>FS:", "measured from outside");
        assertThat(mermaid.indexOf("participant FC")).isLessThan(mermaid.indexOf("participant SK"));
    }
}
