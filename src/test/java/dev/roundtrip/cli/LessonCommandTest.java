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
        CommandLine cli = new CommandLine(new RoundtripCommand());
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
        assertThat(r.out()).contains("15 lesson(s) valid, 0 error(s)");
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
        assertThat(r.out().lines().map(l -> l.split("\\s+")[0]).toList()).startsWith("01-the-dance", "02-status-codes").endsWith("15-where-does-the-time-go").hasSize(15);
    }

    @Test
    void runRehearsesALessonAndAnswersFromLiveReadouts() {
        Result r = run("lesson", "run", "01-the-dance");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("## Step 2 of 5").contains("measured: response.status = 200")
                .contains("expect 200: holds (200)").contains("answer: 1 -> CORRECT").contains("Done: 5 steps, 3 checkpoints answered from live readouts, 4 expectations held.");
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
