package dev.roundtrip.lesson;

/**
 * One step's results for the teacher: the prediction and how it compared, the explanation, the
 * last answer and its verdict, the measurement, and the time taken. Null where the step did not
 * ask for it or the student has not given it.
 *
 * @param question the checkpoint's question, or the prediction's when the step asks only that
 * @param predictionVerdict the prediction judged against {@code predictedAgainst}
 * @param measured what the answer is judged against (the prediction's readout when there is no checkpoint)
 * @param attempts answers checked (unreadable input not counted)
 * @param seconds from the step being shown to the student's last answer (prediction, explanation or answer)
 */
public record StepResult(int step, String question, String prediction, CheckResult.Verdict predictionVerdict,
                         ReadoutValue predictedAgainst, String explanation, String answer, CheckResult.Verdict verdict,
                         ReadoutValue measured, int attempts, Double seconds) {}
