package dev.roundtrip.lesson;

import dev.roundtrip.text.Texts;
import dev.roundtrip.trace.Phrase;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The lesson player's model, free of any UI toolkit: the current step, Back and Next, checkpoint
 * answers, hints, completion and saved progress. A view model wraps it and re-reads it when a
 * listener fires (listeners are called on whatever thread made the change: hop to the FX thread).
 *
 * <p>Actions run on the session's own worker thread, never the caller's: {@link #start()} and
 * {@link #next()} return at once with a future. Reaching a step runs every action up to it that has
 * not run yet, in order (so a lesson resumed at step 5 first replays steps 1 to 4). Going back
 * only shows an earlier step again: the engine cannot be undone, so actions are not re-run; the
 * checkpoint of a step is always judged against the measurement taken right after its own action.
 * An action that fails completes its future exceptionally and sets {@link #problem()}; its step
 * counts as run, so Next goes on to the following step.
 */
public final class LessonSession implements AutoCloseable {
    private volatile Lesson lesson;
    private final LessonRunner runner;
    private final ProgressStore store;
    private final Clock clock;
    private final ExecutorService worker;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private final Map<Integer, StepRun> runs = new HashMap<>();
    private final Map<Integer, Integer> hintsShown = new HashMap<>();
    private final Map<Integer, CheckResult> results = new HashMap<>();
    /** The answer each result judged, as typed, and the language its words are in: a switch says them again. */
    private final Map<Integer, String> judged = new HashMap<>();
    private final Map<Integer, java.util.Locale> judgedIn = new HashMap<>();
    private final Map<Integer, StepRecord> records = new HashMap<>();
    private LessonProgress progress;
    private int current;
    private boolean begun;
    private CompletableFuture<StepRun> running;
    /** Said when it is read, so a language switch applies to it too. */
    private Phrase problem;

    /** {@code store} may be null: nothing is saved (dry runs). */
    public LessonSession(Lesson lesson, LessonRunner runner, ProgressStore store) {
        this(lesson, runner, store, Clock.systemUTC());
    }

    LessonSession(Lesson lesson, LessonRunner runner, ProgressStore store, Clock clock) {
        this.lesson = lesson;
        this.runner = runner;
        this.store = store;
        this.clock = clock;
        this.progress = store == null ? LessonProgress.fresh(lesson.id()) : store.get(lesson.id());
        this.current = Math.min(progress.currentStep(), lesson.steps().size());
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lesson-" + lesson.id());
            t.setDaemon(true);
            return t;
        });
    }

    public Lesson lesson() {
        return lesson;
    }

    public LessonRunner runner() {
        return runner;
    }

    /** 1-based. */
    public synchronized int stepNumber() {
        return current;
    }

    public int stepCount() {
        return lesson.steps().size();
    }

    public synchronized Step currentStep() {
        return lesson.steps().get(current - 1);
    }

    public synchronized boolean canGoBack() {
        return current > 1 && !isRunning();
    }

    public synchronized boolean canGoNext() {
        return current < stepCount() && !isRunning();
    }

    /** True while an action is being carried out. */
    public synchronized boolean isRunning() {
        return running != null && !running.isDone();
    }

    /** Runs the actions up to the current step (all of them when resuming). */
    public synchronized CompletableFuture<StepRun> start() {
        return reach(current);
    }

    public synchronized CompletableFuture<StepRun> next() {
        if (isRunning()) return CompletableFuture.failedFuture(new IllegalStateException("an action is still running"));
        if (current >= stepCount()) return CompletableFuture.failedFuture(new IllegalStateException("this is the last step"));
        return reach(current + 1);
    }

    /** Shows the previous step again; nothing is re-run. */
    public synchronized void back() {
        if (!canGoBack()) return;
        current--;
        save(progress.at(current, clock.instant()));
        changed();
    }

    /** What the current step's action did, once it has run. */
    public synchronized Optional<StepRun> currentRun() {
        return Optional.ofNullable(runs.get(current));
    }

    /** Why the last action failed, if it did. */
    public synchronized Optional<String> problem() {
        return Optional.ofNullable(problem).map(Phrase::inUse);
    }

    /** Reveals the next hint of the current step's checkpoint; empty when there are no more. */
    public synchronized Optional<String> nextHint() {
        Checkpoint c = currentStep().checkpoint();
        if (c == null) return Optional.empty();
        int shown = hintsShown.getOrDefault(current, 0);
        if (shown >= c.hints().size()) return Optional.empty();
        hintsShown.put(current, shown + 1);
        changed();
        return Optional.of(c.hints().get(shown));
    }

    /** Hints revealed so far for the current step. */
    public synchronized List<String> hintsShown() {
        Checkpoint c = currentStep().checkpoint();
        if (c == null) return List.of();
        return List.copyOf(c.hints().subList(0, hintsShown.getOrDefault(current, 0)));
    }

    /** What the current step asks of the student now. */
    public enum Phase {
        /** Nothing to answer (a telling step, or everything answered). */
        NONE,
        /** The prediction, before the step's action runs. */
        PREDICT,
        /** The prediction beside the measurement: why? */
        EXPLAIN,
        /** The checkpoint's question. */
        QUESTION
    }

    public synchronized Phase phase() {
        Step s = currentStep();
        StepRecord r = records.get(current);
        if (s.predict() != null && !runs.containsKey(current)) return isRunning() ? Phase.NONE : Phase.PREDICT;
        boolean explained = r != null && r.explanation != null && r.explanation.passed() || progress.completedSteps().contains(current);
        if (s.predict() != null && !explained) return Phase.EXPLAIN;
        if (s.checkpoint() != null && !runs.containsKey(current)) return Phase.NONE;
        if (s.checkpoint() != null) return Phase.QUESTION;
        return Phase.NONE;
    }

    /**
     * Records the student's prediction for the current step, then runs its action; the prediction
     * is judged against the measurement once the action has run. An answer that cannot be read
     * (not a number, no such choice) is refused with an INVALID_INPUT result and nothing runs.
     */
    public synchronized CompletableFuture<CheckResult> predict(String answer) {
        Predict p = currentStep().predict();
        if (p == null) throw new IllegalStateException("step " + current + " asks for no prediction");
        if (runs.containsKey(current) || isRunning()) throw new IllegalStateException("step " + current + " has run already: its prediction is closed");
        Optional<String> unreadable = Checker.unreadable(p.guess(), answer);
        if (unreadable.isPresent()) {
            return CompletableFuture.completedFuture(new CheckResult(CheckResult.Verdict.INVALID_INPUT, unreadable.get(), null, ""));
        }
        int step = current;
        record(step).prediction = shown(p.guess(), answer);
        record(step).predictedAt = clock.instant();
        return reach(step).thenApply(run -> {
            synchronized (this) {
                return predictionResult(step).orElseThrow();
            }
        });
    }

    /** The prediction of the current step, judged against the measurement once its action ran. */
    public synchronized Optional<CheckResult> predictionResult() {
        return predictionResult(current);
    }

    private Optional<CheckResult> predictionResult(int step) {
        StepRecord r = records.get(step);
        return Optional.ofNullable(r == null ? null : r.predictionResult);
    }

    /** What the student predicted for the current step, if anything. */
    public synchronized Optional<String> prediction() {
        StepRecord r = records.get(current);
        return Optional.ofNullable(r == null ? null : r.prediction);
    }

    /**
     * The student's explanation once the prediction is shown beside the measurement: a choice of
     * the lesson's explanations (judged by its marks) or a free-text line (any line counts).
     */
    public synchronized CheckResult explain(String answer) {
        Predict p = currentStep().predict();
        if (p == null) throw new IllegalStateException("step " + current + " asks for no prediction");
        if (!runs.containsKey(current)) throw new IllegalStateException("step " + current + " has not run yet");
        CheckResult r;
        if (p.freeText()) {
            r = answer == null || answer.isBlank()
                    ? new CheckResult(CheckResult.Verdict.INVALID_INPUT, Checker.T.get("explain.writeOneLine"), null, "")
                    : new CheckResult(CheckResult.Verdict.CORRECT, Checker.T.get("explain.noted"), null, "");
        } else {
            r = Checker.check(p.explainChoices(), answer, null);
        }
        if (r.verdict() == CheckResult.Verdict.INVALID_INPUT) return r;
        StepRecord rec = record(current);
        rec.explanation = r;
        rec.explanationText = p.freeText() ? answer.strip() : choiceText(p.explainChoices(), answer);
        rec.lastAt = clock.instant();
        if (r.passed() && currentStep().checkpoint() == null) save(progress.withCompleted(current, clock.instant()));
        changed();
        return r;
    }

    public synchronized Optional<CheckResult> explanationResult() {
        StepRecord r = records.get(current);
        return Optional.ofNullable(r == null ? null : r.explanation);
    }

    private static String choiceText(Checkpoint.MultipleChoice c, String answer) {
        int i = Checker.pick(c, answer);
        return i < 0 ? answer : c.choices().get(i).text();
    }

    /** An answer as a teacher reads it: a choice's text rather than its number. */
    private static String shown(Checkpoint c, String answer) {
        String a = answer == null ? "" : answer.trim();
        return c instanceof Checkpoint.MultipleChoice mc ? choiceText(mc, a) : a;
    }

    /**
     * Judges an answer to the current step's checkpoint against the measurement taken after its
     * action. Fails when the step has no checkpoint or its action has not run yet. A question that
     * cannot be judged in this run (NOT_MEASURABLE) is not counted and not saved as progress.
     */
    public synchronized CheckResult answer(String answer) {
        Checkpoint c = currentStep().checkpoint();
        if (c == null) throw new IllegalStateException("step " + current + " asks no question");
        StepRun run = runs.get(current);
        if (run == null) throw new IllegalStateException("step " + current + " has not run yet");
        CheckResult r = Checker.check(c, answer, run.measured(), run.readings());
        if (r.verdict() != CheckResult.Verdict.INVALID_INPUT) {
            results.put(current, r);
            judged.put(current, answer);
            judgedIn.put(current, Texts.locale());
            StepRecord rec = record(current);
            rec.answer = shown(c, answer);
            rec.attempts++;
            rec.lastAt = clock.instant();
        }
        boolean explained = currentStep().predict() == null || explanationResult().map(CheckResult::passed).orElse(false);
        if (r.passed() && explained) save(progress.withCompleted(current, clock.instant()));
        changed();
        return r;
    }

    /** Per step that asks anything: what was predicted, answered and measured, for the teacher. */
    public synchronized List<StepResult> results() {
        List<StepResult> out = new ArrayList<>();
        for (Step s : lesson.steps()) {
            if (!s.asks()) continue;
            StepRecord r = records.getOrDefault(s.number(), new StepRecord());
            StepRun run = runs.get(s.number());
            CheckResult answered = results.get(s.number());
            String question = s.checkpoint() != null ? s.checkpoint().question() : s.predict().guess().question();
            ReadoutValue measured = run == null ? null
                    : s.checkpoint() != null ? run.measured() : run.reading(s.predict().guess().readout());
            ReadoutValue predictedAgainst = run == null || s.predict() == null ? null : run.reading(s.predict().guess().readout());
            Double seconds = r.shownAt == null || r.lastAt == null ? null : java.time.Duration.between(r.shownAt, r.lastAt).toMillis() / 1000.0;
            out.add(new StepResult(s.number(), question, r.prediction, r.predictionResult == null ? null : r.predictionResult.verdict(),
                    predictedAgainst, r.explanationText, r.answer, answered == null ? null : answered.verdict(), measured, r.attempts, seconds));
        }
        return out;
    }

    private StepRecord record(int step) {
        return records.computeIfAbsent(step, n -> new StepRecord());
    }

    /** What one student did at one step, for {@link #results()}. */
    private static final class StepRecord {
        String prediction;
        java.time.Instant predictedAt;
        CheckResult predictionResult;
        CheckResult explanation;
        String explanationText;
        String answer;
        int attempts;
        java.time.Instant shownAt;
        java.time.Instant lastAt;
    }

    public synchronized Optional<CheckResult> lastResult() {
        CheckResult r = results.get(current);
        if (r != null && !Texts.locale().equals(judgedIn.get(current))) {
            // the same answer, read as it was typed, against the same measurement: the same verdict, its words in the language now in use
            StepRun run = runs.get(current);
            r = Checker.check(currentStep().checkpoint(), judged.get(current), run.measured(), run.readings(), judgedIn.get(current));
            results.put(current, r);
            judgedIn.put(current, Texts.locale());
        }
        return Optional.ofNullable(r);
    }

    /** The right answer to the current checkpoint as one would type it, for the teacher's dry run. */
    public synchronized Optional<String> rightAnswer() {
        Checkpoint c = currentStep().checkpoint();
        StepRun run = runs.get(current);
        if (c == null || run == null) return Optional.empty();
        String right = Checker.rightAnswer(c, run.measured());
        if (right.isEmpty()) return Optional.empty();
        return Optional.of(c instanceof Checkpoint.MultipleChoice ? right.substring(0, right.indexOf('.')) : right);
    }

    public synchronized boolean isStepComplete(int number) {
        return progress.completedSteps().contains(number);
    }

    /** Fraction of steps done, 0 to 1. */
    public synchronized double completion() {
        return progress.completion(stepCount());
    }

    public synchronized LessonProgress progress() {
        return progress;
    }

    /** Forgets progress and measurements; the next {@link #start()} begins afresh from step 1. */
    public synchronized void reset() {
        if (isRunning()) throw new IllegalStateException("an action is still running");
        runs.clear();
        hintsShown.clear();
        results.clear();
        judged.clear();
        judgedIn.clear();
        records.clear();
        problem = null;
        begun = false;
        current = 1;
        progress = LessonProgress.fresh(lesson.id());
        if (store != null) {
            try {
                store.reset(lesson.id());
            } catch (IOException e) {
                problem = Phrase.of("lesson.problem.notReset", String.valueOf(e.getMessage()));
            }
        }
        changed();
    }

    /**
     * Tells the same lesson in another language from now on (after a language switch): the step,
     * the answers, the measurements and the progress are kept, since a translation changes texts only.
     *
     * @throws IllegalArgumentException when {@code told} is another lesson or has other steps
     */
    public void retell(Lesson told) {
        Lesson now = lesson;
        boolean same = told.id().equals(now.id()) && told.steps().size() == now.steps().size();
        for (int i = 0; same && i < told.steps().size(); i++) same = told.steps().get(i).action().equals(now.steps().get(i).action());
        if (!same) throw new IllegalArgumentException(told.id() + " (" + told.language() + ") is not a translation of the open lesson " + now.id());
        lesson = told;
        changed();
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        worker.shutdownNow();
        runner.finish();
    }

    private CompletableFuture<StepRun> reach(int target) {
        if (isRunning()) return CompletableFuture.failedFuture(new IllegalStateException("an action is still running"));
        problem = null;
        List<Step> todo = new ArrayList<>();
        for (int n = 1; n <= target; n++) if (!runs.containsKey(n)) todo.add(lesson.steps().get(n - 1));
        // a prediction is asked before the action that reveals its answer: the target waits for it
        Step reached = lesson.steps().get(target - 1);
        StepRecord targetRecord = records.get(target);
        boolean predictedBefore = progress.predictions().containsKey(target) || progress.completedSteps().contains(target);
        if (reached.predict() != null && !runs.containsKey(target) && !predictedBefore
                && (targetRecord == null || targetRecord.prediction == null)) todo.remove(reached);
        boolean fresh = !begun;
        begun = true;
        CompletableFuture<StepRun> f = new CompletableFuture<>();
        running = f;
        current = target;
        changed();
        worker.execute(() -> {
            try {
                if (fresh) runner.begin();
                StepRun last = null;
                for (Step s : todo) {
                    StepRun r = performOrRecordFailure(s);
                    synchronized (this) {
                        runs.put(s.number(), r);
                        if (!s.asks()) progress = progress.withCompleted(s.number(), clock.instant());
                        judgePrediction(s.number(), r);
                    }
                    last = r;
                }
                synchronized (this) {
                    save(progress.at(target, clock.instant()));
                    if (last == null) last = runs.get(target);
                    StepRecord shown = record(target);
                    if (shown.shownAt == null) shown.shownAt = clock.instant();
                }
                f.complete(last);
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                synchronized (this) {
                    problem = e instanceof LessonRunException ? ((LessonRunException) e).said() : Phrase.of("lesson.asWritten", String.valueOf(e.getMessage()));
                }
                f.completeExceptionally(e);
            } finally {
                changed();
            }
        });
        return f;
    }

    /** Judges the step's prediction, made before its action, against what the action measured. */
    private void judgePrediction(int step, StepRun run) {
        Predict p = run.step().predict();
        StepRecord r = records.get(step);
        if (p == null || r == null || r.prediction == null) return;
        Checkpoint g = p.guess();
        r.predictionResult = Checker.check(g, r.prediction, run.reading(g.readout()), run.readings());
        r.lastAt = r.predictedAt;
        CheckResult.Verdict v = r.predictionResult.verdict();
        if (v == CheckResult.Verdict.CORRECT || v == CheckResult.Verdict.WRONG) {
            progress = progress.withPrediction(step, v == CheckResult.Verdict.CORRECT, clock.instant());
        }
    }

    /**
     * A failed action is recorded as run (with what went wrong), so Next moves on instead of
     * failing on it again; the failure still reaches the caller.
     */
    private StepRun performOrRecordFailure(Step s) throws LessonRunException, InterruptedException {
        try {
            return runner.perform(s);
        } catch (LessonRunException e) {
            Checkpoint c = s.checkpoint();
            java.util.Map<String, ReadoutValue> none = new java.util.TreeMap<>();
            for (String name : s.readoutsNeeded()) none.put(name, ReadoutValue.unavailable(name, Phrase.of("lesson.why.actionFailed", e.said())));
            synchronized (this) {
                runs.put(s.number(), new StepRun(s, Phrase.of("lesson.run.failed", e.said()), c == null || c.readout() == null ? null : none.get(c.readout()), none));
            }
            throw e;
        }
    }

    private void save(LessonProgress p) {
        progress = p;
        if (store == null) return;
        try {
            store.save(p);
        } catch (IOException e) {
            problem = Phrase.of("lesson.problem.notSaved", String.valueOf(e.getMessage()));
        }
    }

    private void changed() {
        for (Runnable l : listeners) l.run();
    }
}
