package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.roundtrip.lab.Lab;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The player model through a real lesson (05: hold before parse) against a real engine. */
class LessonSessionTest {
    private static Lab lab;
    private static Lesson kernel;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start();
        kernel = LessonLoader.loadDirectory(Path.of("lessons")).find("05-the-kernels-role").orElseThrow();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static StepRun await(java.util.concurrent.CompletableFuture<StepRun> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    @Test
    void goesForwardAndBackChecksAnswersAndSavesProgress() throws Exception {
        Path file = home.resolve("progress.json");
        LessonRunner runner = new LessonRunner(lab);
        AtomicInteger changes = new AtomicInteger();
        try (LessonSession s = new LessonSession(kernel, runner, new ProgressStore(file))) {
            s.addListener(changes::incrementAndGet);
            assertThat(s.stepNumber()).isEqualTo(1);
            await(s.start());
            assertThat(s.canGoBack()).isFalse();
            assertThat(s.completion()).isEqualTo(1.0 / 6);

            // step 2 asks for a prediction before its action: nothing is sent until it is given
            assertThat(await(s.next())).isNull();
            assertThat(s.stepNumber()).isEqualTo(2);
            assertThat(s.phase()).isEqualTo(LessonSession.Phase.PREDICT);
            assertThat(runner.exchanges()).isEmpty();
            assertThat(s.predict("lots").get().verdict()).isEqualTo(CheckResult.Verdict.INVALID_INPUT);
            assertThat(runner.exchanges()).isEmpty();
            CheckResult predicted = s.predict("0").get(60, TimeUnit.SECONDS);
            StepRun held = s.currentRun().orElseThrow();
            assertThat(held.report().english()).contains("held before parse");
            assertThat(s.prediction()).hasValue("0");
            if (predicted.verdict() == CheckResult.Verdict.WRONG) {
                assertThat(s.progress().predictions()).containsEntry(2, false);
            }
            assertThat(s.phase()).isEqualTo(LessonSession.Phase.EXPLAIN);
            assertThat(s.explain("9").verdict()).isEqualTo(CheckResult.Verdict.INVALID_INPUT);
            assertThat(s.explain("2").verdict()).isEqualTo(CheckResult.Verdict.WRONG);
            assertThat(s.explain("1").verdict()).isEqualTo(CheckResult.Verdict.CORRECT);
            assertThat(s.phase()).isEqualTo(LessonSession.Phase.QUESTION);
            assertThat(lab.gates().heldStage(runner.exchanges().get(0))).hasValue(dev.roundtrip.trace.Stage.PARSE);
            assertThat(s.isStepComplete(2)).isFalse();

            // a wrong answer counts nothing and says which way to look; a hint is there to help
            CheckResult wrong = s.answer("1");
            assertThat(wrong.verdict()).isIn(CheckResult.Verdict.WRONG, CheckResult.Verdict.NOT_MEASURABLE);
            if (wrong.verdict() == CheckResult.Verdict.WRONG) {
                assertThat(wrong.message()).contains("lower than what was measured");
                assertThat(s.isStepComplete(2)).isFalse();
            }
            assertThat(s.answer("many").verdict()).isIn(CheckResult.Verdict.INVALID_INPUT, CheckResult.Verdict.NOT_MEASURABLE);
            assertThat(s.nextHint()).hasValue(kernel.steps().get(1).checkpoint().hints().get(0));
            assertThat(s.hintsShown()).hasSize(1);

            CheckResult right = s.answer(s.rightAnswer().orElse("0"));
            assertThat(right.passed()).isTrue();
            assertThat(s.isStepComplete(2)).isTrue();

            // back shows step 1 again without re-running anything; next returns to step 2 as it was
            s.back();
            assertThat(s.stepNumber()).isEqualTo(1);
            await(s.next());
            assertThat(s.stepNumber()).isEqualTo(2);
            assertThat(runner.exchanges()).hasSize(1);
            assertThat(s.lastResult()).hasValueSatisfying(r -> assertThat(r.passed()).isTrue());

            while (s.canGoNext()) {
                await(s.next());
                if (s.currentStep().checkpoint() != null) assertThat(s.answer(s.rightAnswer().orElse("0")).passed()).isTrue();
            }
            assertThat(s.stepNumber()).isEqualTo(6);
            assertThat(s.canGoNext()).isFalse();
            assertThat(s.completion()).isEqualTo(1.0);
            assertThat(changes.get()).isPositive();
        }
        LessonProgress saved = new ProgressStore(file).get("05-the-kernels-role");
        assertThat(saved.currentStep()).isEqualTo(6);
        assertThat(saved.completedSteps()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        assertThat(lab.gates().held()).isEmpty();
    }

    @Test
    void theBytesThatWaitInTheReceiveQueueAreTheBytesParseReads() throws Exception {
        assumeThat(System.getProperty("os.name").toLowerCase()).contains("linux");
        try (LessonSession s = new LessonSession(kernel, new LessonRunner(lab), null)) {
            await(s.start());
            await(s.next());
            s.predict("0").get(60, TimeUnit.SECONDS);
            StepRun held = s.currentRun().orElseThrow();
            s.next().get(60, TimeUnit.SECONDS);
            StepRun released = await(s.next());
            assertThat(held.measured().name()).isEqualTo("kernel.server.rxQueue");
            assertThat(held.measured().number()).isPositive();
            assertThat(released.measured().name()).isEqualTo("stage.parse.bytes");
            assertThat(released.measured().number()).isEqualTo(held.measured().number());
            assertThat(s.runner().read("stage.send.bytes").number()).isEqualTo(held.measured().number());
        }
    }

    @Test
    void aResumedLessonReplaysTheActionsBeforeItsStep() throws Exception {
        Path file = home.resolve("progress.json");
        ProgressStore store = new ProgressStore(file);
        store.save(new LessonProgress("05-the-kernels-role", 4, Set.of(1, 2, 3), Instant.now()));
        LessonRunner runner = new LessonRunner(lab);
        try (LessonSession s = new LessonSession(kernel, runner, new ProgressStore(file))) {
            assertThat(s.stepNumber()).isEqualTo(4);
            assertThat(s.completion()).isEqualTo(0.5);
            StepRun run = await(s.start());
            // steps 1-3 ran first (breakpoint, send, probe), then step 4 released the hold
            assertThat(run.step().number()).isEqualTo(4);
            assertThat(runner.exchanges()).hasSize(1);
            assertThat(lab.settled(runner.exchanges().get(0))).isDone();
            assertThat(run.measured().number()).isPositive();

            s.reset();
            assertThat(s.stepNumber()).isEqualTo(1);
            assertThat(s.completion()).isZero();
            assertThat(s.currentRun()).isEmpty();
        }
        assertThat(new ProgressStore(file).get("05-the-kernels-role").isStarted()).isFalse();
    }

    @Test
    void progressThatCannotBeSavedIsSaidInTheLanguageInUse() throws Exception {
        LessonSet set = LessonLoader.loadText("inline.yaml", "31-told.yaml", String.join("\n",
                "id: 31-told", "title: Told only", "level: beginner", "goals: [x]", "steps:",
                "  - narration: One.", "  - narration: Two."));
        Path blocker = home.resolve("blocker");
        java.nio.file.Files.writeString(blocker, "a file where the folder should be");
        try (LessonSession s = new LessonSession(set.lessons().get(0), new LessonRunner(lab), new ProgressStore(blocker.resolve("progress.json")))) {
            await(s.start());
            assertThat(s.problem()).hasValueSatisfying(m -> assertThat(m).startsWith("progress could not be saved: "));
            dev.roundtrip.text.Texts.use(dev.roundtrip.text.Texts.SPANISH);
            assertThat(s.problem()).hasValueSatisfying(m -> assertThat(m).startsWith("no se pudo guardar el progreso: "));
        } finally {
            dev.roundtrip.text.Texts.use(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void aFailedActionIsReportedAndTheSessionCanGoOn() throws Exception {
        LessonSet set = LessonLoader.loadText("inline.yaml", "30-cancel-first.yaml", String.join("\n",
                "id: 30-cancel-first", "title: Cancel before sending", "level: beginner", "goals: [x]", "steps:",
                "  - narration: The client leaves, but it never came.", "    action: cancel",
                "  - narration: Now a real one.", "    action: send", "    with: {target: /}",
                "    checkpoint: {question: \"How many bytes?\", readout: stage.send.bytes, expect: \"> 0\"}",
                "  - narration: Unmeasurable here.",
                "    checkpoint: {question: \"How many bytes wait?\", readout: kernel.client.rxQueue, expect: \"> 0\"}"));
        assertThat(set.errors()).isEmpty();
        try (LessonSession s = new LessonSession(set.lessons().get(0), new LessonRunner(lab), null)) {
            var failed = s.start();
            assertThat(failed).failsWithin(java.time.Duration.ofSeconds(30))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("cancel: this lesson has not sent a request yet");
            assertThat(s.problem()).hasValue("cancel: this lesson has not sent a request yet");
            dev.roundtrip.text.Texts.use(java.util.Locale.GERMAN);
            assertThat(s.problem()).as("said again after a language switch").hasValue("cancel: diese Lektion hat noch keine Anfrage gesendet");
            dev.roundtrip.text.Texts.use(java.util.Locale.ENGLISH);
            assertThat(s.isStepComplete(1)).isFalse();
            StepRun run = await(s.next());
            assertThat(run.measured().number()).isPositive();
            assertThat(s.problem()).isEmpty();
            // a readout that cannot be measured in this run is not counted and not saved as progress
            await(s.next());
            CheckResult unmeasured = s.answer("5");
            assertThat(unmeasured.verdict()).isEqualTo(CheckResult.Verdict.NOT_MEASURABLE);
            assertThat(unmeasured.message()).contains("never held before interpret").contains("not counted");
            try {
                dev.roundtrip.text.Texts.use(dev.roundtrip.text.Texts.SPANISH);
                assertThat(s.lastResult()).as("the same verdict, said again after a language switch").hasValueSatisfying(r -> {
                    assertThat(r.verdict()).isEqualTo(CheckResult.Verdict.NOT_MEASURABLE);
                    assertThat(r.message()).contains("el intercambio nunca se retuvo antes de interpret");
                });
            } finally {
                dev.roundtrip.text.Texts.use(java.util.Locale.ENGLISH);
            }
            assertThat(s.lastResult().orElseThrow().message()).isEqualTo(unmeasured.message());
            assertThat(s.isStepComplete(3)).isFalse();
        }
    }
}
