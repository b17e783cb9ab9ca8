package dev.roundtrip.lesson;

/**
 * A prediction the student commits to before the step's action runs: a number or a choice, judged
 * afterwards against {@code guess.readout()}; then the panel shows the prediction beside the
 * measurement and asks for an explanation.
 *
 * @param guess the prediction question (always tied to a readout)
 * @param explainQuestion asked once the measurement is shown
 * @param explainChoices explanations to pick from (the right ones marked), or null for a free-text line
 */
public record Predict(Checkpoint guess, String explainQuestion, Checkpoint.MultipleChoice explainChoices) {
    public static final String DEFAULT_EXPLAIN = "In one line: why is the measurement what it is, and what did your prediction miss (if anything)?";

    public boolean freeText() {
        return explainChoices == null;
    }
}
