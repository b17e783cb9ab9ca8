package dev.roundtrip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LessonCommandTest {
    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RoundtripCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static Path fixtures(String dir) throws Exception {
        return Path.of(LessonCommandTest.class.getResource("/lessons/" + dir).toURI());
    }

    @Test
    void validateWithoutFilesChecksTheShippedLessons() {
        Result r = run("lesson", "validate");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("19 lesson(s) valid, 0 error(s)");
    }

    @Test
    void validatePrintsEveryErrorWithFileLineAndWhatWasExpectedAndFails() throws Exception {
        Path broken = fixtures("broken");
        Result r = run("lesson", "validate", broken.resolve("03-unknown-action.yaml").toString(), broken.resolve("01-good.yaml").toString(),
                broken.resolve("06-unknown-readout.yaml").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(broken.resolve("03-unknown-action.yaml") + ":8:13: steps[2].action: unknown action 'sendd'; expected one of none, send, raw,")
                .contains(broken.resolve("06-unknown-readout.yaml") + ":11:16: steps[1].checkpoint.readout: unknown readout 'kernel.server.rxqueue'; did you mean 'kernel.server.rxQueue'?");
        assertThat(r.out()).contains("1 lesson(s) valid, 2 error(s)");
    }

    @Test
    void validateAcceptsADirectory() throws Exception {
        Result r = run("lesson", "validate", fixtures("broken").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().count()).isEqualTo(17);
        assertThat(r.out()).contains("1 lesson(s) valid, 17 error(s)");
    }

    @Test
    void listShowsEveryLessonInOrder() {
        Result r = run("lesson", "list");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().map(l -> l.split("\\s+")[0]).toList()).startsWith("01-the-dance", "02-status-codes").endsWith("19-real-time-four-ways").hasSize(19);
    }

    @Test
    void runRehearsesALessonAndAnswersFromLiveReadouts() {
        Result r = run("lesson", "run", "01-the-dance");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("## Step 2 of 5").contains("measured: response.status = 200")
                .contains("expect 200: holds (200)").contains("answer: 1 -> CORRECT").contains("Done: 5 steps, 3 checkpoints answered from live readouts, 4 expectations held.");
    }

    @Test
    void runTakesTheLessonsFilePathAsWellAsItsId() {
        Result r = run("lesson", "run", "lessons/02-status-codes.yaml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Done:");
    }

    @Test
    void runWritesTheResultsPerStepAsCsvOrJsonForTheTeacher(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path csv = dir.resolve("dance.csv");
        Result r = run("lesson", "run", "01-the-dance", "--report", csv.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Results written to " + csv);
        java.util.List<String> rows = java.nio.file.Files.readAllLines(csv);
        assertThat(rows.get(0).split(",")).startsWith("step", "question", "prediction", "answer", "measured", "correct", "seconds");
        assertThat(rows).hasSize(4); // the three steps that ask something
        assertThat(rows.get(1)).startsWith("2,Which status code did the server answer with?,").contains(",200 OK,200,true,");
        assertThat(rows.get(2)).matches("3,How many bytes did the server read while parsing the request\\?,,(\\d+),\\1,true,.*");

        Path json = dir.resolve("dance.json");
        assertThat(run("lesson", "run", "01-the-dance", "--report", json.toString()).code()).isZero();
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(root.path("format").asText()).isEqualTo("roundtrip-lesson-results");
        assertThat(root.path("lesson").asText()).isEqualTo("01-the-dance");
        assertThat(root.path("steps")).hasSize(3);
        assertThat(root.path("steps").get(0).path("prediction").asText()).as("the rehearsal predicts from the lesson's claim").isNotEmpty();
        assertThat(root.path("totals").path("answeredRight").asInt()).isEqualTo(3);
    }

    @Test
    void runFailsNamingTheFileAndLineOfAnExpectThatDoesNotHold(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String dance = java.nio.file.Files.readString(Path.of("lessons/01-the-dance.yaml")).replace("expect: \"200\"", "expect: \"404\"");
        java.nio.file.Files.writeString(dir.resolve("01-the-dance.yaml"), dance);
        int line = 1 + (int) dance.substring(0, dance.indexOf("expect: \"404\"")).chars().filter(c -> c == '\n').count();
        Result r = run("lesson", "run", "01-the-dance", "--dir", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(dir.resolve("01-the-dance.yaml") + ":" + line + ": expected response.status = 404, measured 200");
    }

    @Test
    void runNamesTheKnownLessonsWhenTheIdIsUnknown() {
        Result r = run("lesson", "run", "99-nothing");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no lesson '99-nothing'; known: 01-the-dance, 02-status-codes");
    }

    @Test
    void runRefusesABrokenLessonWithItsErrors() throws Exception {
        Result r = run("lesson", "run", "03-unknown-action", "--dir", fixtures("broken").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("lesson 03-unknown-action has errors:").contains(":8:13: steps[2].action: unknown action 'sendd'");
    }
}
