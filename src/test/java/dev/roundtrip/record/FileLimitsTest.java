package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The early limits of recordings and HAR files: nesting, number length, encoding; each in plain words. */
class FileLimitsTest {
    @TempDir
    Path dir;

    private RecordingFormatException openFails(String name, byte[] content) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content);
        RecordingFormatException e = catchThrowableOfType(RecordingFormatException.class, () -> RecordingFiles.open(f));
        assertThat(e).as("opening %s must fail", name).isNotNull();
        assertThat(e.getMessage()).startsWith(f.toString());
        return e;
    }

    private RecordingFormatException openFails(String name, String content) throws Exception {
        return openFails(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aHundredThousandLevelsOfNestingGiveAShortMessageAtTheirPlace() throws Exception {
        String recording = "{\"format\": \"roundtrip-recording\", \"version\": 1, \"notes\": " + "[".repeat(100_000);
        RecordingFormatException e = openFails("deep.roundtrip.json", recording);
        assertThat(e.problem()).isEqualTo("objects and arrays are nested more than 1,000 levels deep here; "
                + "recordings and HAR files may nest at most 1,000 (a recording needs fewer than 10)");
        assertThat(e.line()).contains(1);
        assertThat(e.getMessage()).doesNotContain("Jackson", "StreamReadConstraints", "notes[0][0]").hasSizeLessThan(300);

        String har = "{\"log\": {\"entries\": [" + "{\"a\": ".repeat(100_000);
        RecordingFormatException h = openFails("deep.har", har);
        assertThat(h.problem()).startsWith("objects and arrays are nested more than 1,000 levels deep here");
        assertThat(h.getMessage()).hasSizeLessThan(300);
    }

    @Test
    void aSyntaxErrorDeepInsideGivesAShortPath() throws Exception {
        String json = "{\"format\": \"roundtrip-recording\", \"version\": 1, \"notes\": " + "[".repeat(900) + "}";
        RecordingFormatException e = openFails("deep-broken.roundtrip.json", json);
        assertThat(e.getMessage()).contains("invalid JSON").contains("characters)…").hasSizeLessThan(400)
                .endsWith(": invalid JSON: '}' where ']' belongs, to close the array that begins at line 1, column 957")
                .doesNotContain("Source", "StreamReadFeature");
    }

    @Test
    void aNumberTooLongIsNamedAtItsFirstDigit() throws Exception {
        String json = "{\"format\": \"roundtrip-recording\", \"version\": 1,\n\"startedAt\": \"2026-01-01T00:00:00Z\",\n"
                + "\"dropped\": 1" + "0".repeat(199) + ", \"exchanges\": []}";
        RecordingFormatException e = openFails("number.roundtrip.json", json);
        assertThat(e.problem()).isEqualTo("a number of 200 characters; a number in a recording or HAR file may have at most 100");
        assertThat(e.line()).contains(3);
        assertThat(e.column()).contains(12);
    }

    @Test
    void utf16IsCalledUtf16AndTheFixIsSaid() throws Exception {
        String json = new String(RecordingJson.toBytes(SampleRecordings.session()), StandardCharsets.UTF_8);
        assertThat(openFails("wide.roundtrip.json", json.getBytes(StandardCharsets.UTF_16LE)).problem()).isEqualTo(
                "is UTF-16 (little-endian) text; a recording or HAR must be UTF-8: save it again as UTF-8 "
                        + "(most editors offer it under Save As or Encoding)");
        assertThat(openFails("wide.har", "{\"log\": {}}".getBytes(StandardCharsets.UTF_16)).problem())
                .startsWith("is UTF-16 (big-endian) text;");
    }
}
