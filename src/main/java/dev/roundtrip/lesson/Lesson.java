package dev.roundtrip.lesson;

import java.util.List;
import java.util.Locale;

/**
 * A classroom session: a story told in steps, each driving the real engine.
 *
 * @param id the file name without {@code .yaml}, such as {@code 01-the-dance}
 * @param source where it was loaded from, as shown in error messages
 * @param language the language of its texts: English, or the translation's (whose missing texts are English)
 */
public record Lesson(String id, String title, Level level, List<String> goals, List<Step> steps, String source, Locale language) {
    public Lesson {
        goals = List.copyOf(goals);
        steps = List.copyOf(steps);
    }

    public Lesson(String id, String title, Level level, List<String> goals, List<Step> steps, String source) {
        this(id, title, level, goals, steps, source, Locale.ENGLISH);
    }

    public int checkpointCount() {
        return (int) steps.stream().filter(s -> s.checkpoint() != null).count();
    }
}
