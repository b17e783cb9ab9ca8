package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.text.Texts;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A word readout filled into feedback ({measured}) is written in the language in use; checking uses the measured word. */
class WordReadoutLanguageTest {
    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void wordsAreShownInTheLessonsLanguageAndStageNamesStayAsTheyAre() {
        ReadoutValue reused = ReadoutValue.text("connection.state", "reused");
        ReadoutValue outcome = ReadoutValue.text("outcome", "cancelled");
        ReadoutValue stage = ReadoutValue.text("longest.stage", "process");
        Map<String, ReadoutValue> readings = Map.of("outcome", outcome, "longest.stage", stage);
        String feedback = "{measured} · {outcome} · {longest.stage}";
        assertThat(Checker.fill(feedback, n -> n == null ? reused : readings.get(n))).isEqualTo("reused · cancelled · process");
        Texts.use(Locale.GERMAN);
        assertThat(Checker.fill("Die Verbindung war {measured}; der Austausch {outcome}; am längsten: {longest.stage}.",
                n -> n == null ? reused : readings.get(n))).isEqualTo("Die Verbindung war wiederverwendet; der Austausch abgebrochen; am längsten: process.");
        Texts.use(Locale.FRENCH);
        assertThat(reused.display()).isEqualTo("réutilisée");
        Texts.use(Locale.forLanguageTag("es"));
        assertThat(ReadoutValue.text("x", "timeout").display()).isEqualTo("tiempo agotado");
        assertThat(reused.plain()).as("files and checks keep the measured word").isEqualTo("reused");
    }
}
