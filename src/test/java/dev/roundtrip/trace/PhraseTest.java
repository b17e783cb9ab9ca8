package dev.roundtrip.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PhraseTest {
    @Test
    void aPhraseIsItsEnglishForRecordingsAndItsTranslationForPeople() {
        Phrase p = Phrase.of("server.socketRead", 1, 1500);
        assertThat(p.english()).isEqualTo("socket read #1: 1500 bytes");
        assertThat(p.in(Locale.GERMAN)).isEqualTo("Socket-Lesevorgang #1: 1500 Bytes");
        assertThat(p.in(Locale.FRENCH)).isEqualTo("lecture socket #1 : 1500 octets");
        assertThat(p.in(Locale.forLanguageTag("es"))).isEqualTo("lectura de socket #1: 1500 bytes");
        assertThat(p.in(Locale.JAPANESE)).as("an unsupported language reads English").isEqualTo(p.english());
    }

    @Test
    void durationsSizesOrdinalsAndInnerPhrasesAreWrittenInTheLanguageOfTheWhole() {
        Phrase p = Phrase.of("client.reused", 3, Phrase.ordinal(2), Phrase.of("client.writes", 78));
        assertThat(p.english()).isEqualTo("connection #3 reused (2nd exchange on it): the client writes its request: 78 bytes");
        assertThat(p.in(Locale.GERMAN)).isEqualTo("Verbindung #3 wiederverwendet (2. Austausch auf ihr): der Client schreibt seine Anfrage: 78 Bytes");
        assertThat(Phrase.of("client.connected", 7, Phrase.duration(1_230_000)).in(Locale.GERMAN)).startsWith("Verbindung #7 in 1,23 ms aufgebaut");
        assertThat(Phrase.of("server.dbIn", Phrase.size(1536), Phrase.duration(48_000)).in(Locale.FRENCH)).isEqualTo(
                "base → serveur : 1,5 KiB, 48 µs après le premier octet envoyé");
        assertThat(Phrase.ordinal(11).in(Locale.ENGLISH)).isEqualTo("11th");
        assertThat(Phrase.ordinal(22).in(Locale.ENGLISH)).isEqualTo("22nd");
        assertThat(Phrase.ordinal(1).in(Locale.FRENCH)).isEqualTo("1er");
    }

    @Test
    void pluralsFollowTheCount() {
        assertThat(Phrase.of("server.responseQueued", 120, 1).english()).isEqualTo("the response (120 bytes in 1 socket write) is in the kernel's send queue");
        assertThat(Phrase.of("server.responseQueued", 120, 2).english()).isEqualTo("the response (120 bytes in 2 socket writes) is in the kernel's send queue");
        assertThat(Phrase.of("server.responseQueued", 120, 2).in(Locale.GERMAN)).contains("2 Socket-Schreibvorgängen");
    }

    @Test
    void aRecordedPhraseEqualsTheLiveOneAndKeepsTheEnglishItWasRecordedWith() {
        Phrase live = Phrase.of("server.socketRead", 1, 78);
        Phrase read = Phrase.recorded("server.socketRead", List.of(1L, 78L), "socket read #1: 78 bytes");
        assertThat(read).isEqualTo(live).hasSameHashCodeAs(live);
        Phrase newer = Phrase.recorded("server.fromANewerRoundtrip", List.of(5L), "a text this version does not know");
        assertThat(newer.in(Locale.GERMAN)).isEqualTo("a text this version does not know");
        assertThatThrownBy(() -> Phrase.recorded("Not a key", List.of(), "x")).hasMessageContaining("not a text key");
        assertThatThrownBy(() -> Phrase.recorded("server.socketRead", List.of(new Object()), "x")).hasMessageContaining("a text argument");
    }

    @Test
    void anEventWithAPhraseBuildsNoDetailUntilAskedAndSharesEqualPhrases() {
        StageEvent a = event(Phrase.of("server.socketWrite", 4, 99));
        StageEvent b = event(Phrase.of("server.socketWrite", 4, 99));
        assertThat(a.phrase()).isSameAs(b.phrase());
        assertThat(a.detail()).isEqualTo("socket write #4: 99 bytes");
        assertThat(a.detail(Locale.GERMAN)).isEqualTo("Socket-Schreibvorgang #4: 99 Bytes");
        assertThat(a).isEqualTo(b);
        StageEvent text = new StageEvent(1, 1, Stage.PARSE, Phase.PROGRESS, Actor.SERVER, 0, "t", "an old text", null, null, null, null, null);
        assertThat(text.detail(Locale.GERMAN)).as("a detail without a phrase is shown as it is").isEqualTo("an old text");
    }

    private static StageEvent event(Phrase p) {
        return StageEvent.at(1, 1, Stage.RESPOND, Phase.PROGRESS, Actor.SERVER, 10).detail(p).build();
    }
}
