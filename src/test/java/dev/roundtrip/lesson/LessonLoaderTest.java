package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LessonLoaderTest {
    private static Path broken;
    private static LessonSet set;

    @BeforeAll
    static void load() throws URISyntaxException {
        broken = Path.of(LessonLoaderTest.class.getResource("/lessons/broken").toURI());
        set = LessonLoader.loadDirectory(broken);
    }

    private static List<String> errorsOf(String file) {
        String name = broken.resolve(file).toString();
        return set.errors().stream().filter(e -> e.file().equals(name)).map(e -> e.toString().substring(name.length())).toList();
    }

    @Test
    void soundLessonsStillLoadNextToBrokenOnes() {
        assertThat(set.lessons()).extracting(Lesson::id).containsExactly("01-good");
        Lesson good = set.lessons().get(0);
        assertThat(good.title()).isEqualTo("A sound lesson");
        assertThat(good.level()).isEqualTo(Level.BEGINNER);
        assertThat(good.steps()).hasSize(3);
        Step send = good.steps().get(1);
        assertThat(send.action()).isInstanceOf(Action.Send.class);
        assertThat(((Action.Send) send.action()).target()).isEqualTo("/");
        assertThat(((Action.Send) send.action()).method()).isEqualTo("GET");
        assertThat(send.focus()).containsExactly(Focus.LIFELINE_CLIENT, Focus.STAGE_SEND);
        assertThat(send.line()).isEqualTo(8);
        assertThat(send.checkpoint()).isInstanceOf(Checkpoint.MultipleChoice.class);
        Checkpoint.Numeric n = (Checkpoint.Numeric) good.steps().get(2).checkpoint();
        assertThat(n.readout()).isEqualTo("stage.parse.bytes");
        assertThat(n.tolerance()).isEqualTo(new Tolerance(10, true));
        assertThat(good.steps().get(0).action()).isInstanceOf(Action.Nothing.class);
        assertThat(errorsOf("01-good.yaml")).isEmpty();
    }

    @Test
    void yamlSyntaxErrorHasFileAndLine() {
        assertThat(errorsOf("02-yaml-syntax.yaml")).singleElement().asString()
                .startsWith(":7:1: YAML syntax error: found unexpected end of stream");
    }

    @Test
    void unknownActionListsTheKnownOnes() {
        assertThat(errorsOf("03-unknown-action.yaml")).containsExactly(
                ":8:13: steps[2].action: unknown action 'sendd'; expected one of none, send, raw, server, gate, step, release, cancel, probe, wait, queue, nagle, capture, stream, realtime");
    }

    @Test
    void missingFieldsAreNamed() {
        assertThat(errorsOf("04-missing-field.yaml")).containsExactly(
                ":1:1: title: missing field 'title': the lesson's title as students see it",
                ":6:5: steps[2].narration: missing field 'narration': the Markdown text the teacher reads for this step");
    }

    @Test
    void wrongTypesSayWhatWasExpected() {
        assertThat(errorsOf("05-wrong-type.yaml")).containsExactly(
                ":5:3: goals: expected a list of texts, found a mapping",
                ":11:14: steps[1].with.count: expected a whole number, found 'many'",
                ":12:18: steps[1].with.keepAlive: expected true or false, found 'sometimes'");
    }

    @Test
    void unknownReadoutSuggestsTheRightName() {
        assertThat(errorsOf("06-unknown-readout.yaml")).containsExactly(
                ":11:16: steps[1].checkpoint.readout: unknown readout 'kernel.server.rxqueue'; did you mean 'kernel.server.rxQueue'? (every readout is listed in lessons/README.md)");
    }

    @Test
    void idMustMatchTheFileName() {
        assertThat(errorsOf("07-wrong-id.yaml")).containsExactly(
                ":1:5: id: id '07-right-id' does not match the file name; expected '07-wrong-id'");
    }

    @Test
    void everyProblemOfAFileIsReportedInOnePass() {
        assertThat(errorsOf("08-many-problems.yaml")).containsExactly(
                ":3:8: level: unknown level 'expert'; expected one of beginner, intermediate, advanced",
                ":5:1: colour: unknown field 'colour'; expected one of id, title, level, goals, steps",
                ":8:13: steps[1].focus[1]: unknown focus 'lifeline.kernel'; expected one of " + String.join(", ", Focus.wireNames()),
                ":10:11: steps[1].with.stages: missing field 'stages': the stages to hold before, such as [parse]",
                ":15:9: steps[2].checkpoint.choices: no choice is marked 'correct: true'; mark the right one (or add a 'readout' to decide it live)",
                ":18:5: steps[3].narration: duplicate field 'narration' (first given on line 17)",
                ":20:16: steps[3].with.ms: expected a whole number from 1 to 30000, found 0");
    }

    @Test
    void aBreakpointBeforeConnectOrHandshakeIsRefusedBecauseNoGateHoldsThere(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("31-gates.yaml");
        java.nio.file.Files.writeString(file, String.join("\n",
                "id: 31-gates", "title: t", "level: beginner", "goals: [g]", "steps:",
                "  - narration: a",
                "    action: gate",
                "    with: {mode: breakpoints, stages: [parse, connect, nowhere]}", ""));
        List<String> errors = LessonLoader.loadFiles(List.of(file)).errors().stream().map(e -> e.toString().substring(file.toString().length())).toList();
        assertThat(errors).containsExactly(
                ":8:39: steps[1].with.stages[2]: a gate cannot hold before 'connect' (the kernels open the connection without stopping);"
                        + " expected one of send, parse, process, respond, interpret",
                ":8:39: steps[1].with.stages[3]: unknown stage 'nowhere'; expected one of send, parse, process, respond, interpret");
    }

    @Test
    void questionsThatPassWhateverIsMeasuredAreRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("30-regardless.yaml");
        java.nio.file.Files.writeString(file, String.join("\n",
                "id: 30-regardless", "title: t", "level: beginner", "goals: [g]", "steps:",
                "  - narration: a",                                    // 6
                "    action: send",
                "    with: {target: /}",
                "    checkpoint:",
                "      question: Which status?",                       // 10
                "      readout: response.status",
                "      choices: [{text: '200', value: '200'}, {text: '404', value: '404'}]",
                "  - narration: b",
                "    checkpoint:",
                "      question: Which status?",                       // 15
                "      readout: response.status",
                "      expect: '302'",
                "      choices: [{text: '200', value: '200'}, {text: '404', value: '404'}]",
                "  - narration: c",
                "    checkpoint:",                                     // 20
                "      question: Fixed",
                "      choices: [{text: a, correct: true}, {text: b, correct: true}]",
                "  - narration: d",
                "    checkpoint:",
                "      question: How many?",                           // 25
                "      readout: stage.send.bytes",
                "      expect: '> 0'",
                "      tolerance: 100%",
                "      feedback: {correct: 'About {stage.sendbytes}'}",
                "  - narration: e",                                    // 30
                "    predict:",
                "      question: Guess",
                "      readout: nagle.slower",
                "      expect: '>= 3'",
                "      choices: [{text: a, value: nodelay-off}, {text: b, value: nodelay-on}]",
                "    action: nagle", ""));
        List<String> errors = LessonLoader.loadFiles(List.of(file)).errors().stream().map(e -> e.toString().substring(file.toString().length())).toList();
        assertThat(errors).containsExactly(
                ":10:7: steps[1].checkpoint.expect: missing field 'expect': what the engine must measure for the narration to be true (the value of the right choice); without it a rehearsal passes whatever is measured",
                ":17:15: steps[2].checkpoint.expect: no choice has the value '302'; expected one of 200, 404",
                ":22:16: steps[3].checkpoint.choices: every choice is marked 'correct: true', so any answer passes; mark only the right one(s)",
                ":28:18: steps[4].checkpoint.tolerance: a tolerance of 100% accepts 0 whatever is measured, so any small answer passes; use less than 100%",
                ":29:27: steps[4].checkpoint.feedback.correct: unknown placeholder '{stage.sendbytes}'; expected {measured} or a readout such as {stage.send.bytes}: did you mean 'stage.send.bytes'? (every readout is listed in lessons/README.md)",
                ":34:15: steps[5].predict.expect: 'nagle.slower' is a word: compare it with == or != only, such as 'completed' or '!= failed'; found '>= 3'");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(errorsOf("09-empty.yaml")).containsExactly(
                ": the file is empty; expected a lesson with id, title, level, goals and steps");
    }

    @Test
    void duplicateIdsAcrossDirectoriesAreRefused() throws URISyntaxException {
        Path other = Path.of(getClass().getResource("/lessons/other").toURI());
        LessonSet both = LessonLoader.loadFiles(List.of(broken.resolve("01-good.yaml"), other.resolve("01-good.yaml")));
        assertThat(both.lessons()).extracting(Lesson::source).containsExactly(broken.resolve("01-good.yaml").toString());
        assertThat(both.errors()).extracting(LessonError::toString).containsExactly(
                other.resolve("01-good.yaml") + ":1:1: id: duplicate id '01-good': " + broken.resolve("01-good.yaml") + " already has it; every lesson needs its own id");
    }

    @Test
    void aFileThatIsNotYamlIsRefusedByName() {
        LessonSet s = LessonLoader.loadFiles(List.of(Path.of("notes.txt")));
        assertThat(s.errors()).extracting(LessonError::toString).containsExactly("notes.txt: expected a lesson file ending in .yaml");
    }

    @Test
    void aSendMayGoOverTlsAndATlsSettingThatIsNotTrueOrFalseIsNamed() {
        String lesson = "id: 90-tls\ntitle: t\nlevel: beginner\ngoals: [g]\nsteps:\n  - narration: n\n    action: send\n    with: {target: /, tls: %s}\n";
        LessonSet ok = LessonLoader.loadText("90-tls", "90-tls.yaml", lesson.formatted("true"));
        assertThat(ok.errors()).isEmpty();
        assertThat(((Action.Send) ok.lessons().get(0).steps().get(0).action()).tls()).isTrue();
        LessonSet plain = LessonLoader.loadText("90-tls", "90-tls.yaml", lesson.formatted("false"));
        assertThat(((Action.Send) plain.lessons().get(0).steps().get(0).action()).tls()).isFalse();
        LessonSet bad = LessonLoader.loadText("90-tls", "90-tls.yaml", lesson.formatted("maybe"));
        assertThat(bad.errors()).singleElement().asString().contains("steps[1].with.tls").contains("maybe");
    }
}
