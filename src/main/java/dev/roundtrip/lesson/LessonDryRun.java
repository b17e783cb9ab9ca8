package dev.roundtrip.lesson;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A teacher's rehearsal: every step's action runs against the real engine, and every checkpoint
 * is answered with the live measurement (or, for a fixed question, the choice the lesson marks
 * correct) through the same checker students face. Prints the narration and the answers.
 */
public final class LessonDryRun {
    /** What the rehearsal found: checkpoints answered, and anything that went wrong. */
    public record Report(String lessonId, int steps, int checkpointsAnswered, int notMeasurable, List<String> problems) {
        public Report {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private LessonDryRun() {}

    public static Report run(Lesson lesson, LessonRunner runner, PrintStream out) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        int answered = 0;
        int unmeasured = 0;
        out.println("# " + lesson.title() + "  (" + lesson.id() + ", " + lesson.level().wireName() + ")");
        for (String g : lesson.goals()) out.println("  goal: " + g);
        try (LessonSession session = new LessonSession(lesson, runner, null)) {
            for (int n = 1; n <= lesson.steps().size(); n++) {
                try {
                    (n == 1 ? session.start() : session.next()).get(LessonRunner.QUIET_TIMEOUT.toSeconds() + 70, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    String why = e instanceof ExecutionException ? e.getCause().getMessage() : "timed out";
                    problems.add("step " + n + ": the action failed: " + why);
                    out.println("  !! " + why);
                    break;
                }
                Step step = session.currentStep();
                StepRun run = session.currentRun().orElseThrow();
                out.println();
                out.println("## Step " + n + " of " + lesson.steps().size());
                out.println(indent(step.narration()));
                if (!run.report().isEmpty()) out.println("  > " + run.report());
                if (!step.focus().isEmpty()) out.println("  focus: " + step.focus().stream().map(Focus::wireName).collect(Collectors.joining(", ")));
                Checkpoint c = step.checkpoint();
                if (c == null) continue;
                out.println("  ? " + c.question());
                if (c instanceof Checkpoint.MultipleChoice mc) {
                    for (int i = 0; i < mc.choices().size(); i++) out.println("    " + (i + 1) + ". " + mc.choices().get(i).text());
                }
                if (run.measured() != null) out.println("  measured: " + run.measured());
                if (run.measured() != null && !run.measured().available()) {
                    unmeasured++;
                    CheckResult r = session.answer("0");
                    out.println("  answer: (none) -> " + r.verdict() + ": " + r.message());
                    continue;
                }
                String answer = session.rightAnswer().orElse(null);
                if (answer == null) {
                    problems.add("step " + n + ": no choice matches the measurement " + run.measured().display());
                    out.println("  !! no choice has the value " + run.measured().display());
                    continue;
                }
                CheckResult r = session.answer(answer);
                out.println("  answer: " + answer + (c instanceof Checkpoint.Numeric num && !num.unit().isEmpty() ? " " + num.unit() : "")
                        + " -> " + r.verdict() + (r.message().isEmpty() ? "" : ": " + r.message()));
                if (!r.passed()) problems.add("step " + n + ": the measured answer was judged " + r.verdict());
                else answered++;
            }
        }
        Report report = new Report(lesson.id(), lesson.steps().size(), answered, unmeasured, problems);
        out.println();
        out.println(report.ok()
                ? "Done: " + report.steps() + " steps, " + answered + " checkpoints answered from live readouts" + (unmeasured > 0 ? ", " + unmeasured + " not measurable here" : "") + "."
                : "Problems: " + String.join("; ", problems));
        return report;
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
    }
}
