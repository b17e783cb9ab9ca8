package dev.roundtrip.ui.lessons;

import dev.roundtrip.lesson.Lesson;
import dev.roundtrip.lesson.LessonError;
import dev.roundtrip.lesson.LessonProgress;
import dev.roundtrip.lesson.LessonSet;
import dev.roundtrip.lesson.ProgressStore;
import dev.roundtrip.ui.util.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lesson browser's state: every lesson that loaded, with the user's progress, and the errors of
 * the files that did not (a broken file never hides the good ones). {@link #load} reads files and
 * runs on the background runner; {@link #show} applies the result on the FX thread.
 */
public final class LessonBrowserViewModel {
    /**
     * One lesson as listed.
     *
     * @param number the id's leading number ("01"), or empty
     * @param progressText "not started", "step 3 of 5" or "done"
     */
    public record Row(String id, String number, String title, String level, List<String> goals, int steps,
                      double completion, String progressText) {
        public Row {
            goals = List.copyOf(goals);
        }

        /** What a screen reader says for the row: number, title, level, progress, steps and goals. */
        public String spoken() {
            return dev.roundtrip.ui.access.Speech.get("lessonRow", number, title, LessonPanelViewModel.T.get("level." + level),
                    progressText, steps, String.join("; ", goals));
        }
    }

    /** What one load found. */
    public record Loaded(LessonSet set, List<Row> rows) {}

    private final Supplier<LessonSet> loader;
    private final Supplier<ProgressStore> store;
    private final TaskRunner io;
    private final Executor fx;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(LessonPanelViewModel.T.get("browser.loading"));
    private LessonSet set = new LessonSet(List.of(), List.of());

    /**
     * @param store the user's progress, read on each {@link #load} (off the FX thread)
     * @param io where files are read; {@code fx} where the result is shown
     */
    public LessonBrowserViewModel(Supplier<LessonSet> loader, Supplier<ProgressStore> store, TaskRunner io, Executor fx) {
        this.loader = loader;
        this.store = store;
        this.io = io;
        this.fx = fx;
    }

    /** Reads the lesson files and the saved progress (any thread). */
    public Loaded load() {
        LessonSet s = loader.get();
        List<Row> out = new ArrayList<>();
        ProgressStore progress = store.get();
        for (Lesson l : s.lessons()) out.add(row(l, progress == null ? LessonProgress.fresh(l.id()) : progress.get(l.id())));
        return new Loaded(s, out);
    }

    /** Shows what {@link #load} found (FX thread). */
    public void show(Loaded loaded) {
        set = loaded.set();
        rows.setAll(loaded.rows());
        errors.setAll(loaded.set().errors().stream().map(LessonError::toString).toList());
        int n = rows.size();
        int bad = (int) loaded.set().errors().stream().map(LessonError::file).distinct().count();
        summary.set(LessonPanelViewModel.T.get("browser.count", n) + (bad == 0 ? "" : "  ·  " + LessonPanelViewModel.T.get("browser.badFiles", bad)));
    }

    /** Loading itself failed (not one file: the whole library): say why, keep what was shown. */
    public void failed(Throwable e) {
        summary.set(LessonPanelViewModel.T.get("browser.failed", e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    /** Reads the lessons and progress again in the background and shows them; completes once shown. */
    public CompletableFuture<Void> reload() {
        return io.supply(this::load).handleAsync((loaded, failure) -> {
            if (failure == null) show(loaded);
            else failed(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            return null;
        }, fx);
    }

    static Row row(Lesson l, LessonProgress p) {
        int steps = l.steps().size();
        double done = p.completion(steps);
        String text;
        if (done >= 1) text = LessonPanelViewModel.T.get("browser.done");
        else if (!p.isStarted()) text = LessonPanelViewModel.T.get("browser.notStarted");
        else text = LessonPanelViewModel.T.get("browser.atStep", Math.min(p.currentStep(), steps), steps);
        return new Row(l.id(), leadingNumber(l.id()), l.title(), l.level().wireName(), l.goals(), steps, done, text);
    }

    /** The lesson's number as the browser shows it ("01" of "01-the-dance"), or "" when its id has none. */
    static String leadingNumber(String id) {
        int i = 0;
        while (i < id.length() && Character.isDigit(id.charAt(i))) i++;
        return id.substring(0, i);
    }

    /** The language changed: the summary is said again in it (the rows are made again at the next load). */
    public void languageChanged() {
        if (!rows.isEmpty() || !set.errors().isEmpty()) show(new Loaded(set, rows.stream().toList()));
        else summary.set(LessonPanelViewModel.T.get("browser.loading"));
    }

    public Optional<Lesson> lesson(String id) {
        return set.find(id);
    }

    public ObservableList<Row> rows() { return rows; }
    /** Each error as file:line:column: path: message. */
    public ObservableList<String> errors() { return errors; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
}
