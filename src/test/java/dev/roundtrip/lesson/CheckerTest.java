package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckerTest {
    private static Checkpoint.Numeric numeric(Tolerance t) {
        return new Checkpoint.Numeric("How many?", "stage.parse.bytes", t, "bytes", List.of(), "Yes, {measured}.", "No.");
    }

    @Test
    void exactNumbersAcceptUnitsAndSeparators() {
        ReadoutValue m = ReadoutValue.number("stage.parse.bytes", 1234);
        assertThat(Checker.check(numeric(Tolerance.EXACT), "1,234 bytes", m).verdict()).isEqualTo(CheckResult.Verdict.CORRECT);
        assertThat(Checker.check(numeric(Tolerance.EXACT), "1234", m).message()).isEqualTo("Yes, 1234.");
        CheckResult low = Checker.check(numeric(Tolerance.EXACT), "1233", m);
        assertThat(low.verdict()).isEqualTo(CheckResult.Verdict.WRONG);
        assertThat(low.message()).isEqualTo("No. Your answer is lower than what was measured.");
        assertThat(Checker.check(numeric(Tolerance.EXACT), "lots", m).verdict()).isEqualTo(CheckResult.Verdict.INVALID_INPUT);
    }

    @Test
    void tolerancesAreAbsoluteOrAPercentageOfTheMeasurement() {
        ReadoutValue m = ReadoutValue.number("x", 300);
        assertThat(Checker.check(numeric(new Tolerance(10, true)), "330", m).passed()).isTrue();
        assertThat(Checker.check(numeric(new Tolerance(10, true)), "331", m).passed()).isFalse();
        assertThat(Checker.check(numeric(new Tolerance(5, false)), "295", m).passed()).isTrue();
        assertThat(Checker.check(numeric(new Tolerance(5, false)), "294.9", m).passed()).isFalse();
        // judged against the value as shown: 312.42 for 312.4237
        assertThat(Checker.check(numeric(Tolerance.EXACT), "312.42", ReadoutValue.number("x", 312.4237)).passed()).isTrue();
    }

    @Test
    void anUnmeasurableReadoutIsNotCountedAndSaysWhy() {
        CheckResult r = Checker.check(numeric(Tolerance.EXACT), "7", ReadoutValue.unavailable("x", dev.roundtrip.trace.Phrase.of("lesson.asWritten", "no /proc/net/tcp on this system")));
        assertThat(r.verdict()).isEqualTo(CheckResult.Verdict.NOT_MEASURABLE);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).contains("no /proc/net/tcp on this system").contains("not counted");
    }

    @Test
    void aChoiceQuestionWhoseMeasurementNoChoiceHasIsNotJudged() {
        Checkpoint.MultipleChoice c = new Checkpoint.MultipleChoice("Which?", "response.status", List.of(
                new Checkpoint.Choice("200 OK", "200", false, ""), new Checkpoint.Choice("404", "404", false, "")), List.of(), "", "");
        CheckResult r = Checker.check(c, "1", ReadoutValue.number("response.status", 302));
        assertThat(r.verdict()).isEqualTo(CheckResult.Verdict.NOT_MEASURABLE);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).contains("302").contains("none of the answers");
    }

    @Test
    void feedbackIsTemplatedFromReadoutsAndANoteIsSaidOnlyWhenItsConditionHolds() {
        Checkpoint.Numeric n = new Checkpoint.Numeric("Saved?", "nagle.savedMs", new Tolerance(25, true), "ms", List.of(),
                "About {measured} ms, with {nagle.nodelayOn.ms} left.", "No.", null,
                List.of(new Checkpoint.Note(Condition.parse("30..60", "nagle.savedMs", true), "One delayed-ACK timeout.")));
        java.util.Map<String, ReadoutValue> others = java.util.Map.of("nagle.nodelayOn.ms", ReadoutValue.number("nagle.nodelayOn.ms", 1.5));
        assertThat(Checker.check(n, "41", ReadoutValue.number("nagle.savedMs", 41), others).message())
                .isEqualTo("About 41 ms, with 1.5 left. One delayed-ACK timeout.");
        assertThat(Checker.check(n, "5", ReadoutValue.number("nagle.savedMs", 5), others).message())
                .as("5 ms is no delayed-ACK timeout: the claim is left out").isEqualTo("About 5 ms, with 1.5 left.");
    }

    @Test
    void conditionsCompareValuesRangesAndOtherReadouts() {
        java.util.Map<String, ReadoutValue> m = java.util.Map.of("stage.parse.bytes", ReadoutValue.number("stage.parse.bytes", 83),
                "stage.send.bytes", ReadoutValue.number("stage.send.bytes", 83), "exchange.outcome", ReadoutValue.text("exchange.outcome", "timeout"));
        assertThat(Condition.parse("== stage.send.bytes", "stage.parse.bytes", false).test(m::get)).isEqualTo(Condition.Outcome.HOLDS);
        assertThat(Condition.parse(">= 1048576", "stage.parse.bytes", false).test(m::get)).isEqualTo(Condition.Outcome.FAILS);
        assertThat(Condition.parse(">= 1048576", "stage.parse.bytes", false).describe(m::get)).isEqualTo("expected stage.parse.bytes >= 1048576, measured 83");
        assertThat(Condition.parse("80..90", "stage.parse.bytes", false).test(m::get)).isEqualTo(Condition.Outcome.HOLDS);
        assertThat(Condition.parse("in timeout, cancelled", "exchange.outcome", false).test(m::get)).isEqualTo(Condition.Outcome.HOLDS);
        assertThat(Condition.parse("!= timeout", "exchange.outcome", false).test(m::get)).isEqualTo(Condition.Outcome.FAILS);
        assertThat(Condition.parse("< 5", "stage.interpret.bytes", false).test(m::get)).isEqualTo(Condition.Outcome.UNMEASURED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Condition.parse(">= fast", "stage.parse.bytes", false))
                .hasMessageContaining("expected a number, a range (250..400) or a readout");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Condition.parse("> 3", "exchange.outcome", false))
                .hasMessageContaining("is a word");
    }

    @Test
    void choicesArePickedByNumberLetterOrTextAndJudgedByTheReadout() {
        Checkpoint.MultipleChoice c = new Checkpoint.MultipleChoice("Which?", "response.status", List.of(
                new Checkpoint.Choice("200 OK", "200", false, ""),
                new Checkpoint.Choice("404 Not Found", "404", false, "Look again.")), List.of(), "", "");
        ReadoutValue m = ReadoutValue.number("response.status", 404);
        assertThat(Checker.check(c, "2", m).verdict()).isEqualTo(CheckResult.Verdict.CORRECT);
        assertThat(Checker.check(c, "b", m).verdict()).isEqualTo(CheckResult.Verdict.CORRECT);
        assertThat(Checker.check(c, "404 not found", m).verdict()).isEqualTo(CheckResult.Verdict.CORRECT);
        assertThat(Checker.check(c, "1", m).verdict()).isEqualTo(CheckResult.Verdict.WRONG);
        assertThat(Checker.check(c, "3", m).verdict()).isEqualTo(CheckResult.Verdict.INVALID_INPUT);
        assertThat(Checker.rightAnswer(c, m)).isEqualTo("2. 404 Not Found");
        assertThat(Checker.rightAnswer(c, ReadoutValue.number("response.status", 500))).isEmpty();
    }

    @Test
    void aRightChoiceThatSaysWhyIsNotFollowedByAPlainRight() {
        Checkpoint.MultipleChoice c = new Checkpoint.MultipleChoice("Which?", null, List.of(
                new Checkpoint.Choice("a", null, true, "One request for everything."),
                new Checkpoint.Choice("b", null, false, "It asks every 500 ms.")), List.of(), null, null);
        assertThat(Checker.check(c, "a", null).message()).isEqualTo("One request for everything.");
        assertThat(Checker.check(c, "b", null).message()).isEqualTo("It asks every 500 ms.");
    }

    @Test
    void fixedChoicesUseTheLessonsMark() {
        Checkpoint.MultipleChoice c = new Checkpoint.MultipleChoice("Which?", null, List.of(
                new Checkpoint.Choice("a", null, false, "Not this one."),
                new Checkpoint.Choice("b", null, true, "")), List.of(), "Right.", "Try again.");
        assertThat(Checker.check(c, "a", null).message()).isEqualTo("Not this one. Try again.");
        assertThat(Checker.check(c, "b", null).message()).isEqualTo("Right.");
    }
}
