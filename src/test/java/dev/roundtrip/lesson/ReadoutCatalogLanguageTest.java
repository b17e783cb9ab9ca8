package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.text.Texts;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What each readout measures is said in the reader's language; readout and stage names stay as lessons write them. */
class ReadoutCatalogLanguageTest {
    @Test
    void everyDescriptionIsTranslatedIntoEachLanguage() {
        for (ReadoutCatalog.Entry e : ReadoutCatalog.all()) {
            String english = e.description().english();
            assertThat(english).as(e.name()).doesNotStartWith("lesson.measures.").doesNotContain("{0").isNotBlank();
            for (Locale l : Texts.LANGUAGES.subList(1, Texts.LANGUAGES.size())) {
                assertThat(e.description().in(l)).as(e.name() + " in " + l).isNotEqualTo(english).doesNotStartWith("lesson.measures.");
            }
        }
    }

    @Test
    void aDescriptionBuiltFromPartsIsOneSentenceInOneLanguage() {
        ReadoutCatalog.Entry h1 = ReadoutCatalog.find("h1.ms").orElseThrow();
        assertThat(h1.description().english())
                .isEqualTo("time from the first request of the latest send action over HTTP/1.1 (all its count requests) beginning to the last one ending, ms");
        assertThat(h1.description().in(Locale.GERMAN))
                .isEqualTo("Zeit vom Beginn der ersten Anfrage der letzten send-Aktion über HTTP/1.1 (alle ihre count Anfragen) bis zum Ende der letzten, ms");
        assertThat(ReadoutCatalog.find("exchange.longestStage").orElseThrow().description().in(Locale.FRENCH))
                .endsWith(" : send, parse, process, respond ou interpret");
        assertThat(ReadoutCatalog.find("realtime.sse.bytes").orElseThrow().description().in(Texts.SPANISH))
                .isEqualTo("bytes que cruzaron el socket del cliente para los Server-Sent Events, en ambos sentidos");
        assertThat(ReadoutCatalog.find("response.updates").orElseThrow().description().english())
                .isEqualTo("updates in the latest response, an answer of /poll ({\"cursor\":C,\"updates\":[...]})");
    }
}
