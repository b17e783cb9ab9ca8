package dev.roundtrip.lesson;

/**
 * The verdict on one answer to a checkpoint.
 *
 * @param message what to tell the student: the lesson's feedback, or why the input was not read
 * @param measured the live readout the answer was checked against (null for fixed questions)
 * @param rightAnswer the right answer as a student would type or pick it ("78", or "2. 404 Not
 *     Found"), or empty when none exists (no choice matches the measurement)
 */
public record CheckResult(Verdict verdict, String message, ReadoutValue measured, String rightAnswer) {
    public enum Verdict {
        CORRECT,
        WRONG,
        /** The input could not be read (not a number, no such choice); nothing was counted. */
        INVALID_INPUT,
        /**
         * The question cannot be judged in this run: its readout could not be measured (another OS,
         * nothing held) or no choice has the measured value. Not counted, not saved as progress.
         */
        NOT_MEASURABLE
    }

    /** Whether the answer counts as right (only a judged, right answer does). */
    public boolean passed() {
        return verdict == Verdict.CORRECT;
    }
}
