package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingJson;
import dev.roundtrip.text.Texts;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A real HTTP/1.1 exchange says every step as a phrase, each in all four languages, and keeps it through a recording file. */
class EventPhrasesTest {
    @Test
    void everyStepOfAnExchangeIsAPhraseTranslatedIntoEveryLanguageAndKeptInTheFile() throws Exception {
        List<Exchange> xs = new ArrayList<>();
        Recording recording;
        try (Lab lab = Lab.start()) {
            xs.add(lab.settled(lab.send(RequestSpec.get("/users/1")).exchangeId()).get(20, TimeUnit.SECONDS));
            xs.add(lab.settled(lab.send(RequestSpec.get("/users/2")).exchangeId()).get(20, TimeUnit.SECONDS)); // on the same connection
            xs.add(lab.settled(lab.send(RequestSpec.get("/users/1").withTls(true).withKeepAlive(false)).exchangeId()).get(20, TimeUnit.SECONDS));
            recording = lab.recording();
        }
        List<String> untranslated = new ArrayList<>();
        for (Exchange x : xs) {
            for (StageEvent e : x.events()) {
                if (e.phrase() == null) {
                    untranslated.add(e.stage().wireName() + " " + e.phase().wireName() + ": " + e.detail());
                    continue;
                }
                for (Locale l : Texts.LANGUAGES) {
                    if (l.equals(Locale.ENGLISH)) continue;
                    String bundle = "dev.roundtrip." + e.phrase().key().substring(0, e.phrase().key().indexOf('.')) + ".Texts";
                    assertThat(Texts.bundle(l, bundle).getLocale().getLanguage()).as(e.phrase().key() + " in " + l).isEqualTo(l.getLanguage());
                    assertThat(e.detail(l)).as(e.phrase().key() + " in " + l).doesNotContain("{").isNotBlank();
                }
            }
        }
        assertThat(untranslated).as("events whose detail is only English").isEmpty();

        // the demo app's own words and the exchange's end are phrases too
        StageEvent handled = xs.get(0).events().stream().filter(e -> e.phrase() != null && e.phrase().key().equals("server.handled"))
                .findFirst().orElseThrow();
        assertThat(handled.detail()).isEqualTo("200 OK: user 1 from the database");
        assertThat(handled.detail(Locale.GERMAN)).isEqualTo("200 OK: Benutzer 1 aus der Datenbank");
        assertThat(handled.detail(Locale.forLanguageTag("es"))).isEqualTo("200 OK: usuario 1 de la base de datos");
        dev.roundtrip.trace.ExchangeEnded end = xs.get(0).end().orElseThrow();
        assertThat(end.phrase()).as("the end as a phrase").isNotNull();
        assertThat(end.detail(Locale.GERMAN)).isNotEqualTo(end.detail()).doesNotContain("{");

        StageEvent read = xs.get(0).events().stream().filter(e -> e.stage() == Stage.PARSE && e.bytes() != null).findFirst().orElseThrow();
        assertThat(read.detail()).matches("socket read #1: \\d+ bytes");
        assertThat(read.detail(Locale.GERMAN)).matches("Socket-Lesevorgang #1: \\d+ Bytes");
        StageEvent reusedSend = xs.get(1).events().stream().filter(e -> e.stage() == Stage.SEND).findFirst().orElseThrow();
        assertThat(reusedSend.detail(Locale.FRENCH)).startsWith("connexion #").contains("réutilisée (2e échange sur elle) : le client écrit sa requête");

        Recording back = RecordingJson.read(RecordingJson.toBytes(recording), "phrases.roundtrip.json");
        for (Exchange x : xs) {
            Exchange y = back.exchange(x.id()).orElseThrow();
            assertThat(y.events()).as("events read back").containsExactlyElementsOf(x.events());
            assertThat(y.events()).extracting(StageEvent::detail).containsExactlyElementsOf(x.events().stream().map(StageEvent::detail).toList());
            assertThat(y.events()).extracting(e -> e.detail(Locale.GERMAN))
                    .containsExactlyElementsOf(x.events().stream().map(e -> e.detail(Locale.GERMAN)).toList());
            assertThat(y.end().orElseThrow().phrase()).as("the end read back").isEqualTo(x.end().orElseThrow().phrase());
            assertThat(y.end().orElseThrow().detail()).isEqualTo(x.end().orElseThrow().detail());
            assertThat(y.end().orElseThrow().detail(Locale.FRENCH)).isEqualTo(x.end().orElseThrow().detail(Locale.FRENCH));
        }
    }

    @Test
    void everyStepOfAnHttp2ExchangeIsAPhraseTranslatedIntoEveryLanguage() throws Exception {
        List<Exchange> xs = new ArrayList<>();
        try (Lab lab = Lab.start()) {
            xs.add(lab.settled(lab.sendHttp2(RequestSpec.get("/users/1")).exchangeId()).get(20, TimeUnit.SECONDS));
            xs.add(lab.settled(lab.sendHttp2(RequestSpec.get("/users/2")).exchangeId()).get(20, TimeUnit.SECONDS)); // a second stream
            xs.add(lab.settled(lab.sendHttp2(RequestSpec.get("/users/1").withTls(true)).exchangeId()).get(20, TimeUnit.SECONDS));
        }
        List<String> untranslated = new ArrayList<>();
        for (Exchange x : xs) {
            for (StageEvent e : x.events()) {
                if (e.phrase() == null) {
                    untranslated.add(e.stage().wireName() + " " + e.phase().wireName() + ": " + e.detail());
                    continue;
                }
                for (Locale l : Texts.LANGUAGES) {
                    assertThat(e.detail(l)).as(e.phrase().key() + " in " + l).doesNotContain("{").isNotBlank();
                }
            }
        }
        assertThat(untranslated).as("HTTP/2 events whose detail is only English").isEmpty();

        StageEvent parsed = xs.get(0).events().stream().filter(e -> e.stage() == Stage.PARSE && e.phase() == dev.roundtrip.trace.Phase.END)
                .findFirst().orElseThrow();
        assertThat(parsed.detail()).matches("GET /users/1 HTTP/2 on stream \\d+: \\d+ headers, 0 body bytes in 0 DATA frames");
        assertThat(parsed.detail(Locale.GERMAN)).matches("GET /users/1 HTTP/2 auf Stream \\d+: \\d+ Header, 0 Body-Bytes in 0 DATA-Frames");
        StageEvent reused = xs.get(1).events().stream().filter(e -> e.stage() == Stage.SEND && e.phase() == dev.roundtrip.trace.Phase.BEGIN)
                .findFirst().orElseThrow();
        assertThat(reused.detail(Locale.GERMAN)).matches("Verbindung #\\d+ wiederverwendet \\(2 Streams bisher\\): der Client öffnet einen Stream: HEADERS mit END_STREAM");
        StageEvent interpreted = xs.get(0).events().stream().filter(e -> e.stage() == Stage.INTERPRET && e.phase() == dev.roundtrip.trace.Phase.END)
                .findFirst().orElseThrow();
        assertThat(interpreted.detail(Locale.GERMAN)).matches("200 OK auf Stream \\d+: \\d+ Body-Bytes in \\d+ Frames?; angezeigt");
        assertThat(interpreted.detail(Locale.FRENCH)).matches("200 OK sur le flux \\d+ : \\d+ octets de corps en \\d+ trames? ; affichée");
    }

    @Test
    void aClientThatGivesUpSaysSoInGermanWhileTheEndKeepsItsEnglish() throws Exception {
        Exchange x;
        try (Lab lab = Lab.start()) {
            x = lab.settled(lab.send(RequestSpec.get("/slow?ms=1000").withTimeout(java.time.Duration.ofMillis(300))).exchangeId())
                    .get(20, TimeUnit.SECONDS);
        }
        StageEvent gaveUp = x.events().stream().filter(e -> e.phase() == dev.roundtrip.trace.Phase.ERROR
                && e.actor() == dev.roundtrip.trace.Actor.CLIENT).findFirst().orElseThrow();
        assertThat(gaveUp.phrase().key()).isEqualTo("client.timedOut");
        assertThat(gaveUp.detail(Locale.GERMAN)).isEqualTo("keine Antwort binnen 300 ms: der Client gibt auf und schließt die Verbindung");
        assertThat(x.end().orElseThrow().detail()).isEqualTo("no response within 300 ms: the client gives up and closes the connection");
        assertThat(x.end().orElseThrow().detail(Locale.GERMAN)).isEqualTo("keine Antwort binnen 300 ms: der Client gibt auf und schließt die Verbindung");
    }

    @Test
    void anOldRecordingWithoutPhrasesStillOpensAndShowsItsEnglish() throws Exception {
        String old = """
                {"format": "roundtrip-recording", "version": 1, "startedAt": "2024-05-01T10:15:30Z",
                 "exchanges": [{"id": 1, "connectionId": 1, "startedNanos": 0, "outcome": "pending",
                   "request": {"method": "GET", "target": "/", "headers": []},
                   "events": [{"stage": "parse", "phase": "progress", "actor": "server", "tNanos": 5, "connectionId": 1,
                               "thread": "t", "detail": "socket read #1: 78 bytes"},
                              {"stage": "parse", "phase": "end", "actor": "server", "tNanos": 6, "connectionId": 1,
                               "thread": "t", "detail": "parsed", "phrase": {"key": "server.notInThisVersion", "args": [1, "x", {"nanos": 5}]}}]}]}
                """;
        Recording r = RecordingJson.read(old.getBytes(java.nio.charset.StandardCharsets.UTF_8), "old.roundtrip.json");
        List<StageEvent> events = r.exchanges().get(0).events();
        assertThat(events.get(0).phrase()).isNull();
        assertThat(events.get(0).detail(Locale.GERMAN)).isEqualTo("socket read #1: 78 bytes");
        assertThat(events.get(1).phrase().key()).isEqualTo("server.notInThisVersion");
        assertThat(events.get(1).phrase().args()).containsExactly(1L, "x", Phrase.duration(5));
        assertThat(events.get(1).detail(Locale.FRENCH)).as("a key this version lacks reads as its recorded English").isEqualTo("parsed");
    }
}
