package dev.roundtrip.lesson;

/**
 * What happened when a step's action ran.
 *
 * @param report one line for the teacher: what was done and what the engine did
 * @param measured the checkpoint's readout, taken right after the action (null when the step has
 *     no checkpoint or a fixed multiple-choice one)
 */
public record StepRun(Step step, String report, ReadoutValue measured) {}
