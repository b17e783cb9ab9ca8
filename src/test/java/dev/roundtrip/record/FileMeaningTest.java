package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings and HAR files are checked for meaning, not only syntax: what cannot be true is refused
 * at its place, what is doubtful is imported with a warning naming the entry.
 */
class FileMeaningTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private byte[] recording(Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(RecordingJson.toBytes(SampleRecordings.session()));
        change.accept(root);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static ObjectNode exchange(ObjectNode root, int i) {
        return (ObjectNode) root.get("exchanges").get(i);
    }

    private byte[] har(Consumer<ObjectNode> change) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/har/chrome-style.har")) {
            ObjectNode root = (ObjectNode) JSON.readTree(in);
            change.accept(root);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        }
    }

    private static ObjectNode entry(ObjectNode root, int i) {
        return (ObjectNode) root.get("log").get("entries").get(i);
    }

    private RecordingFormatException refused(String name, byte[] content) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content);
        RecordingFormatException e = catchThrowableOfType(RecordingFormatException.class, () -> RecordingFiles.open(f));
        assertThat(e).as("opening %s must fail", name).isNotNull();
        assertThat(e.getMessage()).startsWith(f.toString());
        assertThat(e.line()).as("located: %s", e.getMessage()).isPresent();
        return e;
    }

    private Recording opened(String name, byte[] content) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return RecordingFiles.open(f);
    }

    // --- recordings ---

    @Test
    void negativeTimesAreRefused() throws Exception {
        RecordingFormatException e = refused("neg.roundtrip.json", recording(r -> exchange(r, 0).put("startedNanos", -5)));
        assertThat(e.path()).contains("exchanges[0].startedNanos");
        assertThat(e.problem()).isEqualTo("expected a time >= 0 (ns since the recording began), found -5");

        e = refused("neg-event.roundtrip.json", recording(r -> ((ObjectNode) exchange(r, 1).get("events").get(2)).put("tNanos", -279_728_000L)));
        assertThat(e.path()).contains("exchanges[1].events[2].tNanos");
    }

    @Test
    void anExchangeThatEndsBeforeItStartsIsRefusedAtItsEnd() throws Exception {
        RecordingFormatException e = refused("backwards.roundtrip.json", recording(r -> {
            ObjectNode x = exchange(r, 0);
            x.put("endedNanos", x.get("startedNanos").asLong() - 1);
        }));
        assertThat(e.path()).contains("exchanges[0].endedNanos");
        assertThat(e.problem()).contains(", before it started (startedNanos ").endsWith("); time runs forward within an exchange");
    }

    @Test
    void anEventBeforeItsExchangeStartedIsRefusedAtTheEvent() throws Exception {
        RecordingFormatException e = refused("early.roundtrip.json", recording(r -> {
            ObjectNode x = exchange(r, 0);
            ((ObjectNode) x.get("events").get(3)).put("tNanos", x.get("startedNanos").asLong() - 1000);
        }));
        assertThat(e.path()).contains("exchanges[0].events[3].tNanos");
        assertThat(e.problem()).startsWith("this event is at ").contains("before its exchange started");
    }

    @Test
    void invalidBase64IsRefusedNotReadAsAnEmptyBody() throws Exception {
        RecordingFormatException e = refused("b64.roundtrip.json", recording(r ->
                ((ObjectNode) exchange(r, 0).get("request").get("body")).put("base64", "%%% not base64 ###").remove("size")));
        assertThat(e.path()).contains("exchanges[0].request.body.base64");
        assertThat(e.problem()).isEqualTo("expected base64 data ('%' at character 1 is not a base64 character), found \"%%% not base64 ###\"");
        // line breaks between groups, as MIME writes them, are base64 still
        Recording r = opened("mime.roundtrip.json", recording(x ->
                ((ObjectNode) exchange(x, 0).get("request").get("body")).put("base64", "aGVs\r\nbG8=").put("size", 5)));
        assertThat(r.exchanges().get(0).request().body()).isEqualTo("hello".getBytes());
    }

    @Test
    void aHeaderWithALineBreakIsRefused() throws Exception {
        RecordingFormatException e = refused("crlf.roundtrip.json", recording(r ->
                ((ObjectNode) exchange(r, 0).get("request").get("headers").get(0)).put("value", "x\r\nSet-Cookie: evil=1")));
        assertThat(e.path()).contains("exchanges[0].request.headers[0].value");
        assertThat(e.problem()).startsWith("a header value may not hold a line break").endsWith("this one holds a line break (CR, 0x0D) at character 2");
    }

    @Test
    void aBufferReadPastWhatWasWrittenIsRefused() throws Exception {
        RecordingFormatException e = refused("buffer.roundtrip.json", recording(r -> {
            for (var ev : exchange(r, 0).get("events")) {
                if (ev.has("buffer")) {
                    ((ObjectNode) ev.get("buffer")).put("readerIndex", ev.get("buffer").get("writerIndex").asInt() + 1);
                    return;
                }
            }
            throw new AssertionError("no buffer readout in the sample");
        }));
        assertThat(e.problem()).contains("is past writerIndex");
    }

    // --- HAR ---

    @Test
    void invalidBase64ContentIsRefusedWhereItIs() throws Exception {
        RecordingFormatException e = refused("b64.har", har(r -> ((ObjectNode) entry(r, 1).get("response").get("content"))
                .put("encoding", "base64").put("text", "iVBOR*w0KGgo=")));
        assertThat(e.path()).contains("log.entries[1].response.content.text");
        assertThat(e.problem()).startsWith("expected base64 data ('*' at character 6 is not a base64 character)");
    }

    @Test
    void absurdTimesAreRefusedAndMinusOneIsImportedWithAWarning() throws Exception {
        RecordingFormatException e = refused("time.har", har(r -> {
            entry(r, 0).remove("timings");
            entry(r, 0).put("time", -1e308);
        }));
        assertThat(e.path()).contains("log.entries[0].time");
        assertThat(e.problem()).isEqualTo("expected a duration in ms from 0 to 1,000,000,000 (11.6 days), or -1 for not known, found -1.0E308");
        assertThat(refused("huge.har", har(r -> ((ObjectNode) entry(r, 0).get("timings")).put("wait", 1e308))).path())
                .contains("log.entries[0].timings.wait");

        Recording r = opened("unknown.har", har(x -> {
            entry(x, 2).remove("timings");
            entry(x, 2).put("time", -1);
        }));
        assertThat(r.exchanges()).hasSize(3);
        assertThat(r.exchanges().get(2).durationNanos()).isZero();
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("log.entries[2].time");
            assertThat(w.line()).isPositive();
            assertThat(w.toString()).startsWith(dir.resolve("unknown.har") + ":" + w.line() + ":")
                    .endsWith(": log.entries[2].time: -1 (not known); read as 0");
        });
    }

    @Test
    void timingsThatDoNotAddUpAreImportedWithAWarning() throws Exception {
        Recording r = opened("sum.har", har(x -> entry(x, 0).put("time", 5000)));
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("log.entries[0].time");
            assertThat(w.message()).startsWith("the entry's time is 5000.000 ms but its timings add up to ").endsWith("; the diagram uses the timings");
        });
        assertThat(opened("chrome.har", har(x -> { })).warnings()).isEmpty();
    }

    @Test
    void aMinusOneTimeBesideTimingsSaysTheTimingsAreUsed() throws Exception {
        Recording r = opened("minus.har", har(x -> entry(x, 0).put("time", -1)));
        assertThat(r.warnings()).extracting(RecordingWarning::message).containsExactly("-1 (not known); the timings are used");
    }

    @Test
    void base64ContentOfAnotherSizeThanTheHarSaysIsImportedWithAWarning() throws Exception {
        Recording r = opened("size.har", har(x -> ((ObjectNode) entry(x, 1).get("response").get("content")).put("size", 99)));
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("log.entries[1].response.content.size");
            assertThat(w.message()).isEqualTo("content.size is 99 but the base64 text holds 8 bytes; the body is those 8 bytes");
        });
    }

    @Test
    void aUrlThatIsNotOneIsRefused() throws Exception {
        RecordingFormatException e = refused("url.har", har(r -> ((ObjectNode) entry(r, 0).get("request")).put("url", "not a url")));
        assertThat(e.path()).contains("log.entries[0].request.url");
        assertThat(e.problem()).isEqualTo("a URL may not hold spaces (they are written %20); this one has one at character 4");
        assertThat(refused("url2.har", har(r -> ((ObjectNode) entry(r, 0).get("request")).put("url", "users/1"))).problem())
                .isEqualTo("expected an absolute URL such as https://example.com/path, found \"users/1\"");
        assertThat(refused("url3.har", har(r -> ((ObjectNode) entry(r, 0).get("request")).put("url", "http:///users/1"))).problem())
                .isEqualTo("expected an absolute URL with a host, such as http://example.com/path, found \"http:///users/1\"");
    }

    @Test
    void aHeaderWithCrLfIsRefusedNotExportedAgain() throws Exception {
        RecordingFormatException e = refused("crlf.har", har(r -> ((ObjectNode) entry(r, 0).get("response").get("headers").get(1))
                .put("value", "text/html\r\nSet-Cookie: session=stolen")));
        assertThat(e.path()).contains("log.entries[0].response.headers[1].value");
        assertThat(e.problem()).isEqualTo("a header name or value may not hold line breaks or other control characters "
                + "(each would start a new header when the exchange is sent again or exported); this value holds a line break (CR, 0x0D) at character 10");
        assertThat(refused("esc.har", har(r -> ((ObjectNode) entry(r, 0).get("request").get("headers").get(0))
                .put("name", "X-\u001b[2J"))).problem()).endsWith("this name holds a control character (0x1B) at character 3");
    }

    @Test
    void anEmptyHarIsRefusedWithAClearMessage() throws Exception {
        RecordingFormatException e = refused("empty.har", har(r -> ((ArrayNode) r.get("log").get("entries")).removeAll()));
        assertThat(e.path()).contains("log.entries");
        assertThat(e.problem()).isEqualTo("the HAR has no entries (an empty list): there is no exchange to import");
    }

    @Test
    void aStatusOutOfRangeIsRefused() throws Exception {
        assertThat(refused("status.har", har(r -> ((ObjectNode) entry(r, 0).get("response")).put("status", 42))).problem())
                .isEqualTo("expected an HTTP status from 100 to 999, or 0 for no response, found 42");
    }
}
