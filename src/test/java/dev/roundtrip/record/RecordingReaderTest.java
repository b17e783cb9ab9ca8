package dev.roundtrip.record;

import static dev.roundtrip.record.SampleRecordings.assertSameRecording;
import static dev.roundtrip.record.TextPlaces.at;
import static dev.roundtrip.record.TextPlaces.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.StageEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one recording reader: what it builds, and where and what it says when it cannot. */
class RecordingReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small valid recording whose lines and columns the tests below point into. */
    private static final String VALID = String.join("\n",
            "{\"format\": \"roundtrip-recording\", \"version\": 1, \"startedAt\": \"2026-11-24T09:15:30Z\",",
            "\"exchanges\": [",
            "  {\"id\": 1, \"connectionId\": 4, \"startedNanos\": 0, \"outcome\": \"completed\", \"endedNanos\": 900, \"detail\": \"200 OK\",",
            "   \"request\": {\"method\": \"GET\", \"target\": \"/\", \"headers\": [{\"name\": \"Host\", \"value\": \"a\"}]},",
            "   \"response\": {\"status\": 200, \"reason\": \"OK\", \"headers\": [], \"body\": {\"size\": 2, \"base64\": \"aGk=\"}},",
            "   \"events\": [",
            "     {\"stage\": \"send\", \"phase\": \"begin\", \"actor\": \"client\", \"tNanos\": 10, \"connectionId\": 4},",
            "     {\"stage\": \"send\", \"phase\": \"progress\", \"actor\": \"client_kernel\", \"tNanos\": 20, \"connectionId\": 4,",
            "      \"bytes\": {\"count\": 2, \"base64\": \"aGk=\"}}",
            "   ],",
            "   \"gates\": []}",
            "]}");

    private static Recording read(String json) throws RecordingFormatException {
        return RecordingJson.read(json.getBytes(StandardCharsets.UTF_8), "t.json");
    }

    private static RecordingFormatException fails(String json) {
        RecordingFormatException e = catchThrowableOfType(RecordingFormatException.class, () -> read(json));
        assertThat(e).as("reading must fail:%n%s", json).isNotNull();
        return e;
    }

    @Test
    void theSmallRecordingReadsAsWritten() throws Exception {
        Recording r = read(VALID);
        assertThat(r.exchanges()).hasSize(1);
        Exchange x = r.exchanges().get(0);
        assertThat(x.connectionId()).isEqualTo(4);
        assertThat(x.request().headers()).extracting(h -> h.name() + "=" + h.value()).containsExactly("Host=a");
        assertThat(x.response().orElseThrow().body()).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        assertThat(x.events()).extracting(StageEvent::tNanos).containsExactly(10L, 20L);
        assertThat(x.events().get(1).bytes().data()).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        assertThat(x.events()).allSatisfy(e -> assertThat(e.exchangeId()).isEqualTo(1));
    }

    @Test
    void aRichRecordingRoundTripsExactly() throws Exception {
        Recording original = SampleRecordings.session();
        byte[] written = RecordingJson.toBytes(original);

        Recording back = RecordingJson.read(written, "session.roundtrip.json");

        assertSameRecording(back, original);
        assertThat(back.dropped()).isEqualTo(3);
        assertThat(back.exchanges()).flatExtracting(Exchange::gateEvents).extracting(GateEvent::kind).isNotEmpty();
        assertThat(RecordingJson.toBytes(back)).isEqualTo(written);
    }

    @Test
    void fieldsInAnyOrderAndUnknownFieldsReadTheSame() throws Exception {
        // Every object's fields reversed: "exchanges" before "format", "events" before an exchange's "id".
        Recording original = SampleRecordings.session();
        JsonNode reversed = reverse(JSON.readTree(RecordingJson.toBytes(original)));
        ((ObjectNode) reversed).put("comment", "written by hand");
        ((ObjectNode) reversed.get("exchanges").get(0)).putObject("_tool").put("x", 1);
        String text = JSON.writeValueAsString(reversed);
        assertThat(text).startsWith("{\"exchanges\"");

        Recording back = read(text);

        assertSameRecording(back, original);
        assertThat(back.exchanges().get(0).events()).allSatisfy(e -> assertThat(e.exchangeId()).isEqualTo(1));
    }

    private static JsonNode reverse(JsonNode n) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) names.add(it.next());
            Collections.reverse(names);
            ObjectNode out = JSON.createObjectNode();
            for (String name : names) out.set(name, reverse(n.get(name)));
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode e : n) out.add(reverse(e));
            return out;
        }
        return n;
    }

    @Test
    void aWrongValueIsReportedAtItsTokenWithPathExpectedAndFound() {
        String bad = replaceOnce(VALID, "\"stage\": \"send\"", "\"stage\": \"sned\"");
        assertThat(fails(bad).getMessage()).isEqualTo("t.json:7:16: exchanges[0].events[0].stage: "
                + "expected one of connect|handshake|send|parse|process|respond|interpret, found \"sned\"");

        String type = replaceOnce(VALID, "\"tNanos\": 20", "\"tNanos\": \"soon\"");
        assertThat(fails(type).getMessage()).isEqualTo("t.json:" + at(type, "\"soon\"")
                + ": exchanges[0].events[1].tNanos: expected an integer, found \"soon\"");

        String object = replaceOnce(VALID, "\"target\": \"/\"", "\"target\": {\"path\": \"/\"}");
        RecordingFormatException e = fails(object);
        assertThat(e.getMessage()).isEqualTo("t.json:" + at(object, "{\"path\"")
                + ": exchanges[0].request.target: expected a string, found an object");
        assertThat(e.line()).contains(4);
        assertThat(e.path()).contains("exchanges[0].request.target");
        assertThat(e.problem()).isEqualTo("expected a string, found an object");

        String array = replaceOnce(VALID, "\"tNanos\": 10", "\"tNanos\": [10]");
        assertThat(fails(array).getMessage()).isEqualTo("t.json:" + at(array, "[10]")
                + ": exchanges[0].events[0].tNanos: expected an integer, found an array");
    }

    @Test
    void aDatabaseStepReadsBackAndABadOneIsNamedWhereItStands() throws Exception {
        String with = replaceOnce(VALID, "\"tNanos\": 20", "\"tNanos\": 20, \"database\": {\"step\": \"response\", \"connection\": 1, "
                + "\"use\": 2, \"roundTrips\": 2, \"nanos\": 900}");
        assertThat(read(with).exchanges().get(0).events().get(1).database())
                .isEqualTo(new dev.roundtrip.trace.DatabaseReadout(dev.roundtrip.trace.DatabaseReadout.Step.RESPONSE, 1, 2, 2, 900L, false));
        String bad = replaceOnce(with, "\"step\": \"response\"", "\"step\": \"answer\"");
        assertThat(fails(bad).getMessage()).isEqualTo("t.json:" + at(bad, "\"answer\"")
                + ": exchanges[0].events[1].database.step: expected one of connect|reuse|request|response|failed, found \"answer\"");
        String negative = replaceOnce(with, "\"connection\": 1", "\"connection\": -1");
        assertThat(fails(negative).getMessage()).contains("exchanges[0].events[1].database.connection: expected a number >= 0");
    }

    @Test
    void numbersOutOfRangeSaySo() {
        String big = replaceOnce(VALID, "\"tNanos\": 10", "\"tNanos\": 123456789012345678901234567890");
        assertThat(fails(big).getMessage()).endsWith("exchanges[0].events[0].tNanos: expected an integer within 64 bits, "
                + "found 123456789012345678901234567890");
        String count = replaceOnce(VALID, "\"count\": 2", "\"count\": 4294967296");
        assertThat(fails(count).getMessage()).endsWith("exchanges[0].events[1].bytes.count: expected an integer within 32 bits, found 4294967296");
        String negative = replaceOnce(VALID, "\"count\": 2", "\"count\": -2");
        assertThat(fails(negative).getMessage()).endsWith("exchanges[0].events[1].bytes.count: expected a number >= 0, found -2");
        String status = replaceOnce(VALID, "\"status\": 200", "\"status\": 20");
        assertThat(fails(status).getMessage()).isEqualTo("t.json:" + at(status, "20,", "\"status\"")
                + ": exchanges[0].response.status: expected an HTTP status from 100 to 999, found 20");
    }

    @Test
    void aMissingFieldIsReportedAtTheObjectThatLacksIt() {
        String noTime = replaceOnce(VALID, "\"tNanos\": 20, ", "");
        assertThat(fails(noTime).getMessage()).isEqualTo("t.json:8:6: exchanges[0].events[1].tNanos: "
                + "expected an integer, found nothing (the field is missing)");

        String noTarget = replaceOnce(VALID, "\"target\": \"/\", ", "");
        assertThat(fails(noTarget).getMessage()).isEqualTo("t.json:" + at(noTarget, "{\"method\"")
                + ": exchanges[0].request.target: expected a string, found nothing (the field is missing)");

        String noEnd = replaceOnce(VALID, "\"endedNanos\": 900, ", "");
        assertThat(fails(noEnd).getMessage()).isEqualTo("t.json:3:3: exchanges[0].endedNanos: "
                + "expected the time the exchange ended (outcome is completed), found nothing (the field is missing)");

        String noStart = VALID.replace("\"startedAt\": \"2026-11-24T09:15:30Z\",", "");
        assertThat(fails(noStart).getMessage()).isEqualTo("t.json:1:1: startedAt: expected a string, found nothing (the field is missing)");
    }

    @Test
    void checksMadeOnceAnObjectIsReadPointAtTheField() {
        String size = replaceOnce(VALID, "\"size\": 2", "\"size\": 3");
        assertThat(fails(size).getMessage()).isEqualTo("t.json:" + at(size, "3,", "\"size\"")
                + ": exchanges[0].response.body.size: expected 2 (the length of base64), found 3");

        String count = replaceOnce(VALID, "\"count\": 2", "\"count\": 1");
        assertThat(fails(count).getMessage()).isEqualTo("t.json:" + at(count, "1,", "\"count\"")
                + ": exchanges[0].events[1].bytes.count: expected at least 2 (the bytes kept in base64), found 1");

        String pending = replaceOnce(VALID, "\"outcome\": \"completed\", \"endedNanos\": 900, ", "\"outcome\": \"pending\", ");
        assertThat(fails(pending).getMessage()).isEqualTo("t.json:" + at(pending, "{\"status\"")
                + ": exchanges[0].response: a pending exchange has no response yet; endedNanos is missing");
    }

    @Test
    void twiceTheSameIdOrFieldIsRefusedAtTheSecond() {
        String exchange = VALID.substring(VALID.indexOf("  {\"id\": 1"), VALID.lastIndexOf("\n]}"));
        String twoOnes = VALID.replace(exchange, exchange + ",\n" + exchange);
        assertThat(fails(twoOnes).getMessage()).isEqualTo("t.json:12:10: exchanges[1].id: exchange id 1 appears twice");

        String field = replaceOnce(VALID, "\"phase\": \"begin\",", "\"phase\": \"begin\", \"phase\": \"end\",");
        assertThat(fails(field).getMessage()).isEqualTo("t.json:" + at(field, "\"end\"")
                + ": exchanges[0].events[0].phase: the field appears twice");

        String version = VALID.replace("\"version\": 1,", "\"version\": 1, \"version\": 1,");
        assertThat(fails(version).getMessage()).isEqualTo("t.json:1:60: version: the field appears twice");
    }

    @Test
    void aTruncatedFileNamesTheInnermostOpenValue() {
        String cut = VALID.substring(0, VALID.indexOf("\"tNanos\": 20"));
        RecordingFormatException e = fails(cut);
        assertThat(e.getMessage()).startsWith("t.json:8:").endsWith(
                ": the file ends too early (truncated?): exchanges[0].events[1] is not closed");

        assertThat(fails(VALID.substring(0, VALID.indexOf("\"exchanges\""))).getMessage())
                .isEqualTo("t.json:2:1: the file ends too early (truncated?): the top-level object is not closed");
        assertThat(fails(VALID.substring(0, VALID.lastIndexOf("]}"))).getMessage())
                .endsWith(": the file ends too early (truncated?): exchanges is not closed");
    }

    @Test
    void brokenJsonNamesTheContainerItIsIn() {
        String bad = replaceOnce(VALID, "\"reason\": \"OK\",", "\"reason\": \"OK\" \"x\",");
        RecordingFormatException e = fails(bad);
        assertThat(e.getMessage()).startsWith("t.json:5:").contains(": exchanges[0].response: invalid JSON: '\"' where ',' (another field) or '}' (the end of the object) belongs");
        assertThat(e.getCause()).isNotNull(); // Jackson's own report stays attached
    }

    @Test
    void anythingButOneRecordingObjectIsRefused() {
        assertThat(fails(VALID + "\n{}").getMessage()).isEqualTo("t.json:13:1: unexpected content after the end of the JSON document");
        assertThat(fails("[1, 2]").getMessage())
                .isEqualTo("t.json:1:1: expected a JSON object with \"format\": \"roundtrip-recording\", found an array");
        assertThat(fails("\n\n  nope").getMessage()).startsWith("t.json:3:3: not a JSON file (expected '{' where the document begins): ");
        assertThat(fails("{\"log\": {\"entries\": []}}").getMessage()).isEqualTo("t.json:1:1: format: this is a HAR file, "
                + "not a Roundtrip recording: import it instead (roundtrip import FILE.har, or File > Open which detects HAR)");
    }

    @Test
    void formatAndVersionAreCheckedFirstWhereverTheyStand() {
        // The broken exchange comes first in the file; the version is what is reported.
        String late = "{\"exchanges\": [{\"id\": \"x\"}],\n \"startedAt\": \"2026-11-24T09:15:30Z\",\n \"format\": \"roundtrip-recording\", \"version\": 3}";
        assertThat(fails(late).getMessage()).isEqualTo("t.json:3:46: version: this recording is version 3, written by a newer "
                + "Roundtrip; this one reads up to version 2. Update Roundtrip to open it");
        assertThat(fails("{\"format\": \"roundtrip-recording\", \"version\": 1.5}").getMessage())
                .isEqualTo("t.json:1:46: version: expected an integer, found 1.5");
        assertThat(fails("{\"format\": \"roundtrip-recording\", \"version\": 0}").getMessage())
                .isEqualTo("t.json:1:46: version: expected a version from 1 to 2, found 0");
        assertThat(fails("{\"format\": \"roundtrip-recording\"}").getMessage())
                .isEqualTo("t.json:1:1: version: expected a version number, found nothing (the field is missing)");
    }

    @Test
    void aByteOrderMarkIsSkippedAndLocationsStayTheSame() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertSameRecording(RecordingJson.read(withBom, "bom.json"), read(VALID));

        byte[] bad = replaceOnce(VALID, "\"version\": 1", "\"version\": 9").getBytes(StandardCharsets.UTF_8);
        byte[] badWithBom = new byte[3 + bad.length];
        System.arraycopy(bom, 0, badWithBom, 0, 3);
        System.arraycopy(bad, 0, badWithBom, 3, bad.length);
        RecordingFormatException e = catchThrowableOfType(RecordingFormatException.class, () -> RecordingJson.read(badWithBom, "bom.json"));
        assertThat(e.getMessage()).startsWith("bom.json:1:46: version: this recording is version 9");
    }
}
