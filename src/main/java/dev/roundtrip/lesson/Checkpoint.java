package dev.roundtrip.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A question asked at the end of a step (or, as a step's {@code predict}, before its action). */
public sealed interface Checkpoint {
    /** {@code {name}} in a feedback text: the value of that readout (or {@code {measured}}). */
    Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][\\w.]*)}");

    String question();

    /** Hints, shown one at a time on request. */
    List<String> hints();

    /** Said when the answer is right ({@code {measured}} is replaced by the live value). */
    String feedbackCorrect();

    /** Said when the answer is wrong. */
    String feedbackWrong();

    /** The readout the answer is checked against, or null for a fixed multiple-choice question. */
    String readout();

    /** What the engine must show for the narration to be true (checked by rehearsals), or null. */
    Expect expect();

    /** Claims added to the right answer's feedback only when their condition holds for the measurement. */
    List<Note> notes();

    /** Every readout this question's claims and texts refer to, its own included. */
    default Set<String> readoutsNeeded() {
        Set<String> names = new TreeSet<>();
        if (readout() != null) names.add(readout());
        if (expect() != null) names.addAll(expect().condition().readouts());
        List<String> texts = new ArrayList<>(List.of(feedbackCorrect(), feedbackWrong()));
        for (Note n : notes()) {
            names.addAll(n.when().readouts());
            texts.add(n.text());
        }
        if (this instanceof MultipleChoice mc) for (Choice c : mc.choices()) texts.add(c.feedback());
        for (String t : texts) {
            Matcher m = PLACEHOLDER.matcher(t == null ? "" : t);
            while (m.find()) if (ReadoutCatalog.find(m.group(1)).isPresent()) names.add(m.group(1));
        }
        return names;
    }

    /**
     * What a rehearsal checks.
     *
     * @param line the 1-based line of {@code expect:} in the lesson file, for "file:line: expected ..., measured ..."
     */
    record Expect(Condition condition, int line) {}

    /** A feedback claim that is said only when {@code when} holds for what was measured. */
    record Note(Condition when, String text) {}

    /**
     * A number checked against a live readout, within a tolerance.
     *
     * @param unit shown after the input field ("bytes", "ms"), may be empty
     */
    record Numeric(String question, String readout, Tolerance tolerance, String unit, List<String> hints,
                   String feedbackCorrect, String feedbackWrong, Expect expect, List<Note> notes) implements Checkpoint {
        public Numeric {
            hints = List.copyOf(hints);
            notes = List.copyOf(notes);
        }

        public Numeric(String question, String readout, Tolerance tolerance, String unit, List<String> hints,
                       String feedbackCorrect, String feedbackWrong) {
            this(question, readout, tolerance, unit, hints, feedbackCorrect, feedbackWrong, null, List.of());
        }
    }

    /**
     * Multiple choice. With a {@code readout}, the right choice is the one whose {@code value}
     * equals the live readout; without one, the choices marked {@code correct} are right.
     */
    record MultipleChoice(String question, String readout, List<Choice> choices, List<String> hints,
                          String feedbackCorrect, String feedbackWrong, Expect expect, List<Note> notes) implements Checkpoint {
        public MultipleChoice {
            choices = List.copyOf(choices);
            hints = List.copyOf(hints);
            notes = List.copyOf(notes);
        }

        public MultipleChoice(String question, String readout, List<Choice> choices, List<String> hints,
                              String feedbackCorrect, String feedbackWrong) {
            this(question, readout, choices, hints, feedbackCorrect, feedbackWrong, null, List.of());
        }
    }

    /**
     * One answer offered.
     *
     * @param value compared with the readout (readout questions only), else null
     * @param feedback said when this choice is picked, may be empty
     */
    record Choice(String text, String value, boolean correct, String feedback) {}
}
