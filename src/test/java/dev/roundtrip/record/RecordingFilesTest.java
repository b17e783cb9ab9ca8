package dev.roundtrip.record;

import static dev.roundtrip.record.SampleRecordings.assertSameRecording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roundtrip.files.AtomicFile;
import dev.roundtrip.text.Units;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingFilesTest {
    @TempDir
    Path dir;

    @Test
    void saveThenOpenGivesAnEqualRecording() throws Exception {
        Recording original = SampleRecordings.session();
        Path file = dir.resolve("session" + RecordingFiles.EXTENSION);

        RecordingFiles.save(original, file);
        Recording loaded = RecordingFiles.open(file);

        assertSameRecording(loaded, original);
        assertThat(loaded.exchanges()).hasSize(7);
        assertThat(loaded.eventCount()).isGreaterThan(50);
        // Saving what was loaded gives the very same bytes: nothing was lost or reinterpreted.
        assertThat(RecordingJson.toBytes(loaded)).isEqualTo(RecordingJson.toBytes(original));
    }

    @Test
    void saveLeavesNoTemporaryFileBehind() throws Exception {
        Path file = dir.resolve("a" + RecordingFiles.EXTENSION);
        RecordingFiles.save(SampleRecordings.session(), file);
        RecordingFiles.save(SampleRecordings.session(), file);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFailedSaveLeavesTheOldFileIntact() throws Exception {
        Path file = dir.resolve("keep" + RecordingFiles.EXTENSION);
        RecordingFiles.save(SampleRecordings.session(), file);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write("{\"format\": \"roundtrip-recording\", \"exch".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertSameRecording(RecordingFiles.open(file), SampleRecordings.session());
    }

    private RecordingFormatException openFails(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return openFails(f);
    }

    private static RecordingFormatException openFails(Path f) {
        RecordingFormatException e = catchThrowableOfType(RecordingFormatException.class, () -> RecordingFiles.open(f));
        assertThat(e).as("opening %s must fail", f).isNotNull();
        assertThat(e.getMessage()).startsWith(f.toString());
        return e;
    }

    @Test
    void aTruncatedFileSaysSoWithLineAndOpenField() throws Exception {
        String full = new String(RecordingJson.toBytes(SampleRecordings.session()), StandardCharsets.UTF_8);
        int cut = full.indexOf("\"tNanos\"", full.indexOf("\"events\"")); // inside exchanges[0].events[0]
        RecordingFormatException e = openFails("cut.roundtrip.json", full.substring(0, cut));

        assertThat(e.getMessage()).contains("the file ends too early (truncated?)").contains("exchanges[0].events[0] is not closed");
        assertThat(e.line()).isPresent();
        assertThat(e.line().get()).isGreaterThan(10);
    }

    @Test
    void nonJsonIsNamedAsSuch() throws Exception {
        RecordingFormatException e = openFails("notes.txt", "Hello, world!\nThis is a note.\n");
        assertThat(e.getMessage()).contains(":1:1: not a JSON file");
    }

    @Test
    void anEmptyFileIsNamedAsSuch() throws Exception {
        assertThat(openFails("empty.json", "  \n").getMessage()).endsWith("the file is empty, expected a JSON object");
    }

    @Test
    void anotherJsonFormatIsRefusedAtItsFormatField() throws Exception {
        RecordingFormatException e = openFails("other.json", "{\n  \"format\": \"something-else\",\n  \"version\": 1\n}\n");
        assertThat(e.getMessage()).isEqualTo(dir.resolve("other.json")
                + ":2:13: format: expected \"roundtrip-recording\" (this is not a Roundtrip recording), found \"something-else\"");
        assertThat(e.path()).contains("format");
    }

    @Test
    void jsonWithoutFormatIsRefused() throws Exception {
        RecordingFormatException e = openFails("package.json", "{\"name\": \"x\"}");
        assertThat(e.getMessage()).contains("format: expected \"roundtrip-recording\"").contains("found nothing (the field is missing)");
    }

    @Test
    void aFutureVersionAsksForANewerRoundtrip() throws Exception {
        RecordingFormatException e = openFails("future.roundtrip.json",
                "{\n\"format\": \"roundtrip-recording\",\n\"version\": 7,\n\"startedAt\": \"2026-01-01T00:00:00Z\", \"exchanges\": []}");
        assertThat(e.getMessage()).contains(":3:12: version: this recording is version 7, written by a newer Roundtrip; this one reads up to version 2");
    }

    @Test
    void aWrongEnumValueNamesPathExpectedAndFound() throws Exception {
        String json = new String(RecordingJson.toBytes(SampleRecordings.session()), StandardCharsets.UTF_8);
        int at = json.indexOf("\"stage\" : \"send\"", json.indexOf("\"stage\" : \"send\"", json.indexOf("\"stage\" : \"send\"") + 1) + 1);
        String bad = json.substring(0, at) + "\"stage\" : \"sned\"" + json.substring(at + "\"stage\" : \"send\"".length());
        long line = bad.substring(0, at).lines().count();

        RecordingFormatException e = openFails("typo.roundtrip.json", bad);

        assertThat(e.getMessage()).contains(":" + line + ":").endsWith(
                "exchanges[0].events[2].stage: expected one of connect|handshake|send|parse|process|respond|interpret, found \"sned\"");
        assertThat(e.line()).contains((int) line);
    }

    @Test
    void badBase64AndWrongTypesAreReportedAtTheirField() throws Exception {
        String json = new String(RecordingJson.toBytes(SampleRecordings.session()), StandardCharsets.UTF_8);
        String bad = json.replaceFirst("\"tNanos\" : \\d+", "\"tNanos\" : \"soon\"");
        assertThat(openFails("types.roundtrip.json", bad).getMessage())
                .endsWith("exchanges[0].events[0].tNanos: expected an integer, found \"soon\"");
    }

    @Test
    void aBinaryFileIsRefused() throws Exception {
        Path png = dir.resolve("picture.roundtrip.json");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        assertThat(openFails(png).getMessage()).endsWith("is a binary file (a PNG image), not a JSON recording or HAR");

        Path blob = dir.resolve("blob.bin");
        Files.write(blob, new byte[] {'{', '"', 'a', 0, 1, 2, 3});
        assertThat(openFails(blob).getMessage()).endsWith("is a binary file (byte 0x00 at offset 3), not a JSON recording or HAR");

        Path latin = dir.resolve("latin1.json");
        Files.write(latin, new byte[] {'{', '"', (byte) 0xE9, (byte) 0xFF, '"', ':', '1', '}'});
        assertThat(openFails(latin).getMessage()).contains("is a binary file (not UTF-8 text at offset 2)");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithItsSizeBeforeReading() throws Exception {
        Path big = dir.resolve("big" + RecordingFiles.EXTENSION);
        RecordingFiles.save(SampleRecordings.session(), big);
        long size = Files.size(big);

        RecordingFormatException e = catchThrowableOfType(RecordingFormatException.class, () -> RecordingFiles.open(big, 4096));

        assertThat(e.getMessage()).isEqualTo(big + ": is " + Units.bytes(size)
                + ", larger than the 4 KiB limit for recordings; refused without reading it");
        assertThat(RecordingFiles.DEFAULT_MAX_BYTES).isEqualTo(200L * 1024 * 1024);
        assertThat(Units.bytes(RecordingFiles.DEFAULT_MAX_BYTES)).isEqualTo("200 MiB");
        assertSameRecording(RecordingFiles.open(big, size), SampleRecordings.session());
    }

    @Test
    void aMissingFileIsNamed() {
        assertThat(openFails(dir.resolve("gone.roundtrip.json")).getMessage()).endsWith(": no such file");
    }

    @Test
    void aHarIsRecognisedByOpenButRefusedByTheStrictReader() throws Exception {
        Path har = dir.resolve("x.har");
        Files.write(har, HarExport.toBytes(SampleRecordings.session()));
        assertThat(RecordingFiles.kind(har, RecordingFiles.DEFAULT_MAX_BYTES)).isEqualTo(RecordingFiles.Kind.HAR);
        assertSameRecording(RecordingFiles.open(har), SampleRecordings.session());
        assertThatThrownBy(() -> RecordingJson.read(Files.readAllBytes(har), "x.har"))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("this is a HAR file, not a Roundtrip recording");
    }

    @Test
    void savedFilesHoldNoRawControlOrBidiCharactersAndMeanTheSame() throws Exception {
        Recording r = new Recording(SampleRecordings.START);
        String detail = "a\u007fb\u009bc\u202ed\u2028e\uD83D\uDE00";
        r.onEvent(new dev.roundtrip.trace.ExchangeStarted(1, 1, 1_000, new dev.roundtrip.trace.RequestInfo("GET", "/", java.util.List.of(), null, null)));
        r.onEvent(new dev.roundtrip.trace.ExchangeEnded(1, 2_000, dev.roundtrip.trace.Outcome.FAILED, null, detail));
        Path file = dir.resolve("c.roundtrip.json");
        Path har = dir.resolve("c.har");
        RecordingFiles.save(r, file);
        RecordingFiles.saveHar(r, r.exchanges(), har);

        for (Path p : new Path[] {file, har}) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            assertThat(text).as(p.toString()).doesNotContain("\u007f", "\u009b", "\u202e", "\u2028");
        }
        assertThat(Files.readString(file)).contains("a\\u007Fb\\u009Bc\\u202Ed\\u2028e\\uD83D\\uDE00");
        assertSameRecording(RecordingFiles.open(file), r);
    }

    @Test
    void aMermaidExportTooBigForOneDiagramIsWrittenAsNumberedParts() throws Exception {
        Recording big = SampleRecordings.crowded(60, 27_600, 200);
        java.util.List<Path> files = RecordingFiles.saveMermaid(big.exchanges(), dir.resolve("session.mmd"));

        assertThat(files).hasSizeGreaterThan(1).startsWith(dir.resolve("session-1.mmd"));
        assertThat(dir.resolve("session.mmd")).doesNotExist();
        for (Path p : files) assertThat(Files.readString(p)).startsWith("sequenceDiagram\n").hasSizeLessThanOrEqualTo(MermaidDiagram.MAX_TEXT);
        assertThat(RecordingFiles.saveMermaid(SampleRecordings.session().exchanges(), dir.resolve("small.mmd")))
                .containsExactly(dir.resolve("small.mmd"));
    }
}
