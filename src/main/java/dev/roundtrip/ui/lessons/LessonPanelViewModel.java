package dev.roundtrip.ui.lessons;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.lesson.CheckResult;
import dev.roundtrip.lesson.Checker;
import dev.roundtrip.lesson.Checkpoint;
import dev.roundtrip.lesson.Lesson;
import dev.roundtrip.lesson.LessonRunner;
import dev.roundtrip.lesson.LessonSession;
import dev.roundtrip.lesson.NagleExperiment;
import dev.roundtrip.lesson.ProgressStore;
import dev.roundtrip.lesson.ReadoutValue;
import dev.roundtrip.lesson.Step;
import dev.roundtrip.lesson.StepRun;
import dev.roundtrip.queue.WorkQueue;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.util.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lesson panel's state: wraps a {@link LessonSession} (the player model) and re-reads it on the
 * FX thread whenever it changes. Actions run on the session's worker, so Next and Reset return at
 * once; the engine is the app's own live {@link Lab}, so a lesson's exchanges are recorded and drawn
 * like any other.
 */
public final class LessonPanelViewModel implements AutoCloseable {
    static final dev.roundtrip.text.Texts.Bundle T = dev.roundtrip.text.Texts.of("dev.roundtrip.ui.lessons.Texts");

    /** What the answer field is: choices, a number, or a free-text line (an explanation). */
    public enum QuestionKind { NONE, CHOICE, NUMBER, TEXT }

    public enum FeedbackKind { NONE, CORRECT, WRONG, INVALID, NOT_MEASURABLE }

    /** The engine's gates as the lesson left them, for the Run/Step controls. */
    public record GateState(GateMode mode, Set<Stage> breakpoints) {
        public GateState {
            breakpoints = Set.copyOf(breakpoints);
        }
    }

    /** The app's live lab as it comes up; null when the window shows a replay. */
    private final CompletableFuture<Lab> labs;
    /** That lab, once a lesson has waited for it. */
    private Lab lab;
    private final Supplier<ProgressStore> stores;
    private ProgressStore store;
    private final TaskRunner io;
    private final Executor fx;
    private LessonSession session;

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lessonId = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper narration = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<QuestionKind> questionKind = new ReadOnlyObjectWrapper<>(QuestionKind.NONE);
    private final ReadOnlyObjectWrapper<LessonSession.Phase> phase = new ReadOnlyObjectWrapper<>(LessonSession.Phase.NONE);
    private final ReadOnlyStringWrapper checkText = new ReadOnlyStringWrapper(T.get("check"));
    private final ReadOnlyStringWrapper comparison = new ReadOnlyStringWrapper("");
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final ObservableList<String> choicesView = FXCollections.unmodifiableObservableList(choices);
    private final ReadOnlyStringWrapper unit = new ReadOnlyStringWrapper("");
    private final StringProperty answer = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<FeedbackKind> feedbackKind = new ReadOnlyObjectWrapper<>(FeedbackKind.NONE);
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
    private final ObservableList<String> hints = FXCollections.observableArrayList();
    private final ObservableList<String> hintsView = FXCollections.unmodifiableObservableList(hints);
    private final ReadOnlyBooleanWrapper moreHints = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper completion = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper completionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canCheck = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper stepDone = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LessonFocus> focus = new ReadOnlyObjectWrapper<>(LessonFocus.NONE);
    private final ReadOnlyObjectWrapper<WorkQueue> queue = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper nagle = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper latestExchange = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyObjectWrapper<GateState> gates = new ReadOnlyObjectWrapper<>();
    private int shownStep = -1;
    private LessonSession.Phase shownPhase;

    /**
     * @param lab the app's live lab, or null when the window shows a replay (lessons then cannot run)
     * @param stores the user's progress, asked for on {@code io} when the first lesson opens (it reads a file)
     * @param io where files are read and a closed lesson puts the engine back
     * @param fx where the session's changes are applied (the FX thread; tests pass their own)
     */
    public LessonPanelViewModel(Lab lab, Supplier<ProgressStore> stores, TaskRunner io, Executor fx) {
        this(lab == null ? null : CompletableFuture.<Lab>completedFuture(lab), stores, io, fx);
    }

    /**
     * The same on a lab that may still be starting (the app's window shows before its engine is up):
     * a lesson opened meanwhile waits for it.
     */
    public static LessonPanelViewModel onStartingLab(CompletableFuture<Lab> lab, Supplier<ProgressStore> stores, TaskRunner io, Executor fx) {
        return new LessonPanelViewModel(lab, stores, io, fx);
    }

    private LessonPanelViewModel(CompletableFuture<Lab> lab, Supplier<ProgressStore> stores, TaskRunner io, Executor fx) {
        this.labs = lab;
        this.stores = stores;
        this.io = io;
        this.fx = fx;
    }

    public boolean canRun() {
        return labs != null;
    }

    /** Opens a lesson where the user left it and runs the actions up to that step. */
    public CompletableFuture<StepRun> open(Lesson lesson) {
        if (labs == null) {
            problem.set(T.get("problem.replay"));
            return CompletableFuture.failedFuture(new IllegalStateException(problem.get()));
        }
        if (store != null && lab != null) return start(lesson);
        CompletableFuture<ProgressStore> read = store != null ? CompletableFuture.completedFuture(store) : io.supply(stores::get);
        return read.thenCombine(labs, (s, l) -> s).whenCompleteAsync((s, e) -> {
            if (e != null) problem.set(e.getCause() == null ? e.toString() : e.getCause().getLocalizedMessage());
        }, fx).thenComposeAsync(s -> {
            if (store == null) store = s;
            lab = labs.join();
            return start(lesson);
        }, fx);
    }

    private CompletableFuture<StepRun> start(Lesson lesson) {
        closeSession(false);
        session = new LessonSession(lesson, new LessonRunner(lab), store);
        LessonSession s = session;
        s.addListener(() -> fx.execute(() -> { if (s == session) refresh(); }));
        shownStep = -1;
        open.set(true);
        // started before the first refresh: shown idle for a moment, Next would be offered and then refused
        CompletableFuture<StepRun> started = s.start();
        refresh();
        return started;
    }

    /**
     * Shows the open lesson in another language (the same lesson, translated) at the step it is on;
     * nothing runs again and nothing is lost. Call on the FX thread.
     */
    public void retell(Lesson translated) {
        LessonSession s = session;
        if (s == null || !s.lesson().id().equals(translated.id())) return;
        shownStep = -1; // the narration and the question are read again
        s.retell(translated);
        refresh();
    }

    public CompletableFuture<StepRun> next() {
        if (session == null || !session.canGoNext()) return CompletableFuture.failedFuture(new IllegalStateException("no next step"));
        return session.next();
    }

    public void back() {
        if (session != null) session.back();
    }

    /**
     * Checks {@link #answerProperty()} (a choice's number, a number, or a line of text) as what the
     * step asks now: the prediction (then the step's action runs), the explanation, or the answer.
     */
    public Optional<CheckResult> check() {
        if (session == null || !canCheck.get()) return Optional.empty();
        CheckResult r;
        switch (session.phase()) {
            case PREDICT: {
                CompletableFuture<CheckResult> f = session.predict(answer.get());
                // the step's action runs now and may fail (a capture with no server to reach): say why, the step can run again
                f.whenComplete((ok, e) -> { if (e != null) fx.execute(() -> problem.set(T.get("actionFailed", rootMessage(e)))); });
                if (!f.isDone() || f.isCompletedExceptionally()) return Optional.empty();
                r = f.join();
                break;
            }
            case EXPLAIN: r = session.explain(answer.get()); break;
            case QUESTION: r = session.answer(answer.get()); break;
            default: return Optional.empty();
        }
        show(r);
        return Optional.of(r);
    }

    /** Writes the lesson's results so far (per step: prediction, answer, measured, right, time) as CSV or JSON (by extension). */
    public CompletableFuture<Void> exportResults(java.nio.file.Path file) {
        LessonSession s = session;
        if (s == null) return CompletableFuture.failedFuture(new IllegalStateException("no lesson is open"));
        List<dev.roundtrip.lesson.StepResult> results = s.results();
        CompletableFuture<Void> written = io.supply(() -> {
            try {
                dev.roundtrip.lesson.LessonResults.write(file, s.lesson(), results);
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        written.whenComplete((ok, e) -> fx.execute(() -> {
            if (e != null) problem.set(T.get("results.failed", file, rootMessage(e)));
            else report.set(T.get("results.written", file));
        }));
        return written;
    }

    public void hint() {
        if (session != null && moreHints.get()) session.nextHint();
    }

    /** Forgets this lesson's progress and plays it again from step 1. */
    public CompletableFuture<StepRun> reset() {
        if (session == null || session.isRunning()) return CompletableFuture.failedFuture(new IllegalStateException("an action is still running"));
        session.reset();
        return session.start();
    }

    /** Closes the lesson; the engine is put back as the lesson found it, off the FX thread. */
    public void closeLesson() {
        closeSession(false);
        cleared();
    }

    /** Closes the lesson and waits until the engine is back as the lesson found it (app shutdown). */
    public void closeNow() {
        closeSession(true);
        cleared();
    }

    private void cleared() {
        open.set(false);
        title.set("");
        lessonId.set("");
        focus.set(LessonFocus.NONE);
        queue.set(null);
        problem.set("");
        shownStep = -1;
    }

    @Override
    public void close() {
        closeNow();
    }

    private void closeSession(boolean now) {
        LessonSession s = session;
        session = null;
        if (s == null) return;
        if (now) {
            s.close();
            return;
        }
        io.run(s::close);
    }

    /**
     * The status line of a step: "Lektion 01: Schritt 1 von 5", the lesson by the number the browser shows (its id
     * is English: "01-the-dance"), by its title when it has no number.
     */
    public String stepStatus(LessonSession s) {
        String number = LessonBrowserViewModel.leadingNumber(s.lesson().id());
        return T.get("status.step", number.isEmpty() ? s.lesson().title() : number, s.stepNumber(), s.stepCount());
    }

    public Optional<LessonSession> session() {
        return Optional.ofNullable(session);
    }

    /** The language changed: the step is shown again, its texts (and the lesson's, where translated) in the new one. */
    public void languageChanged() {
        shownStep = -1;
        shownPhase = null;
        refresh();
    }

    /** Re-reads the session. Runs on the FX thread (or the test's). */
    void refresh() {
        LessonSession s = session;
        if (s == null) return;
        Lesson l = s.lesson();
        Step step = s.currentStep();
        boolean isRunning = s.isRunning();
        title.set(l.title());
        lessonId.set(l.id());
        stepText.set(T.get("step", s.stepNumber(), s.stepCount()));
        LessonSession.Phase now = s.phase();
        boolean newStep = shownStep != s.stepNumber();
        if (newStep || now != shownPhase) {
            if (newStep) {
                narration.set(step.narration());
                focus.set(LessonFocus.of(step.focus()));
            }
            shownStep = s.stepNumber();
            shownPhase = now;
            answer.set("");
            phase.set(now);
            showQuestion(s, step, now);
            // the prediction beside the measurement while it is explained (and after, on a step that asks nothing more)
            comparison.set(now == LessonSession.Phase.QUESTION ? "" : compare(s, step));
            Optional<CheckResult> last = now == LessonSession.Phase.EXPLAIN ? Optional.empty()
                    : now == LessonSession.Phase.QUESTION ? s.lastResult() : s.lastResult().or(s::explanationResult);
            if (last.isPresent()) show(last.get());
            else clearFeedback();
        }
        List<String> shownHints = s.hintsShown();
        if (!shownHints.equals(hints)) hints.setAll(shownHints);
        Checkpoint c = step.checkpoint();
        // hints belong to the question: before it (a prediction, an explanation) they would give the answer away
        moreHints.set(c != null && now == LessonSession.Phase.QUESTION && shownHints.size() < c.hints().size());
        Optional<StepRun> run = s.currentRun();
        canCheck.set(!isRunning && (now == LessonSession.Phase.PREDICT || (now != LessonSession.Phase.NONE && run.isPresent())));
        report.set(isRunning ? T.get("running.report") : run.map(StepRun::reportInUse).orElse(""));
        running.set(isRunning);
        canBack.set(s.canGoBack());
        canNext.set(s.canGoNext());
        stepDone.set(s.isStepComplete(s.stepNumber()));
        double done = s.completion();
        completion.set(done);
        long predicted = s.progress().predictions().size();
        completionText.set(T.get("completion", Math.round(done * 100))
                + (predicted == 0 ? "" : " · " + T.get("completion.predictions", s.progress().predictionsRight(), predicted))
                + (isRunning ? "" : ending(s)));
        problem.set(s.problem().or(() -> store == null ? Optional.empty() : store.problem()).orElse(""));
        LessonRunner r = s.runner();
        pollQueue();
        nagle.set(r.nagle().map(LessonPanelViewModel::describe).orElse(""));
        List<Long> sent = r.exchanges();
        latestExchange.set(sent.isEmpty() ? -1 : sent.get(sent.size() - 1));
        gates.set(new GateState(lab.gates().mode(), lab.gates().breakpoints()));
    }

    /**
     * Looks for a new queue run. Called per frame as well: a queue action shows its run while it
     * is still going, before the step's action has finished.
     */
    public void pollQueue() {
        LessonSession s = session;
        WorkQueue t = s == null ? null : s.runner().queue().orElse(null);
        if (t != queue.get()) queue.set(t);
    }

    /** The question of this phase: the prediction's, the explanation's, or the checkpoint's. */
    private void showQuestion(LessonSession s, Step step, LessonSession.Phase now) {
        Checkpoint c = null;
        String text = "";
        switch (now) {
            case PREDICT: c = step.predict().guess(); text = T.get("predictFirst", c.question()); break;
            case EXPLAIN: c = step.predict().explainChoices(); text = step.predict().explainQuestion(); break;
            case QUESTION: c = step.checkpoint(); text = c.question(); break;
            default: c = step.checkpoint(); text = c == null ? "" : c.question(); break;
        }
        question.set(text);
        checkText.set(T.get(now == LessonSession.Phase.PREDICT ? "lockIn" : now == LessonSession.Phase.EXPLAIN ? "submit" : "check"));
        if (now == LessonSession.Phase.EXPLAIN && c == null) {
            questionKind.set(QuestionKind.TEXT);
            choices.clear();
            unit.set("");
        } else if (c instanceof Checkpoint.MultipleChoice mc) {
            questionKind.set(QuestionKind.CHOICE);
            choices.setAll(mc.choices().stream().map(Checkpoint.Choice::text).toList());
            unit.set("");
        } else if (c instanceof Checkpoint.Numeric n) {
            questionKind.set(QuestionKind.NUMBER);
            choices.clear();
            unit.set(n.unit());
        } else {
            questionKind.set(QuestionKind.NONE);
            choices.clear();
            unit.set("");
        }
    }

    /** "You predicted 50 ms; measured 2.31 ms: too high." once a predicted step has run. */
    private static String compare(LessonSession s, Step step) {
        if (step.predict() == null || s.currentRun().isEmpty()) return "";
        Checkpoint g = step.predict().guess();
        ReadoutValue m = s.currentRun().get().reading(g.readout());
        String unit = g instanceof Checkpoint.Numeric n && !n.unit().isEmpty() ? " " + n.unit() : "";
        String measured = !m.available() ? m.display()
                : g instanceof Checkpoint.MultipleChoice ? Checker.rightAnswer(g, m).replaceFirst("^\\d+\\. ", "") : m.display() + unit;
        Optional<String> predicted = s.prediction();
        if (predicted.isEmpty()) {
            boolean earlier = s.progress().predictions().containsKey(step.number());
            return T.get(earlier ? "compare.earlier" : "compare.none", measured);
        }
        CheckResult.Verdict v = s.predictionResult().map(CheckResult::verdict).orElse(CheckResult.Verdict.NOT_MEASURABLE);
        String you = predicted.get() + (g instanceof Checkpoint.Numeric ? unit : "");
        switch (v) {
            case CORRECT: return T.get("compare.right", you, measured);
            case WRONG: {
                Double p = Checker.parseAnswer(predicted.get());
                if (!(g instanceof Checkpoint.Numeric) || p == null) return T.get("compare.wrong", you, measured);
                return T.get(p > m.number() ? "compare.tooHigh" : "compare.tooLow", you, measured);
            }
            default: return T.get("compare.unjudged", you, measured);
        }
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) e = e.getCause();
        return e.getMessage() == null ? e.toString() : e.getLocalizedMessage();
    }

    static String describe(NagleExperiment.Result n) {
        return T.get("nagle", n.nodelayOff().medianMillis(), n.nodelayOn().medianMillis());
    }

    private void show(CheckResult r) {
        switch (r.verdict()) {
            case CORRECT: feedbackKind.set(FeedbackKind.CORRECT); break;
            case WRONG: feedbackKind.set(FeedbackKind.WRONG); break;
            case INVALID_INPUT: feedbackKind.set(FeedbackKind.INVALID); break;
            default: feedbackKind.set(FeedbackKind.NOT_MEASURABLE); break;
        }
        feedback.set(headline(r.verdict()) + " " + r.message());
    }

    private static String headline(CheckResult.Verdict v) {
        switch (v) {
            case CORRECT: return T.get("verdict.right");
            case WRONG: return T.get("verdict.wrong");
            case INVALID_INPUT: return "";
            default: return T.get("verdict.notCounted");
        }
    }

    private void clearFeedback() {
        feedbackKind.set(FeedbackKind.NONE);
        feedback.set("");
    }

    public ReadOnlyBooleanProperty openProperty() { return open.getReadOnlyProperty(); }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lessonIdProperty() { return lessonId.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stepTextProperty() { return stepText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty narrationProperty() { return narration.getReadOnlyProperty(); }
    public ReadOnlyStringProperty questionProperty() { return question.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<QuestionKind> questionKindProperty() { return questionKind.getReadOnlyProperty(); }
    /** What the step asks now: its prediction, the explanation, its question, or nothing. */
    public ReadOnlyObjectProperty<LessonSession.Phase> phaseProperty() { return phase.getReadOnlyProperty(); }
    /** The check button's text for this phase: Lock in, Submit or Check. */
    public ReadOnlyStringProperty checkTextProperty() { return checkText.getReadOnlyProperty(); }
    /** The prediction beside the measurement, once a predicted step has run; empty otherwise. */
    public ReadOnlyStringProperty comparisonProperty() { return comparison.getReadOnlyProperty(); }
    public ObservableList<String> choices() { return choicesView; }
    public ReadOnlyStringProperty unitProperty() { return unit.getReadOnlyProperty(); }
    /** The answer being given: the choice's number (1-based) or the number typed. */
    public StringProperty answerProperty() { return answer; }
    public ReadOnlyObjectProperty<FeedbackKind> feedbackKindProperty() { return feedbackKind.getReadOnlyProperty(); }
    public ReadOnlyStringProperty feedbackProperty() { return feedback.getReadOnlyProperty(); }
    public ObservableList<String> hints() { return hintsView; }
    public ReadOnlyBooleanProperty moreHintsProperty() { return moreHints.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty completionProperty() { return completion.getReadOnlyProperty(); }
    public ReadOnlyStringProperty completionTextProperty() { return completionText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canBackProperty() { return canBack.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canNextProperty() { return canNext.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canCheckProperty() { return canCheck.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty stepDoneProperty() { return stepDone.getReadOnlyProperty(); }
    /**
     * At the last step, once it is done: the lesson is over, or which steps still wait for an answer
     * (Next has nowhere to go, so the panel says where the rest is); empty elsewhere.
     */
    static String ending(LessonSession s) {
        if (s.stepNumber() != s.stepCount() || !s.isStepComplete(s.stepNumber())) return "";
        List<String> open = new ArrayList<>();
        for (int n = 1; n <= s.stepCount(); n++) if (!s.isStepComplete(n)) open.add(String.valueOf(n));
        return "\n" + (open.isEmpty() ? T.get("end.done") : T.get("end.open", open.size(), String.join(", ", open)));
    }

    /** What the step's action did ("sent GET /: exchange 3 200 OK (completed)"). */
    public ReadOnlyStringProperty reportProperty() { return report.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LessonFocus> focusProperty() { return focus.getReadOnlyProperty(); }
    /** The lesson's latest queue run, for the queue diagram; null when it has none. */
    public ReadOnlyObjectProperty<WorkQueue> queueProperty() { return queue.getReadOnlyProperty(); }
    /** The 40 ms experiment's two medians, empty until it ran. */
    public ReadOnlyStringProperty nagleProperty() { return nagle.getReadOnlyProperty(); }
    /** The last exchange the lesson sent, -1 before any. */
    public ReadOnlyLongProperty latestExchangeProperty() { return latestExchange.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<GateState> gatesProperty() { return gates.getReadOnlyProperty(); }
}
