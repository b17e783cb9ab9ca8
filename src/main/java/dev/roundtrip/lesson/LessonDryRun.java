package dev.roundtrip.lesson;

import dev.roundtrip.text.Texts;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A teacher's rehearsal: every step's action runs against the real engine, and every claim a
 * lesson makes about a readout ({@code expect}) is checked against the measurement, failing with
 * {@code file:line: expected ..., measured ...}. Questions are then answered as a student who
 * read the screen would (the measured value, or the choice the lesson marks right) through the
 * same checker students face; a prediction is made from the lesson's own claim.
 */
public final class LessonDryRun {
    /** What the rehearsal found: checkpoints answered, claims checked, and anything that went wrong. */
    public record Report(String lessonId, int steps, int checkpointsAnswered, int notMeasurable, int expectsHeld,
                         List<String> problems, List<StepResult> results) {
        public Report {
            problems = List.copyOf(problems);
            results = List.copyOf(results);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final Texts.Bundle T = Texts.of("dev.roundtrip.lesson.Texts");

    private LessonDryRun() {}

    public static Report run(Lesson lesson, LessonRunner runner, PrintStream out) throws InterruptedException {
        runner.useStandIns(); // a rehearsal at home has no server of the student's: capture steps get a stand-in
        List<String> problems = new ArrayList<>();
        int answered = 0;
        int unmeasured = 0;
        int held = 0;
        List<StepResult> results;
        out.println("# " + lesson.title() + "  (" + lesson.id() + ", " + lesson.level().wireName() + ")");
        for (String g : lesson.goals()) out.println("  " + T.get("rehearsal.goal", g));
        try (LessonSession session = new LessonSession(lesson, runner, null)) {
            for (int n = 1; n <= lesson.steps().size(); n++) {
                Step step = lesson.steps().get(n - 1);
                if (!await(n == 1 ? session.start() : session.next(), n, problems, out)) break;
                out.println();
                out.println("## " + T.get("rehearsal.step", n, lesson.steps().size()));
                out.println(indent(step.narration()));
                if (step.predict() != null) {
                    Checkpoint g = step.predict().guess();
                    String guess = rehearsalGuess(g);
                    out.println("  " + T.get("rehearsal.predict", g.question(), guess));
                    if (!await(session.predict(guess), n, problems, out)) break;
                }
                StepRun run = session.currentRun().orElseThrow();
                String report = run.reportInUse(); // the CLI's language
                if (!report.isEmpty()) out.println("  > " + report);
                if (!step.focus().isEmpty()) out.println("  " + T.get("rehearsal.focus", step.focus().stream().map(Focus::wireName).collect(Collectors.joining(", "))));
                for (Checkpoint c : claims(step)) {
                    if (c.expect() == null) continue;
                    Condition k = c.expect().condition();
                    Condition.Outcome o = k.test(run::reading);
                    String line = lesson.source() + ":" + c.expect().line() + ": " + k.said(run::reading).inUse();
                    if (o == Condition.Outcome.FAILS) {
                        problems.add(line);
                        out.println("  !! " + line);
                    } else if (o == Condition.Outcome.HOLDS) {
                        held++;
                        out.println("  " + T.get("rehearsal.expectHolds", k.text(), run.reading(k.subject()).plain()));
                    } else {
                        out.println("  " + T.get("rehearsal.expectUnmeasured", k.text()));
                    }
                }
                if (step.predict() != null) {
                    session.predictionResult().ifPresent(r -> out.println("  " + T.get("rehearsal.prediction", verdict(r), r.message())));
                    Predict p = step.predict();
                    String why = p.freeText() ? T.get("rehearsal.freeText") : String.valueOf(rightChoice(p.explainChoices()));
                    CheckResult e = session.explain(why);
                    out.println("  " + T.get("rehearsal.explain", p.explainQuestion(), why, verdict(e)));
                    if (!e.passed()) problems.add(lesson.source() + ":" + step.line() + ": " + T.get("rehearsal.explanationJudged", verdict(e)));
                }
                Checkpoint c = step.checkpoint();
                if (c == null) continue;
                out.println("  ? " + c.question());
                if (c instanceof Checkpoint.MultipleChoice mc) {
                    for (int i = 0; i < mc.choices().size(); i++) out.println("    " + (i + 1) + ". " + mc.choices().get(i).text());
                }
                ReadoutValue m = run.measured();
                if (m != null) out.println("  " + T.get("rehearsal.measured", m.name() + " = " + (m.available() ? m.plain() : m.display())));
                if (run.measured() != null && !run.measured().available()) {
                    unmeasured++;
                    CheckResult r = session.answer("0");
                    out.println("  " + T.get("rehearsal.noAnswer", verdict(r), r.message()));
                    continue;
                }
                String answer = session.rightAnswer().orElse(null);
                if (answer == null) {
                    problems.add(lesson.source() + ":" + step.line() + ": " + T.get("rehearsal.noChoiceMatches", n, run.measured().plain()));
                    out.println("  !! " + T.get("rehearsal.noChoiceHas", run.measured().plain()));
                    continue;
                }
                CheckResult r = session.answer(answer);
                String given = answer + (c instanceof Checkpoint.Numeric num && !num.unit().isEmpty() ? " " + num.unit() : "");
                out.println("  " + (r.message().isEmpty() ? T.get("rehearsal.answer", given, verdict(r)) : T.get("rehearsal.answerSaid", given, verdict(r), r.message())));
                if (!r.passed()) problems.add(lesson.source() + ":" + step.line() + ": " + T.get("rehearsal.answerJudged", n, verdict(r)));
                else answered++;
            }
            results = session.results();
        }
        Report report = new Report(lesson.id(), lesson.steps().size(), answered, unmeasured, held, problems, results);
        out.println();
        out.println(report.ok()
                ? T.get(unmeasured > 0 ? "rehearsal.doneUnmeasured" : "rehearsal.done", report.steps(), answered, held, unmeasured)
                : T.get("rehearsal.problems") + "\n" + String.join("\n", problems));
        return report;
    }

    private static String verdict(CheckResult r) {
        return T.get("rehearsal.verdict." + r.verdict().name());
    }

    private static List<Checkpoint> claims(Step s) {
        List<Checkpoint> out = new ArrayList<>();
        if (s.predict() != null) out.add(s.predict().guess());
        if (s.checkpoint() != null) out.add(s.checkpoint());
        return out;
    }

    /** What the lesson claims the engine will show, as a prediction; else the first choice or 0. */
    private static String rehearsalGuess(Checkpoint g) {
        java.util.Optional<String> claimed = g.expect() == null ? java.util.Optional.empty() : g.expect().condition().example();
        if (g instanceof Checkpoint.MultipleChoice mc) {
            if (claimed.isPresent()) {
                for (int i = 0; i < mc.choices().size(); i++) {
                    if (Checker.sameValue(mc.choices().get(i).value(), ReadoutValue.text("", claimed.get()))) return String.valueOf(i + 1);
                }
            }
            return "1";
        }
        return claimed.orElse("0");
    }

    private static int rightChoice(Checkpoint.MultipleChoice c) {
        for (int i = 0; i < c.choices().size(); i++) if (c.choices().get(i).correct()) return i + 1;
        return 1;
    }

    /** Waits for a step's action; false (with the problem noted) when it failed. */
    private static boolean await(CompletableFuture<?> f, int n, List<String> problems, PrintStream out) throws InterruptedException {
        try {
            f.get(LessonRunner.QUIET_TIMEOUT.toSeconds() + 70, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof ExecutionException ? e.getCause().getLocalizedMessage() : T.get("rehearsal.timedOut");
            problems.add(T.get("rehearsal.actionFailed", n, why));
            out.println("  !! " + why);
            return false;
        }
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
    }
}
