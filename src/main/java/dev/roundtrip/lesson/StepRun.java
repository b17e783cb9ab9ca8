package dev.roundtrip.lesson;

import dev.roundtrip.trace.Phrase;
import java.util.Map;

/**
 * What happened when a step's action ran.
 *
 * @param report one line for the teacher: what was done and what the engine did, as a phrase, so that it
 *     reads in the language in use when it is shown, not the one the step ran in; null for a step without an action
 * @param measured the checkpoint's readout, taken right after the action (null when the step has
 *     no checkpoint or a fixed multiple-choice one)
 * @param readings every readout the step needs ({@link Step#readoutsNeeded()}), taken at the same moment
 */
public record StepRun(Step step, Phrase report, ReadoutValue measured, Map<String, ReadoutValue> readings) {
    public StepRun {
        readings = Map.copyOf(readings);
    }

    /** The report in the language in use; "" for a step without an action. */
    public String reportInUse() {
        return report == null ? "" : report.inUse();
    }

    /** A readout taken after the action, or "not available" when the step did not take it. */
    public ReadoutValue reading(String name) {
        ReadoutValue v = readings.get(name);
        return v != null ? v : ReadoutValue.unavailable(name, Phrase.of("lesson.why.notTaken"));
    }
}
