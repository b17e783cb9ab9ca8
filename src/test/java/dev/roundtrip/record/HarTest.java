package dev.roundtrip.record;

import static dev.roundtrip.record.SampleRecordings.assertSameRecording;
import static dev.roundtrip.record.TextPlaces.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode exported(Recording r) throws Exception {
        return JSON.readTree(HarExport.toBytes(r));
    }

    private static void assertHasFields(JsonNode node, String where, String... fields) {
        for (String f : fields) assertThat(node.has(f)).as("%s.%s is required by HAR 1.2", where, f).isTrue();
    }

    @Test
    void everyEntryHasEveryFieldHar12RequiresAndTimeIsTheSumOfTimings() throws Exception {
        Recording r = SampleRecordings.session();
        JsonNode log = exported(r).get("log");

        assertThat(log.get("version").asText()).isEqualTo("1.2");
        assertHasFields(log.get("creator"), "log.creator", "name", "version");
        JsonNode entries = log.get("entries");
        assertThat(entries).hasSize(r.exchanges().size());
        for (JsonNode e : entries) {
            assertHasFields(e, "entry", "startedDateTime", "time", "request", "response", "cache", "timings");
            assertHasFields(e.get("request"), "request", "method", "url", "httpVersion", "cookies", "headers", "queryString", "headersSize", "bodySize");
            assertHasFields(e.get("response"), "response", "status", "statusText", "httpVersion", "cookies", "headers", "content", "redirectURL", "headersSize", "bodySize");
            assertHasFields(e.get("response").get("content"), "content", "size", "mimeType");
            JsonNode t = e.get("timings");
            assertHasFields(t, "timings", "send", "wait", "receive");
            for (String phase : List.of("blocked", "dns", "connect", "ssl")) assertThat(t.get(phase).asInt()).isEqualTo(-1);
            BigDecimal sum = BigDecimal.ZERO;
            for (String phase : List.of("blocked", "dns", "connect", "ssl", "send", "wait", "receive")) {
                BigDecimal v = t.get(phase).decimalValue();
                if (v.signum() >= 0) sum = sum.add(v);
            }
            for (String phase : List.of("send", "wait", "receive")) assertThat(t.get(phase).decimalValue().signum()).isGreaterThanOrEqualTo(0);
            assertThat(e.get("time").decimalValue()).isEqualByComparingTo(sum);
            Instant.parse(e.get("startedDateTime").asText()); // ISO 8601
            assertThat(e.get("request").get("url").asText()).startsWith("http");
        }
    }

    @Test
    void timingsComeFromTheStages() throws Exception {
        Recording r = SampleRecordings.session();
        Exchange users = r.exchanges().get(0);
        JsonNode e = exported(r).get("log").get("entries").get(0);
        JsonNode t = e.get("timings");

        long sendBegin = at(users, Stage.SEND, Phase.BEGIN);
        long sendEnd = at(users, Stage.SEND, Phase.END);
        long interpretBegin = at(users, Stage.INTERPRET, Phase.BEGIN);
        long interpretEnd = at(users, Stage.INTERPRET, Phase.END);
        assertThat(t.get("send").asDouble()).isCloseTo((sendEnd - sendBegin) / 1e6, within(0.0005));
        assertThat(t.get("wait").asDouble()).isCloseTo((interpretBegin - sendEnd) / 1e6, within(0.0005));
        assertThat(t.get("receive").asDouble()).isCloseTo((interpretEnd - interpretBegin) / 1e6, within(0.0005));

        Instant started = r.startedAt().plusNanos(users.startedNanos()).truncatedTo(ChronoUnit.MILLIS);
        assertThat(Instant.parse(e.get("startedDateTime").asText())).isEqualTo(started);
        assertThat(e.get("request").get("url").asText()).isEqualTo("http://127.0.0.1:43117/users/1");
        assertThat(e.get("response").get("status").asInt()).isEqualTo(200);
        assertThat(e.get("response").get("content").get("text").asText()).isEqualTo("{\"id\":1,\"name\":\"Ada Lovelace\"}");
        assertThat(e.get("response").get("content").get("mimeType").asText()).isEqualTo("application/json");
        assertThat(e.get("request").get("headersSize").asLong())
                .isEqualTo("GET /users/1 HTTP/1.1\r\nHost: 127.0.0.1:43117\r\nUser-Agent: roundtrip\r\n\r\n".length());
    }

    private static long at(Exchange x, Stage s, Phase p) {
        return x.events().stream().filter(e -> e.stage() == s && e.phase() == p).findFirst().orElseThrow().tNanos();
    }

    @Test
    void binaryBodiesAreBase64AndCookiesAndQueriesAreListed() throws Exception {
        Recording r = SampleRecordings.session();
        JsonNode entries = exported(r).get("log").get("entries");
        JsonNode echo = entries.get(2);
        byte[] body = r.exchanges().get(2).request().body();

        JsonNode post = echo.get("request").get("postData");
        assertThat(post.get("mimeType").asText()).isEqualTo("application/octet-stream");
        assertThat(post.get("encoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(post.get("text").asText())).isEqualTo(body);
        JsonNode content = echo.get("response").get("content");
        assertThat(content.get("encoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(content.get("text").asText())).isEqualTo(body);
        assertThat(content.get("size").asInt()).isEqualTo(body.length);
        assertThat(echo.get("request").get("cookies").findValuesAsText("name")).containsExactly("session", "theme");
        assertThat(echo.get("response").get("cookies").findValuesAsText("name")).containsExactly("seen");

        JsonNode slow = entries.get(3);
        assertThat(slow.get("request").get("queryString").get(0).get("name").asText()).isEqualTo("ms");
        assertThat(slow.get("request").get("queryString").get(0).get("value").asText()).isEqualTo("5000");
    }

    @Test
    void anExchangeWithoutResponseIsStatusZeroWithTheReason() throws Exception {
        JsonNode cancelled = exported(SampleRecordings.session()).get("log").get("entries").get(3);
        assertThat(cancelled.get("response").get("status").asInt()).isZero();
        assertThat(cancelled.get("response").get("_error").asText()).startsWith("cancelled");
        assertThat(cancelled.get("comment").asText()).isEqualTo("the client left before the answer");
        // Waited from the end of SEND until the client left (1 s after the exchange started).
        assertThat(cancelled.get("timings").get("wait").asDouble()).isCloseTo(1000 - 0.002, within(0.001));
    }

    @Test
    void ourHarReimportsLosslessly() throws Exception {
        Recording original = SampleRecordings.session();
        Recording back = HarImport.read(HarExport.toBytes(original), "session.har");
        assertSameRecording(back, original);
        assertThat(RecordingJson.toBytes(back)).isEqualTo(RecordingJson.toBytes(original));
    }

    private Recording importResource(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/har/" + name)) {
            return HarImport.read(in.readAllBytes(), name);
        }
    }

    @Test
    void aChromeStyleHarImportsWithItsTimingPhasesAndNoInventedReadouts() throws Exception {
        Recording r = importResource("chrome-style.har");

        assertThat(r.exchanges()).hasSize(3);
        assertThat(r.startedAt()).isEqualTo(Instant.parse("2026-03-02T14:05:11.401Z"));
        Exchange users = r.exchanges().get(0);
        assertThat(users.request().method()).isEqualTo("GET");
        assertThat(users.request().target()).isEqualTo("/users/1?fields=name&lang=en");
        assertThat(users.request().headers()).hasSize(6);
        assertThat(users.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(users.response().orElseThrow().status()).isEqualTo(200);
        assertThat(new String(users.response().orElseThrow().body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1,\"name\":\"Ada Lovelace\"}");
        assertThat(users.events()).extracting(StageEvent::stage, StageEvent::phase).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Stage.SEND, Phase.BEGIN), org.assertj.core.groups.Tuple.tuple(Stage.SEND, Phase.END),
                org.assertj.core.groups.Tuple.tuple(Stage.INTERPRET, Phase.BEGIN), org.assertj.core.groups.Tuple.tuple(Stage.INTERPRET, Phase.END));
        List<StageEvent> ev = users.events();
        assertThat(ev.get(0).tNanos()).isEqualTo(Math.round(1.9689999999999568 * 1e6)); // after "blocked"
        assertThat(ev.get(1).tNanos() - ev.get(0).tNanos()).isEqualTo(Math.round(0.11300000000000001 * 1e6));
        assertThat(ev.get(2).tNanos() - ev.get(1).tNanos()).isEqualTo(Math.round(3.6519999999999935 * 1e6));
        assertThat(ev.get(3).tNanos() - ev.get(2).tNanos()).isEqualTo(Math.round(0.7430000000000518 * 1e6));
        assertThat(ev).allSatisfy(e -> {
            assertThat(e.bytes()).isNull();
            assertThat(e.buffer()).isNull();
            assertThat(e.kernel()).isNull();
            assertThat(e.memory()).isNull();
            assertThat(e.sql()).isNull();
        });

        Exchange logo = r.exchanges().get(1);
        assertThat(logo.response().orElseThrow().body()).isEqualTo(Base64.getDecoder().decode("iVBORw0KGgo="));
        assertThat(logo.connectionId()).isEqualTo(users.connectionId());

        Exchange aborted = r.exchanges().get(2);
        assertThat(aborted.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(aborted.response()).isEmpty();
        assertThat(new String(aborted.request().body(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":true}");
        assertThat(aborted.connectionId()).isNotEqualTo(users.connectionId());
        assertThat(aborted.events()).noneMatch(e -> e.stage() == Stage.INTERPRET);
        assertThat(r.exchanges()).extracting(Exchange::id).doesNotHaveDuplicates();
    }

    @Test
    void aFirefoxStyleHarWithOffsetsAndMissingBodiesImports() throws Exception {
        Recording r = importResource("firefox-style.har");

        assertThat(r.startedAt()).isEqualTo(Instant.parse("2026-03-02T14:05:11.100Z"));
        Exchange notFound = r.exchanges().get(0);
        assertThat(notFound.startedNanos()).isEqualTo(Duration.ofMillis(20).toNanos());
        assertThat(notFound.request().target()).isEqualTo("/nope");
        assertThat(notFound.response().orElseThrow().status()).isEqualTo(404);
        assertThat(notFound.response().orElseThrow().body()).isEqualTo("Not found\n".getBytes(StandardCharsets.UTF_8));

        Exchange failed = r.exchanges().get(1);
        assertThat(failed.request().method()).isEqualTo("PUT");
        assertThat(failed.request().body()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(failed.response().orElseThrow().status()).isEqualTo(500);
        assertThat(failed.response().orElseThrow().body()).isEmpty();
        assertThat(failed.end().orElseThrow().detail()).contains("the HAR did not keep the body");
        assertThat(failed.events().get(0).tNanos() - failed.startedNanos()).isEqualTo(Duration.ofMillis(1).toNanos()); // connect
    }

    @Test
    void otherToolsQuirksImport() throws Exception {
        Recording r = importResource("safari-and-tools-style.har");

        assertThat(r.startedAt()).isEqualTo(Instant.parse("2026-03-02T14:05:11.000Z"));
        Exchange login = r.exchanges().get(0);
        assertThat(login.startedNanos()).isEqualTo(Duration.ofMillis(250).toNanos()); // +0100 offset without colon
        assertThat(new String(login.request().body(), StandardCharsets.UTF_8)).isEqualTo("user=ada&pass=a+b");
        assertThat(login.request().headers()).contains(new dev.roundtrip.trace.Header("Content-Length", "17"));
        assertThat(login.response().orElseThrow().status()).isEqualTo(302);
        assertThat(login.connectionId()).isEqualTo(1);
        assertThat(login.events().get(0).tNanos() - login.startedNanos()).isEqualTo(Duration.ofNanos(500_000).toNanos());

        Exchange slow = r.exchanges().get(1);
        assertThat(slow.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(slow.connectionId()).as("no connection given").isZero();
        // Without timings only the total is known: it is all "wait", and the client gave up after it.
        assertThat(slow.end().orElseThrow().tNanos() - slow.startedNanos()).isEqualTo(Duration.ofMillis(30).toNanos());
    }

    @Test
    void anImportedHarRoundTripsThroughOurOwnFormat() throws Exception {
        Recording r = importResource("chrome-style.har");
        Path file = dir.resolve("imported" + RecordingFiles.EXTENSION);
        RecordingFiles.save(r, file);
        assertSameRecording(RecordingFiles.open(file), r);
    }

    private RecordingFormatException importFails(String name, String har) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, har);
        RecordingFormatException e = catchThrowableOfType(RecordingFormatException.class,
                () -> RecordingFiles.openHar(f, RecordingFiles.DEFAULT_MAX_BYTES));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(f.toString());
        return e;
    }

    @Test
    void aHarWithoutLogSaysSo() throws Exception {
        assertThat(importFails("nolog.har", "{\n  \"entries\": []\n}").getMessage())
                .endsWith(":1:1: log: expected the HAR \"log\" object, found nothing (the field is missing)");
    }

    @Test
    void anEntryWithoutRequestNamesTheEntryAndLine() throws Exception {
        String har = "{\"log\": {\"version\": \"1.2\", \"entries\": [\n"
                + "  {\"startedDateTime\": \"2026-01-01T00:00:00Z\", \"request\": {\"method\": \"GET\", \"url\": \"http://a/\"}, \"response\": {\"status\": 200}},\n"
                + "  {\"startedDateTime\": \"2026-01-01T00:00:01Z\", \"response\": {\"status\": 200}}\n"
                + "]}}";
        assertThat(importFails("noreq.har", har).getMessage())
                .endsWith(":3:3: log.entries[1].request: expected the HAR \"request\" object, found nothing (the field is missing)");
    }

    @Test
    void missingUrlStatusAndBadDatesAreNamed() throws Exception {
        String noUrl = "{\"log\": {\"entries\": [{\"startedDateTime\": \"2026-01-01T00:00:00Z\", \"request\": {\"method\": \"GET\"}, \"response\": {\"status\": 200}}]}}";
        assertThat(importFails("nourl.har", noUrl).getMessage()).endsWith("log.entries[0].request.url: expected a string, found nothing (the field is missing)");
        String noStatus = "{\"log\": {\"entries\": [{\"startedDateTime\": \"2026-01-01T00:00:00Z\", \"request\": {\"method\": \"GET\", \"url\": \"http://a/\"}, \"response\": {}}]}}";
        assertThat(importFails("nostatus.har", noStatus).getMessage()).endsWith("log.entries[0].response.status: expected an integer, found nothing (the field is missing)");
        String badDate = "{\"log\": {\"entries\": [{\"startedDateTime\": \"yesterday\", \"request\": {\"method\": \"GET\", \"url\": \"http://a/\"}, \"response\": {\"status\": 200}}]}}";
        assertThat(importFails("date.har", badDate).getMessage()).endsWith("log.entries[0].startedDateTime: expected an ISO 8601 date and time like 2024-05-01T10:15:30.123Z, found \"yesterday\"");
        assertThat(importFails("noentries.har", "{\"log\": {\"version\": \"1.2\"}}").getMessage()).endsWith("log.entries: expected an array, found nothing (the field is missing)");
    }

    @Test
    void aHarFromANewerRoundtripAsksForAnUpdate() throws Exception {
        String har = new String(HarExport.toBytes(SampleRecordings.session()), StandardCharsets.UTF_8)
                .replace("\"format\" : \"roundtrip-recording\",\n      \"version\" : 2", "\"format\" : \"roundtrip-recording\",\n      \"version\" : 3");
        assertThat(importFails("newer.har", har).getMessage()).contains("log._roundtrip.version: this HAR carries Roundtrip data of version 3");
    }

    @Test
    void aTruncatedHarSaysSo() throws Exception {
        String har = new String(HarExport.toBytes(SampleRecordings.session()), StandardCharsets.UTF_8);
        assertThat(importFails("cut.har", har.substring(0, har.length() / 2)).getMessage()).contains("the file ends too early (truncated?)");
    }

    @Test
    void errorsInOurOwnExportAreLocatedInTheHar() throws Exception {
        String har = new String(HarExport.toBytes(SampleRecordings.session()), StandardCharsets.UTF_8);
        int ours = har.indexOf("\"_roundtrip\" : {\n        \"id\"");
        String before = har.substring(0, ours);
        String roundtrip = har.substring(ours);

        String typo = before + replaceOnce(roundtrip, "\"stage\" : \"send\"", "\"stage\" : \"sned\"");
        assertThat(importFails("typo.har", typo).getMessage()).endsWith(":" + TextPlaces.at(typo, "\"sned\"")
                + ": log.entries[0]._roundtrip.events[0].stage: expected one of connect|handshake|send|parse|process|respond|interpret, found \"sned\"");

        String noMethod = before + replaceOnce(roundtrip, "\"method\" : \"GET\",\n          ", "");
        assertThat(importFails("nomethod.har", noMethod).getMessage()).endsWith(":" + TextPlaces.at(noMethod, "{\n          \"target\" : \"/users/1\"")
                + ": log.entries[0]._roundtrip.request.method: expected a string, found nothing (the field is missing)");

        String size = before + replaceOnce(roundtrip, "\"size\" : 30,", "\"size\" : 31,");
        assertThat(importFails("size.har", size).getMessage()).endsWith(":" + TextPlaces.at(size, "31,")
                + ": log.entries[0]._roundtrip.response.body.size: expected 30 (the length of base64), found 31");
    }

    @Test
    void errorsInAForeignHarAreLocatedAtTheirToken() throws Exception {
        String status = "{\"log\": {\"entries\": [\n  {\"startedDateTime\": \"2026-01-01T00:00:00Z\", \"request\": {\"method\": \"GET\", \"url\": \"http://a/\"},\n"
                + "   \"response\": {\"status\": \"OK\"}}\n]}}";
        assertThat(importFails("status.har", status).getMessage()).endsWith(":3:27: log.entries[0].response.status: expected an integer, found \"OK\"");

        assertThat(importFails("twice.har", "{\"log\": {\"version\": \"1.2\", \"version\": \"1.2\", \"entries\": []}}").getMessage())
                .endsWith(":1:28: log.version: the field appears twice");
        assertThat(importFails("more.har", "{\"log\": {\"entries\": []}}\n[]").getMessage())
                .endsWith(":2:1: unexpected content after the end of the JSON document");
        assertThat(importFails("cut.har", "{\"log\": {\"entries\": [{\"startedDateTime\": \"2026-01-01T00:00:00Z\", \"request\": {\"method\": \"GET\"").getMessage())
                .endsWith(": the file ends too early (truncated?): log.entries[0].request is not closed");
    }

    @Test
    void openRecognisesAHarByItsContentAndReportsItsErrorsAsAHars() throws Exception {
        Path f = dir.resolve("no-extension");
        Files.writeString(f, "{\"log\": {\"entries\": [{\"startedDateTime\": \"2026-01-01T00:00:00Z\", \"request\": {\"method\": \"GET\"}, \"response\": {\"status\": 200}}]}}");
        RecordingFormatException e = catchThrowableOfType(RecordingFormatException.class, () -> RecordingFiles.open(f));
        assertThat(e.getMessage()).isEqualTo(f + ":1:77: log.entries[0].request.url: expected a string, found nothing (the field is missing)");
    }
}
