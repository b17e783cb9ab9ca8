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
}
