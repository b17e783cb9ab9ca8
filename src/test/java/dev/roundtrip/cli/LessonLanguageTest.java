package dev.roundtrip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --lang}: a lesson listed, rehearsed and validated in one of its translations. */
class LessonLanguageTest {
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

    @Test
    void runInGermanRehearsesTheGermanTexts() {
        Result r = run("lesson", "run", "01-the-dance", "--lang", "de");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("# Der Tanz: eine Anfrage, fünf Stufen").contains("Mit welchem Statuscode hat der Server geantwortet?")
                .contains("## Schritt 5 von 5").contains("Antwort: 1 -> RICHTIG")
                .containsPattern("Fertig: 5 Schritte, \\d+ Checkpoints? aus Live-Messungen beantwortet, \\d+ Erwartung(en)? bestätigt");
    }

    @Test
    void listShowsTheTitlesInTheLanguageAskedFor() {
        Result r = run("lesson", "list", "--lang", "fr");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("La danse\u00a0: une requête, cinq étapes").contains("https");
    }

    @Test
    void validateChecksOneLanguageOrAllAndRefusesAnUnknownOne() {
        assertThat(run("lesson", "validate", "--lang", "es").code()).isZero();
        Result r = run("lesson", "validate", "--lang", "it");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'it' is not a language Roundtrip speaks; expected one of en, de, fr, es");
    }
}
