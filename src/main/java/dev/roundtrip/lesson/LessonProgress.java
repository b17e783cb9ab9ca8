package dev.roundtrip.lesson;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far one user got in one lesson.
 *
 * @param currentStep the 1-based step the user was on
 * @param completedSteps 1-based numbers of the steps done (visited, and their questions answered right)
 * @param updatedAt when this was last saved
 * @param predictions per step with a prediction: whether it came out right (counted apart from answers)
 */
public record LessonProgress(String lessonId, int currentStep, Set<Integer> completedSteps, Instant updatedAt,
                             Map<Integer, Boolean> predictions) {
    public LessonProgress {
        completedSteps = Set.copyOf(completedSteps);
        predictions = Map.copyOf(predictions);
        if (currentStep < 1) throw new IllegalArgumentException("steps are numbered from 1");
    }

    public LessonProgress(String lessonId, int currentStep, Set<Integer> completedSteps, Instant updatedAt) {
        this(lessonId, currentStep, completedSteps, updatedAt, Map.of());
    }

    public static LessonProgress fresh(String lessonId) {
        return new LessonProgress(lessonId, 1, Set.of(), Instant.EPOCH);
    }

    /** Fraction of the lesson's steps done, 0 to 1. */
    public double completion(int stepCount) {
        if (stepCount <= 0) return 0;
        long done = completedSteps.stream().filter(n -> n >= 1 && n <= stepCount).count();
        return (double) done / stepCount;
    }

    public boolean isStarted() {
        return !completedSteps.isEmpty() || currentStep > 1;
    }

    /** Predictions that came out right. */
    public long predictionsRight() {
        return predictions.values().stream().filter(b -> b).count();
    }

    public LessonProgress at(int step, Instant now) {
        return new LessonProgress(lessonId, step, completedSteps, now, predictions);
    }

    public LessonProgress withCompleted(int step, Instant now) {
        Set<Integer> done = new TreeSet<>(completedSteps);
        done.add(step);
        return new LessonProgress(lessonId, currentStep, done, now, predictions);
    }

    public LessonProgress withPrediction(int step, boolean right, Instant now) {
        Map<Integer, Boolean> p = new TreeMap<>(predictions);
        p.put(step, right);
        return new LessonProgress(lessonId, currentStep, completedSteps, now, p);
    }
}
