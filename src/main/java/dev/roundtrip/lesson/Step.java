package dev.roundtrip.lesson;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One step of a lesson: what the teacher says, what the engine does, where to look, and
 * optionally a prediction asked before the action and a question asked after it.
 *
 * @param number 1-based, as shown to students
 * @param narration short Markdown read aloud or shown in the lesson panel
 * @param action what the engine does when the step is reached ({@link Action.Nothing} when none)
 * @param focus what the UI highlights, in the order given
 * @param checkpoint the question, or null
 * @param line the 1-based line where the step starts in its file
 * @param predict the prediction asked before the action, or null
 * @param id the step's short name ({@code send-get}), by which translations find it; null when it has none
 */
public record Step(int number, String narration, Action action, List<Focus> focus, Checkpoint checkpoint, int line, Predict predict, String id) {
    public Step {
        focus = List.copyOf(focus);
    }

    public Step(int number, String narration, Action action, List<Focus> focus, Checkpoint checkpoint, int line, Predict predict) {
        this(number, narration, action, focus, checkpoint, line, predict, null);
    }

    public Step(int number, String narration, Action action, List<Focus> focus, Checkpoint checkpoint, int line) {
        this(number, narration, action, focus, checkpoint, line, null);
    }

    /** How a translation names this step: its {@code id}, else its number ("3"). */
    public String key() {
        return id != null ? id : String.valueOf(number);
    }

    /** Whether the step asks the student anything (a prediction or a question). */
    public boolean asks() {
        return checkpoint != null || predict != null;
    }

    /** Every readout to take after the action: those of the question, the prediction and their claims. */
    public Set<String> readoutsNeeded() {
        Set<String> names = new TreeSet<>();
        if (checkpoint != null) names.addAll(checkpoint.readoutsNeeded());
        if (predict != null) names.addAll(predict.guess().readoutsNeeded());
        return names;
    }
}
