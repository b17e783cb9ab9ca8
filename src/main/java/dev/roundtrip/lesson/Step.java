package dev.roundtrip.lesson;

import java.util.List;

/**
 * One step of a lesson: what the teacher says, what the engine does, where to look, and
 * optionally a question.
 *
 * @param number 1-based, as shown to students
 * @param narration short Markdown read aloud or shown in the lesson panel
 * @param action what the engine does when the step is reached ({@link Action.Nothing} when none)
 * @param focus what the UI highlights, in the order given
 * @param checkpoint the question, or null
 * @param line the 1-based line where the step starts in its file
 */
public record Step(int number, String narration, Action action, List<Focus> focus, Checkpoint checkpoint, int line) {
    public Step {
        focus = List.copyOf(focus);
    }
}
