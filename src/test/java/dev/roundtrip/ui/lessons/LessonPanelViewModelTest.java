package dev.roundtrip.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.lesson.Lesson;
import dev.roundtrip.lesson.LessonLoader;
import dev.roundtrip.lesson.LessonProgress;
import dev.roundtrip.lesson.ProgressStore;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.inspector.InspectorTab;
import dev.roundtrip.ui.util.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lesson panel's view model on a real lab, without controls: changes from the session's worker
 * are queued and applied here, on the test's thread, as the FX thread would.
 */
class LessonPanelViewModelTest {
    private static Lab lab;
    private static List<Lesson> lessons;
    private final ConcurrentLinkedQueue<Runnable> fx = new ConcurrentLinkedQueue<>();

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start();
        lessons = LessonLoader.loadDirectory(Path.of("lessons")).lessons();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static Lesson lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            pump();
            Thread.sleep(5);
        }
        pump();
        assertThat(done.getAsBoolean()).as("reached in time").isTrue();
    }

    private void pump() {
        for (Runnable r; (r = fx.poll()) != null; ) r.run();
    }

    /** Waits for {@code f} while running what the view model hands to the FX thread (as the app's FX thread would). */
    private void await(java.util.concurrent.CompletableFuture<?> f) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!f.isDone() && System.nanoTime() < deadline) {
            pump();
            Thread.sleep(5);
        }
        f.get(1, TimeUnit.SECONDS);
        pump();
    }

    private LessonPanelViewModel vm(ProgressStore store) {
        return new LessonPanelViewModel(lab, () -> store, TaskRunner.SAME_THREAD, fx::add);
    }

    /** The status of the exchange the lesson sent last, read from the recording. */
    private static int lastStatus(LessonPanelViewModel vm) {
        long id = vm.latestExchangeProperty().get();
        return lab.recording().exchange(id).orElseThrow().response().orElseThrow().status();
    }

    private static long parseBytes(long exchangeId) {
        Exchange x = lab.recording().exchange(exchangeId).orElseThrow();
        return x.events().stream().filter(e -> e.stage() == Stage.PARSE && e.bytes() != null)
                .mapToLong(e -> e.bytes().count()).sum();
    }

    @Test
    void aCaptureStepWhoseServerIsNotRunningSaysWhyInThePanelAndCanRunAgain() throws Exception {
        int free;
        try (java.net.ServerSocket sock = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = sock.getLocalPort();
        }
        Lesson own = dev.roundtrip.lesson.LessonLoader.loadText("t", "90-own.yaml", """
                id: 90-own
                title: own
                level: beginner
                goals: [see a foreign server]
                steps:
                  - narration: to my server
                    predict:
                      question: "status?"
                      readout: response.status
                      expect: "200"
                    action: capture
                    with:
                      to: http://127.0.0.1:%d
                    checkpoint:
                      question: status?
                      readout: response.status
                      expect: "200"
                """.formatted(free)).lessons().get(0);
        LessonPanelViewModel vm = vm(new ProgressStore(home.resolve("own.json")));
        await(vm.open(own));
        vm.answerProperty().set("200");
        assertThat(vm.check()).isEmpty();
        waitFor(() -> vm.problemProperty().get().contains("nothing answers at http://127.0.0.1:" + free));
        assertThat(vm.problemProperty().get()).contains("start your server first");
        waitFor(() -> vm.canCheckProperty().get()); // the prediction is open again: the step runs once the server is up
    }

    @Test
    void aStepsReportRunInEnglishReadsGermanOnceTheLanguageIsSwitched() throws Exception {
        Lesson words = LessonLoader.loadText("t", "91-words.yaml", """
                id: 91-words
                title: words
                level: beginner
                goals: [read what the step did]
                steps:
                  - narration: one request
                    action: send
                    with:
                      method: GET
                      target: /users/1
                """).lessons().get(0);
        LessonPanelViewModel vm = vm(new ProgressStore(home.resolve("words.json")));
        try {
            await(vm.open(words));
            waitFor(() -> !vm.reportProperty().get().isEmpty() && !vm.runningProperty().get());
            assertThat(vm.reportProperty().get()).matches("sent GET /users/1: exchange \\d+ 200 OK \\(completed\\)");

            dev.roundtrip.text.Texts.use(java.util.Locale.GERMAN); // the View menu's language
            vm.languageChanged();
            assertThat(vm.reportProperty().get()).as("the same run, said again in German")
                    .matches("gesendet: GET /users/1: Austausch \\d+ 200 OK \\(abgeschlossen\\)");
        } finally {
            dev.roundtrip.text.Texts.use(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void nextIsNotOfferedWhileTheLessonIsStillStarting() throws Exception {
        LessonPanelViewModel vm = vm(new ProgressStore(home.resolve("starting.json")));
        await(vm.open(lesson("02-status-codes"))); // the progress store is read: the next lesson opens at once
        java.util.concurrent.CompletableFuture<?> started = vm.open(lesson("01-the-dance"));
        // whatever the panel shows before the start has finished, it must not offer a Next that would be refused
        if (!started.isDone()) assertThat(vm.canNextProperty().get()).isFalse();
        await(started);
        assertThat(vm.canNextProperty().get()).isTrue();
        await(vm.next());
        assertThat(vm.stepTextProperty().get()).isEqualTo("Step 2 of 5");
    }

    @Test
    void goesThroughTheDanceForwardAndBackJudgingAnswersAgainstTheMeasurementAndSavesProgress() throws Exception {
        Path file = home.resolve("progress.json");
        LessonPanelViewModel vm = vm(new ProgressStore(file));
        await(vm.open(lesson("01-the-dance")));
        assertThat(vm.openProperty().get()).isTrue();
        assertThat(vm.stepTextProperty().get()).isEqualTo("Step 1 of 5");
        assertThat(vm.stepStatus(vm.session().orElseThrow())).as("the status bar names the lesson as the browser does, not by its id")
                .isEqualTo("Lesson 01: step 1 of 5");
        assertThat(vm.narrationProperty().get()).contains("lifelines");
        assertThat(vm.focusProperty().get().lifelines()).containsExactlyInAnyOrder(
                java.util.Arrays.stream(Actor.values()).filter(a -> !a.foreign()).toArray(Actor[]::new)); // the engine's five
        assertThat(vm.questionKindProperty().get()).isEqualTo(LessonPanelViewModel.QuestionKind.NONE);
        assertThat(vm.canBackProperty().get()).isFalse();
        assertThat(vm.canNextProperty().get()).isTrue();

        await(vm.next());
        assertThat(vm.stepTextProperty().get()).isEqualTo("Step 2 of 5");
        // predict first: nothing is sent until the prediction is locked in
        int before = lab.recording().exchanges().size();
        assertThat(vm.phaseProperty().get()).isEqualTo(dev.roundtrip.lesson.LessonSession.Phase.PREDICT);
        assertThat(vm.questionKindProperty().get()).isEqualTo(LessonPanelViewModel.QuestionKind.NUMBER);
        assertThat(vm.checkTextProperty().get()).isEqualTo("Lock in");
        assertThat(vm.canCheckProperty().get()).isTrue();
        assertThat(lab.recording().exchanges()).hasSize(before);
        vm.answerProperty().set("soon");
        assertThat(vm.check()).hasValueSatisfying(r -> assertThat(r.verdict()).isEqualTo(dev.roundtrip.lesson.CheckResult.Verdict.INVALID_INPUT));
        vm.answerProperty().set("5000");
        vm.check();
        waitFor(() -> vm.phaseProperty().get() == dev.roundtrip.lesson.LessonSession.Phase.EXPLAIN);
        assertThat(lab.recording().exchanges()).hasSize(before + 1);
        assertThat(vm.comparisonProperty().get()).startsWith("You predicted 5000 ms; measured ").endsWith(" ms: too high.");
        assertThat(vm.questionKindProperty().get()).isEqualTo(LessonPanelViewModel.QuestionKind.CHOICE);
        vm.answerProperty().set("1");
        vm.check();
        pump();
        assertThat(vm.phaseProperty().get()).isEqualTo(dev.roundtrip.lesson.LessonSession.Phase.QUESTION);
        assertThat(vm.completionTextProperty().get()).endsWith("predictions 0 of 1 right");
        assertThat(vm.questionKindProperty().get()).isEqualTo(LessonPanelViewModel.QuestionKind.CHOICE);
        assertThat(vm.reportProperty().get()).contains("sent GET /");
        assertThat(vm.canCheckProperty().get()).isTrue();
        int status = lastStatus(vm);
        int right = -1;
        int wrong = -1;
        for (int i = 0; i < vm.choices().size(); i++) {
            if (vm.choices().get(i).startsWith(status + " ")) right = i + 1;
            else wrong = i + 1;
        }
        assertThat(right).as("a choice for the measured status %d", status).isPositive();

        vm.answerProperty().set(String.valueOf(wrong));
        vm.check();
        pump();
        assertThat(vm.feedbackKindProperty().get()).isEqualTo(LessonPanelViewModel.FeedbackKind.WRONG);
        assertThat(vm.stepDoneProperty().get()).isFalse();
        vm.hint();
        pump();
        assertThat(vm.hints()).containsExactly(lesson("01-the-dance").steps().get(1).checkpoint().hints().get(0));
        assertThat(vm.moreHintsProperty().get()).isFalse();

        vm.answerProperty().set(String.valueOf(right));
        vm.check();
        pump();
        assertThat(vm.feedbackKindProperty().get()).isEqualTo(LessonPanelViewModel.FeedbackKind.CORRECT);
        assertThat(vm.feedbackProperty().get()).contains("The measured status was " + status);
        assertThat(vm.stepDoneProperty().get()).isTrue();

        await(vm.next());
        assertThat(vm.questionKindProperty().get()).isEqualTo(LessonPanelViewModel.QuestionKind.NUMBER);
        assertThat(vm.unitProperty().get()).isEqualTo("bytes");
        assertThat(vm.focusProperty().get().tab()).isEqualTo(InspectorTab.BYTES);
        assertThat(vm.feedbackKindProperty().get()).as("a new step starts without feedback").isEqualTo(LessonPanelViewModel.FeedbackKind.NONE);
        long bytes = parseBytes(vm.latestExchangeProperty().get());
        assertThat(bytes).isPositive();
        vm.answerProperty().set(String.valueOf(bytes + 1));
        vm.check();
        pump();
        assertThat(vm.feedbackKindProperty().get()).isEqualTo(LessonPanelViewModel.FeedbackKind.WRONG);
        assertThat(vm.feedbackProperty().get()).contains("higher than what was measured");
        vm.answerProperty().set(bytes + " bytes");
        vm.check();
        pump();
        assertThat(vm.feedbackKindProperty().get()).isEqualTo(LessonPanelViewModel.FeedbackKind.CORRECT);
        assertThat(vm.feedbackProperty().get()).contains("Exactly " + bytes + " bytes");
        assertThat(vm.completionProperty().get()).isEqualTo(3.0 / 5);
        assertThat(vm.completionTextProperty().get()).isEqualTo("60 % done · predictions 0 of 1 right");

        // the teacher's results: a wrong prediction, right answers, read back from the CSV
        Path csv = home.resolve("results.csv");
        vm.exportResults(csv).get(5, TimeUnit.SECONDS);
        List<String> rows = java.nio.file.Files.readAllLines(csv);
        assertThat(rows.get(0)).startsWith("step,question,prediction,answer,measured,correct,seconds");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).startsWith("2,Which status code did the server answer with?,5000,200 OK,200,true,")
                .contains(",false,");
        assertThat(rows.get(2)).startsWith("3,How many bytes did the server read while parsing the request?,," + bytes + " bytes," + bytes + ",true,");
        assertThat(rows.get(3)).startsWith("4,How many bytes did the client write when it sent the request?,,,").contains(",,0");

        // back shows step 2 again with its verdict; nothing is sent again
        int sent = lab.recording().exchanges().size();
        vm.back();
        pump();
        assertThat(vm.stepTextProperty().get()).isEqualTo("Step 2 of 5");
        assertThat(vm.feedbackKindProperty().get()).isEqualTo(LessonPanelViewModel.FeedbackKind.CORRECT);
        assertThat(lab.recording().exchanges()).hasSize(sent);
        vm.closeNow();
        assertThat(vm.openProperty().get()).isFalse();

        LessonProgress saved = new ProgressStore(file).get("01-the-dance");
        assertThat(saved.currentStep()).isEqualTo(2);
        assertThat(saved.completedSteps()).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void theLastStepSaysTheLessonIsOverOrWhichStepsStillWaitForAnAnswer() throws Exception {
        ProgressStore store = new ProgressStore(home.resolve("ending.json"));
        store.save(new dev.roundtrip.lesson.LessonProgress("01-the-dance", 5, java.util.Set.of(1, 2, 4), java.time.Instant.now()));
        LessonPanelViewModel vm = vm(store);
        await(vm.open(lesson("01-the-dance")));
        assertThat(vm.stepTextProperty().get()).isEqualTo("Step 5 of 5");
        assertThat(vm.canNextProperty().get()).isFalse();
        assertThat(vm.completionTextProperty().get()).isEqualTo("80 % done\nEnd of the lesson. Step 3 still waits for an answer: go back to it with Back (Page Up).");
        vm.closeNow();

        store.save(new dev.roundtrip.lesson.LessonProgress("01-the-dance", 5, java.util.Set.of(1, 2, 3, 4), java.time.Instant.now()));
        LessonPanelViewModel done = vm(store);
        await(done.open(lesson("01-the-dance")));
        assertThat(done.completionTextProperty().get()).isEqualTo("100 % done\nEnd of the lesson: every step is done. Close it (✕) or open the next one in Lessons → Browse lessons.");
        done.back();
        pump();
        assertThat(done.completionTextProperty().get()).as("only at the last step").isEqualTo("100 % done");
        done.closeNow();
    }

    @Test
    void aResumedLessonContinuesWhereItWasAndResetStartsAgain() throws Exception {
        ProgressStore store = new ProgressStore(home.resolve("progress.json"));
        LessonPanelViewModel vm = vm(store);
        await(vm.open(lesson("01-the-dance")));
        await(vm.next());
        await(vm.next());
        vm.closeNow();

        LessonPanelViewModel again = vm(new ProgressStore(home.resolve("progress.json")));
        await(again.open(lesson("01-the-dance")));
        assertThat(again.stepTextProperty().get()).isEqualTo("Step 3 of 5");
        assertThat(again.canCheckProperty().get()).as("the actions up to step 3 ran again").isTrue();
        await(again.reset());
        assertThat(again.stepTextProperty().get()).isEqualTo("Step 1 of 5");
        assertThat(again.completionProperty().get()).isEqualTo(1.0 / 5);
        again.closeNow();
    }

    @Test
    void theGatesALessonSetsAreReportedForTheRunStepControls() throws Exception {
        LessonPanelViewModel vm = vm(new ProgressStore(home.resolve("progress.json")));
        await(vm.open(lesson("05-the-kernels-role")));
        LessonPanelViewModel.GateState g = vm.gatesProperty().get();
        assertThat(g.mode()).isEqualTo(GateMode.BREAKPOINTS);
        assertThat(g.breakpoints()).containsExactly(Stage.PARSE);
        assertThat(vm.focusProperty().get().lifelines()).containsExactly(Actor.SERVER_KERNEL);
        vm.closeNow();
        assertThat(lab.gates().mode()).as("closing leaves the engine as the lesson found it").isEqualTo(GateMode.RUN);
    }

    @Test
    void theQueueRunOfLessonTwelveIsOfferedToTheQueueDiagram() throws Exception {
        LessonPanelViewModel vm = vm(new ProgressStore(home.resolve("progress.json")));
        Lesson twelve = lesson("12-beyond-request-response");
        int queueStep = 0;
        while (!(twelve.steps().get(queueStep).action() instanceof dev.roundtrip.lesson.Action.Queue)) queueStep++;
        await(vm.open(twelve));
        assertThat(vm.queueProperty().get()).isNull();
        for (int i = 0; i < queueStep; i++) await(vm.next());
        assertThat(vm.focusProperty().get().queueDiagram()).isTrue();
        assertThat(vm.queueProperty().get()).isNotNull();
        assertThat(vm.queueProperty().get().summary().jobsDone()).isEqualTo(vm.queueProperty().get().setup().jobs());
        vm.closeNow();
    }

    @Test
    void aQuestionThatCannotBeMeasuredInThisRunSaysSoAndIsNotCounted() throws Exception {
        Lesson unmeasurable = LessonLoader.loadText("inline.yaml", "30-unmeasurable.yaml", String.join("\n",
                "id: 30-unmeasurable", "title: Nothing held", "level: beginner", "goals: [x]", "steps:",
                "  - narration: Sent, but never held before interpret.", "    action: send", "    with: {target: /}",
                "    checkpoint: {question: \"How many bytes wait?\", readout: kernel.client.rxQueue, expect: \"> 0\", unit: bytes}")).lessons().get(0);
        ProgressStore store = new ProgressStore(home.resolve("progress.json"));
        LessonPanelViewModel vm = vm(store);
        await(vm.open(unmeasurable));
        vm.answerProperty().set("100");
        vm.check();
        pump();
        assertThat(vm.feedbackKindProperty().get()).isEqualTo(LessonPanelViewModel.FeedbackKind.NOT_MEASURABLE);
        assertThat(vm.feedbackProperty().get()).startsWith("Not counted.").contains("never held before interpret");
        assertThat(vm.stepDoneProperty().get()).isFalse();
        assertThat(vm.completionProperty().get()).isZero();
        vm.closeNow();
        assertThat(new ProgressStore(home.resolve("progress.json")).get("30-unmeasurable").completedSteps()).isEmpty();
    }

    @Test
    void withoutALiveLabLessonsCannotRunAndSaySo() {
        LessonPanelViewModel vm = new LessonPanelViewModel(null, () -> null, TaskRunner.SAME_THREAD, fx::add);
        assertThat(vm.open(lesson("01-the-dance"))).isCompletedExceptionally();
        assertThat(vm.openProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).contains("replay");
    }
}
