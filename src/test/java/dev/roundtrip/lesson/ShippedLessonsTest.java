package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.roundtrip.lab.Lab;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every shipped lesson validates, and runs end to end against one real engine. */
class ShippedLessonsTest {
    static final List<String> EXPECTED = List.of("01-the-dance", "02-status-codes", "03-anatomy-of-a-request",
            "04-data-access", "05-the-kernels-role", "06-big-responses", "07-memory", "08-the-client-that-leaves",
            "09-malformed-requests", "10-keep-alive", "11-many-clients", "12-beyond-request-response", "13-the-40ms-mystery",
            "14-guess-the-size", "15-where-does-the-time-go", "16-https", "17-your-own-server",
            "18-http2-many-requests-one-connection", "19-real-time-four-ways");
    static final boolean LINUX = System.getProperty("os.name").toLowerCase().contains("linux");

    private static Lab lab;
    private static LessonSet shipped;
    private static LessonSet german;

    @BeforeAll
    static void start() throws Exception {
        shipped = LessonLoader.loadDirectory(Path.of("lessons"));
        german = LessonLoader.loadDirectory(Path.of("lessons"), Locale.GERMAN);
        lab = Lab.start();
    }

    @AfterAll
    static void stop() {
        if (lab != null) lab.close();
    }

    @Test
    void everyShippedLessonValidatesInTheIssuesOrder() {
        assertThat(shipped.errors()).isEmpty();
        assertThat(shipped.lessons()).extracting(Lesson::id).containsExactlyElementsOf(EXPECTED);
        for (Lesson l : shipped.lessons()) {
            assertThat(l.goals()).as(l.id() + " goals").isNotEmpty();
            assertThat(l.checkpointCount()).as(l.id() + " checkpoints").isPositive();
            // at least one question per lesson is answered from a live readout, and one step asks for a prediction first
            assertThat(l.steps()).as(l.id()).anyMatch(s -> s.checkpoint() != null && s.checkpoint().readout() != null);
            assertThat(l.steps()).as(l.id() + " predicts").anyMatch(s -> s.predict() != null);
            for (Step s : l.steps()) {
                if (s.checkpoint() != null && s.checkpoint().readout() != null) assertThat(s.checkpoint().expect()).as(l.id() + " step " + s.number()).isNotNull();
            }
        }
    }

    @Test
    void theJarCopyOfTheLessonsIsTheSame() {
        // LessonLibrary falls back to the copies packed into the jar (target/classes/lessons here)
        LessonSet packed = LessonLoader.loadDirectory(Path.of("target/classes/lessons"));
        assertThat(packed.lessons()).extracting(Lesson::id).containsExactlyElementsOf(EXPECTED);
    }

    @TestFactory
    Stream<DynamicTest> everyShippedLessonRunsHeadlessWithItsCheckpointsAnsweredFromLiveReadouts() {
        return shipped.lessons().stream().map(lesson -> DynamicTest.dynamicTest(lesson.id(), () -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            LessonDryRun.Report report = assertTimeoutPreemptively(Duration.ofSeconds(90),
                    () -> LessonDryRun.run(lesson, new LessonRunner(lab), new PrintStream(buf, true, StandardCharsets.UTF_8)));
            String out = buf.toString(StandardCharsets.UTF_8);
            assertThat(report.problems()).as(out).isEmpty();
            assertThat(report.expectsHeld()).as(out).isPositive();
            assertThat(report.checkpointsAnswered() + report.notMeasurable()).as(out).isEqualTo(lesson.checkpointCount());
            if (LINUX) assertThat(report.notMeasurable()).as(out).isZero();
            assertThat(out).contains("## Step " + lesson.steps().size() + " of " + lesson.steps().size());
            // the engine is left as a lesson found it
            assertThat(lab.gates().held()).isEmpty();
            assertThat(lab.serverSettings().tcpNoDelay()).isTrue();
            assertThat(lab.serverSettings().processDelayMillis()).isZero();
            Lesson translated = german.find(lesson.id()).orElseThrow();
            if (translated.language().equals(Locale.GERMAN)) assertRehearsesAsInEnglish(translated, report);
        }));
    }

    /** In German a lesson rehearses with the same verdicts as the English run just before it (one English run serves both). */
    private static void assertRehearsesAsInEnglish(Lesson lesson, LessonDryRun.Report en) {
        String id = lesson.id();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LessonDryRun.Report de = assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> LessonDryRun.run(lesson, new LessonRunner(lab), new PrintStream(buf, true, StandardCharsets.UTF_8)));
        assertThat(de.problems()).as(id).isEmpty();
        assertThat(de.expectsHeld()).as(id).isEqualTo(en.expectsHeld());
        assertThat(de.checkpointsAnswered()).as(id).isEqualTo(en.checkpointsAnswered());
        assertThat(de.notMeasurable()).as(id).isEqualTo(en.notMeasurable());
        assertThat(de.results()).as(id).extracting(StepResult::step, StepResult::verdict)
                .containsExactlyElementsOf(en.results().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.step(), r.verdict())).toList());
        // a prediction is judged against this run's own measurement (a time may come out either side of its tolerance): judged in both
        assertThat(de.results()).as(id).extracting(StepResult::step, r -> r.predictionVerdict() != null && r.predictionVerdict() != CheckResult.Verdict.NOT_MEASURABLE)
                .containsExactlyElementsOf(en.results().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.step(),
                        r.predictionVerdict() != null && r.predictionVerdict() != CheckResult.Verdict.NOT_MEASURABLE)).toList());
        assertThat(de.results()).as(id).allMatch(r -> r.verdict() == null || r.verdict() == CheckResult.Verdict.CORRECT);
    }

    @Test
    void theReadmeDocumentsEveryActionFocusAndReadout() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("lessons/README.md"));
        for (ActionKind k : ActionKind.values()) {
            assertThat(readme).as("action " + k.wireName()).contains("### `" + k.wireName() + "`");
            for (String p : k.parameters()) assertThat(readme).as(k.wireName() + " setting " + p).contains("`" + p + "`");
        }
        for (Focus f : Focus.values()) assertThat(readme).as("focus").contains("| `" + f.wireName() + "` |");
        for (ReadoutCatalog.Entry e : ReadoutCatalog.all()) assertThat(readme).as("readout").contains("| `" + e.name() + "` |");
    }

    @Test
    void theReadmesExampleLessonValidatesAndRuns(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("lessons/README.md"));
        int section = readme.indexOf("## A complete small example");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        Path file = dir.resolve("20-hello.yaml");
        java.nio.file.Files.writeString(file, yaml);
        LessonSet set = LessonLoader.loadFiles(List.of(file));
        assertThat(set.errors()).isEmpty();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LessonDryRun.Report report = LessonDryRun.run(set.lessons().get(0), new LessonRunner(lab), new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(report.problems()).isEmpty();
        assertThat(report.checkpointsAnswered()).isEqualTo(2);
    }

    /** An engine that answers 404 to GET / (its requests for / go to a path it does not know). */
    @Test
    void lessonOneFailsItsRehearsalAtTheLineOfTheStatusClaimWhenGetSlashIsAnswered404() throws Exception {
        Lesson dance = shipped.find("01-the-dance").orElseThrow();
        LessonRunner wrongEngine = new LessonRunner(lab, spec -> "/".equals(spec.target())
                ? new dev.roundtrip.client.RequestSpec(spec.method(), "/not-here", spec.headers(), spec.body(), spec.raw(), spec.keepAlive(), spec.timeout())
                : spec);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LessonDryRun.Report report = LessonDryRun.run(dance, wrongEngine, new PrintStream(buf, true, StandardCharsets.UTF_8));
        int line = lineOf(Path.of("lessons/01-the-dance.yaml"), "expect: \"200\"");
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).as(buf.toString(StandardCharsets.UTF_8))
                .containsExactly("lessons/01-the-dance.yaml:" + line + ": expected response.status = 200, measured 404");
    }

    @Test
    void aShippedExpectChangedOnPurposeFailsTheRehearsalNamingFileAndLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String yaml = java.nio.file.Files.readString(Path.of("lessons/14-guess-the-size.yaml")).replace("expect: \"85..95\"", "expect: \">= 1000\"");
        Path file = dir.resolve("14-guess-the-size.yaml");
        java.nio.file.Files.writeString(file, yaml);
        Lesson broken = LessonLoader.loadFiles(List.of(file)).lessons().get(0);
        LessonDryRun.Report report = LessonDryRun.run(broken, new LessonRunner(lab), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(report.problems()).singleElement().asString()
                .startsWith(file + ":" + lineOf(file, "expect: \">= 1000\"") + ": expected stage.send.bytes >= 1000, measured ");
    }

    private static int lineOf(Path file, String text) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " is not in " + file);
    }

    @Test
    void aDryRunCatchesAChoiceThatNoMeasurementCanMatch() throws Exception {
        LessonSet set = LessonLoader.loadDirectory(Path.of(getClass().getResource("/lessons/mismatch").toURI()));
        assertThat(set.errors()).isEmpty();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LessonDryRun.Report report = LessonDryRun.run(set.lessons().get(0), new LessonRunner(lab), new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(report.ok()).isFalse();
        String file = set.lessons().get(0).source();
        assertThat(report.problems()).containsExactly(file + ":12: expected response.status = 404, measured 200",
                file + ":6: step 1: no choice matches the measurement 200");
    }
}
