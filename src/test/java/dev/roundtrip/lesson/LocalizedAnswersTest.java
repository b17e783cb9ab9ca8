package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.text.Texts;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A number is read and shown as students of the language in use write it; lesson files and result files keep the point. */
class LocalizedAnswersTest {
    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void answersInEnglishReadTheCommaAsGroupingUnlessItIsADecimalComma() {
        Texts.use(Locale.ENGLISH);
        assertThat(Checker.parseAnswer("1,234 bytes")).isEqualTo(1234);
        assertThat(Checker.parseAnswer("1,234,567")).isEqualTo(1234567);
        assertThat(Checker.parseAnswer("1,234.5")).isEqualTo(1234.5);
        assertThat(Checker.parseAnswer("90.01 ms")).isEqualTo(90.01);
        assertThat(Checker.parseAnswer("90,5")).isEqualTo(90.5);
        assertThat(Checker.parseAnswer("40ms")).isEqualTo(40);
        assertThat(Checker.parseAnswer(".5")).isEqualTo(0.5);
        assertThat(Checker.parseAnswer("-3")).isEqualTo(-3);
        assertThat(Checker.parseAnswer("about 3")).isNull();
        assertThat(Checker.parseAnswer("1.2.3")).isNull();
    }

    @Test
    void answersInGermanFrenchAndSpanishTakeTheCommaAsTheDecimalSeparator() {
        for (Locale l : List.of(Locale.GERMAN, Locale.FRENCH, Texts.SPANISH)) {
            Texts.use(l);
            assertThat(Checker.parseAnswer("90,01 ms")).as(l.toString()).isEqualTo(90.01);
            assertThat(Checker.parseAnswer("1.234,5")).as(l.toString()).isEqualTo(1234.5);
            assertThat(Checker.parseAnswer("1.234 Bytes")).as(l.toString()).isEqualTo(1234);
            assertThat(Checker.parseAnswer("1 234,5")).as(l.toString()).isEqualTo(1234.5);
            assertThat(Checker.parseAnswer("1\u202f234 octets")).as(l.toString()).isEqualTo(1234);
            assertThat(Checker.parseAnswer("90.5")).as(l.toString()).isEqualTo(90.5);
            assertThat(Checker.parseAnswer("1,2,3")).as(l.toString()).isNull();
        }
    }

    @Test
    void aMeasurementIsShownAndJudgedInTheLanguageButWrittenToFilesWithAPoint() {
        Checkpoint.Numeric q = new Checkpoint.Numeric("How long?", "exchange.ms", new Tolerance(0, false), "ms", List.of(), "{measured} ms.", "");
        ReadoutValue measured = ReadoutValue.number("exchange.ms", 90.014);
        Texts.use(Locale.GERMAN);
        assertThat(measured.display()).isEqualTo("90,01");
        assertThat(measured.plain()).isEqualTo("90.01");
        CheckResult r = Checker.check(q, "90,01", measured);
        assertThat(r.verdict()).isEqualTo(CheckResult.Verdict.CORRECT);
        assertThat(r.message()).isEqualTo("90,01 ms.");
        assertThat(r.rightAnswer()).isEqualTo("90,01");
        assertThat(Checker.check(q, "90.01", measured).verdict()).isEqualTo(CheckResult.Verdict.CORRECT);
        assertThat(ReadoutValue.number("x", 1048576).display()).isEqualTo("1048576");
        Texts.use(Locale.ENGLISH);
        assertThat(measured.display()).isEqualTo("90.01");
        // a lesson file's numbers do not depend on the language: "1,234" there is always 1234
        Texts.use(Locale.GERMAN);
        assertThat(Checker.parseNumber("1,234")).isEqualTo(1234);
    }

    @Test
    void anAnswerJudgedAgainAfterALanguageSwitchIsReadAsItWasTyped() {
        Checkpoint.Numeric q = new Checkpoint.Numeric("How many?", "stage.respond.bytes", new Tolerance(0, false), "bytes", List.of(), "", "");
        ReadoutValue measured = ReadoutValue.number("stage.respond.bytes", 1500);
        Texts.use(Locale.GERMAN); // "1,500" typed in English is 1500; read in German it would be 1.5
        CheckResult again = Checker.check(q, "1,500", measured, java.util.Map.of(), Locale.ENGLISH);
        assertThat(again.verdict()).isEqualTo(CheckResult.Verdict.CORRECT);
        assertThat(again.message()).isEqualTo("Richtig: Die Messung sagt 1500.");
        assertThat(Checker.check(q, "1,500", measured).verdict()).isEqualTo(CheckResult.Verdict.WRONG);
    }

    @Test
    void theCheckerSpeaksTheLanguageInUse() {
        Checkpoint.Numeric q = new Checkpoint.Numeric("Wie viele?", "stage.parse.bytes", new Tolerance(0, false), "Bytes", List.of(), "", "");
        ReadoutValue measured = ReadoutValue.number("stage.parse.bytes", 83);
        Texts.use(Locale.GERMAN);
        assertThat(Checker.check(q, "90", measured).message()).isEqualTo("Deine Antwort liegt über dem, was gemessen wurde.");
        assertThat(Checker.check(q, "83", measured).message()).isEqualTo("Richtig: Die Messung sagt 83.");
        assertThat(Checker.check(q, "viele", measured).message()).isEqualTo("Gib eine Zahl ein, zum Beispiel 42 (Bytes).");
        ReadoutValue notHeld = ReadoutValue.unavailable("kernel.server.rxQueue", dev.roundtrip.trace.Phrase.of("lesson.why.neverHeld", "parse"));
        assertThat(notHeld.display()).isEqualTo("nicht verfügbar (der Austausch wurde nie vor parse angehalten: erst einen Haltepunkt oder den Schrittmodus setzen)");
        assertThat(notHeld.plain()).as("files keep English").isEqualTo("not available (the exchange was never held before parse: set a breakpoint or step mode first)");
        Texts.use(Locale.FRENCH);
        assertThat(Checker.check(q, "80", measured).message()).isEqualTo("Ta réponse est plus basse que ce qui a été mesuré.");
        Texts.use(Locale.ENGLISH);
        assertThat(Checker.check(q, "80", measured).message()).isEqualTo("Your answer is lower than what was measured.");
    }
}
