package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.roundtrip.text.Texts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corrupt file's message names file, line and field in every language; only the problem's words change. */
class ProblemLanguageTest {
    private static final String SNED = """
            {"format": "roundtrip-recording", "version": 1, "startedAt": "2024-05-01T10:15:30Z",
             "exchanges": [{"id": 1, "connectionId": 1, "startedNanos": 0, "outcome": "completed",
               "request": {"method": "GET", "target": "/", "headers": []},
               "events": [{"stage": "sned", "phase": "begin", "actor": "client", "tNanos": 5, "connectionId": 1}]}]}
            """;

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    private static RecordingFormatException refused(String json) {
        return catchThrowableOfType(() -> RecordingJson.read(json.getBytes(StandardCharsets.UTF_8), "lesson.roundtrip.json"),
                RecordingFormatException.class);
    }

    @Test
    void aWrongValueIsNamedWithFileLineAndFieldInFrenchAndGerman() {
        RecordingFormatException e = refused(SNED);
        String english = "lesson.roundtrip.json:4:25: exchanges[0].events[0].stage: expected one of connect|handshake|send|parse|process|respond|interpret, found \"sned\"";
        assertThat(e.getMessage()).isEqualTo(english);
        Texts.use(Locale.FRENCH);
        assertThat(e.getLocalizedMessage()).isEqualTo("lesson.roundtrip.json:4:25: exchanges[0].events[0].stage: attendu : l’un de "
                + "connect|handshake|send|parse|process|respond|interpret, trouvé : \"sned\"");
        Texts.use(Locale.GERMAN);
        assertThat(e.getLocalizedMessage()).startsWith("lesson.roundtrip.json:4:25: exchanges[0].events[0].stage: erwartet: einer von ");
        assertThat(e.getMessage()).as("the English message is unchanged").isEqualTo(english);
    }

    @Test
    void aMissingFieldATruncatedFileAndADuplicateFieldAreSaidInTheLanguageInUse() {
        Texts.use(Locale.FRENCH);
        String good = SNED.replace("sned", "send");
        RecordingFormatException missing = refused(good.replace("\"outcome\": \"completed\",", ""));
        assertThat(missing.getLocalizedMessage()).startsWith("lesson.roundtrip.json:2:").contains("exchanges[0].outcome: attendu : l’un de ")
                .endsWith("trouvé : rien (le champ manque)");
        RecordingFormatException cut = refused(good.substring(0, good.length() - 8));
        assertThat(cut.getLocalizedMessage()).startsWith("lesson.roundtrip.json:4:").contains("le fichier se termine trop tôt (tronqué ?)");
        Texts.use(Locale.forLanguageTag("es"));
        RecordingFormatException twice = refused(good.replace("\"phase\": \"begin\",", "\"phase\": \"begin\", \"phase\": \"end\","));
        assertThat(twice.getLocalizedMessage()).startsWith("lesson.roundtrip.json:4:").endsWith("el campo aparece dos veces");
    }

    @Test
    void aBufferPastItsCapacityAndAnEventBeforeItsExchangeAreSaidInGermanWithTheFieldNamed() {
        String good = SNED.replace("sned", "send");
        RecordingFormatException buffer = refused(good.replace("\"connectionId\": 1}]}]}",
                "\"connectionId\": 1, \"buffer\": {\"capacity\": 8, \"readerIndex\": 9, \"writerIndex\": 4}}]}]}"));
        assertThat(buffer.getMessage()).endsWith("exchanges[0].events[0].buffer.readerIndex: readerIndex 9 is past writerIndex 4; a buffer reads only what was written");
        Texts.use(Locale.GERMAN);
        assertThat(buffer.getLocalizedMessage()).startsWith("lesson.roundtrip.json:4:")
                .endsWith("exchanges[0].events[0].buffer.readerIndex: readerIndex 9 liegt hinter writerIndex 4; ein Puffer liest nur, was geschrieben wurde");
        RecordingFormatException early = refused(good.replace("\"startedNanos\": 0", "\"startedNanos\": 10"));
        assertThat(early.getLocalizedMessage()).startsWith("lesson.roundtrip.json:4:")
                .endsWith("exchanges[0].events[0].tNanos: dieses Ereignis liegt bei 5 ns, bevor sein Austausch begann (startedNanos 10 ns); "
                        + "innerhalb eines Austauschs läuft die Zeit vorwärts");
    }

    @Test
    void aFileThatIsNoRecordingSaysSoInGerman(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("bild.roundtrip.json");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        Texts.use(Locale.GERMAN);
        RecordingFormatException e = catchThrowableOfType(() -> RecordingFiles.open(png), RecordingFormatException.class);
        assertThat(e.getLocalizedMessage()).startsWith(png.toString() + ": ist eine Binärdatei (").endsWith("), keine JSON-Aufzeichnung oder HAR");
        RecordingFormatException none = catchThrowableOfType(() -> RecordingFiles.open(dir.resolve("fehlt.roundtrip.json")), RecordingFormatException.class);
        assertThat(none.getLocalizedMessage()).endsWith("fehlt.roundtrip.json: Datei nicht gefunden");
    }

    private static final String HAR = """
            {"log": {"creator": {"name": "Firefox"}, "entries": [{"startedDateTime": "2026-01-01T00:00:00Z", "time": -1,
             "request": {"method": "GET", "url": "https://example.com/index.html", "headers": []},
             "response": {"status": 200, "statusText": "OK", "headers": [], "content": {"size": 2, "text": "hi"}},
             "timings": {"send": 1.5, "wait": 10, "receive": 0.5}}]}}
            """;

    @Test
    void aHarsProblemsWarningsAndImportedStepsAreSaidInGerman() throws Exception {
        RecordingFormatException space = catchThrowableOfType(() -> HarImport.read(
                HAR.replace("index.html", "my page.html").getBytes(StandardCharsets.UTF_8), "web.har"), RecordingFormatException.class);
        assertThat(space.getMessage()).endsWith("log.entries[0].request.url: a URL may not hold spaces (they are written %20); "
                + "this one has one at character 23");
        Texts.use(Locale.GERMAN);
        assertThat(space.getLocalizedMessage()).startsWith("web.har:2:").endsWith("log.entries[0].request.url: eine URL darf keine Leerzeichen "
                + "enthalten (sie werden %20 geschrieben); diese hat eines an Zeichen 23");
        RecordingFormatException header = catchThrowableOfType(() -> HarImport.read(
                HAR.replace("\"GET\", \"url\": \"https://example.com/index.html\"", "\"GET\", \"url\": \"https://example.com/\", \"x\": 1")
                        .replace("\"headers\": []},", "\"headers\": [{\"name\": \"A\\nB\", \"value\": \"v\"}]},")
                        .getBytes(StandardCharsets.UTF_8), "web.har"), RecordingFormatException.class);
        assertThat(header.getLocalizedMessage()).contains("request.headers[0].name: ein Header-Name oder -Wert darf keine Zeilenumbrüche")
                .endsWith("dieser Name enthält einen Zeilenumbruch (LF, 0x0A) an Zeichen 2");

        Recording r = HarImport.read(HAR.getBytes(StandardCharsets.UTF_8), "web.har");
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.toString()).endsWith("log.entries[0].time: -1 (not known); the timings are used");
            assertThat(w.inUse()).startsWith("web.har:1:").endsWith("log.entries[0].time: -1 (unbekannt); die timings werden verwendet");
        });
        dev.roundtrip.trace.Exchange x = r.exchanges().get(0);
        assertThat(x.events()).extracting(e -> e.detail()).contains("request sent in 1.500 ms (HAR timings.send)");
        assertThat(x.events()).extracting(e -> e.detail(Locale.GERMAN)).contains("Anfrage beginnt (von Firefox)", "Anfrage gesendet in 1,500 ms (HAR timings.send)");
        assertThat(x.end().orElseThrow().detail()).isEqualTo("200 OK (imported from Firefox)");
        assertThat(x.end().orElseThrow().detail(Locale.GERMAN)).isEqualTo("200 OK (importiert von Firefox)");
    }

    @Test
    void aRecordingFromANewerRoundtripSaysSoInGerman() {
        RecordingFormatException newer = refused(SNED.replace("\"version\": 1", "\"version\": 99").replace("sned", "send"));
        assertThat(newer.getMessage()).endsWith("version: this recording is version 99, written by a newer Roundtrip; this one reads up to version "
                + Recording.VERSION + ". Update Roundtrip to open it");
        Texts.use(Locale.GERMAN);
        assertThat(newer.getLocalizedMessage()).startsWith("lesson.roundtrip.json:1:").endsWith("version: diese Aufzeichnung hat Version 99, "
                + "geschrieben von einem neueren Roundtrip; dieses liest bis Version " + Recording.VERSION + ". Roundtrip aktualisieren, um sie zu öffnen");
        RecordingFormatException har = refused("{\"log\": {\"entries\": []}}");
        assertThat(har.getLocalizedMessage()).endsWith("format: das ist eine HAR-Datei, keine Roundtrip-Aufzeichnung: stattdessen importieren "
                + "(roundtrip import DATEI.har, oder Datei > Öffnen, das HAR erkennt)");
    }
}
