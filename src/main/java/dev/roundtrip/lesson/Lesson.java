package dev.roundtrip.lesson;

import java.util.List;

/**
 * A classroom session: a story told in steps, each driving the real engine.
 *
 * @param id the file name without {@code .yaml}, such as {@code 01-the-dance}
 * @param source where it was loaded from, as shown in error messages
 */
public record Lesson(String id, String title, Level level, List<String> goals, List<Step> steps, String source) {
    public Lesson {
        goals = List.copyOf(goals);
        steps = List.copyOf(steps);
    }

    public int checkpointCount() {
        return (int) steps.stream().filter(s -> s.checkpoint() != null).count();
    }
}
