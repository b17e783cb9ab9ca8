package dev.roundtrip.lesson;

import java.util.List;

/** A question asked at the end of a step. */
public sealed interface Checkpoint {
    String question();

    /** Hints, shown one at a time on request. */
    List<String> hints();

    /** Said when the answer is right ({@code {measured}} is replaced by the live value). */
    String feedbackCorrect();

    /** Said when the answer is wrong. */
    String feedbackWrong();

    /** The readout the answer is checked against, or null for a fixed multiple-choice question. */
    String readout();

    /**
     * A number checked against a live readout, within a tolerance.
     *
     * @param unit shown after the input field ("bytes", "ms"), may be empty
     */
    record Numeric(String question, String readout, Tolerance tolerance, String unit, List<String> hints,
                   String feedbackCorrect, String feedbackWrong) implements Checkpoint {
        public Numeric {
            hints = List.copyOf(hints);
        }
    }

    /**
     * Multiple choice. With a {@code readout}, the right choice is the one whose {@code value}
     * equals the live readout; without one, the choices marked {@code correct} are right.
     */
    record MultipleChoice(String question, String readout, List<Choice> choices, List<String> hints,
                          String feedbackCorrect, String feedbackWrong) implements Checkpoint {
        public MultipleChoice {
            choices = List.copyOf(choices);
            hints = List.copyOf(hints);
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
