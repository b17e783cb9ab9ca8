package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.text.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A translation beside a lesson: merged per text over the English, and every mismatch reported with file:line. */
class LessonTranslationTest {
    static final String ENGLISH = """
            id: 01-good
            title: A sound lesson
            level: beginner
            goals:
              - say what a request is
            steps:
              - id: hello
                narration: Hello.
              - id: send
                narration: Send one.
                action: send
                with: {target: /}
                checkpoint:
                  question: Which status came back?
                  readout: response.status
                  expect: "200"
                  choices:
                    - {text: "200 OK", value: "200", feedback: Here it is.}
                    - {text: "404 Not Found", value: "404"}
                  hints:
                    - Read the status line.
                    - It starts with HTTP/1.1.
                  feedback:
                    correct: "Status {measured}."
              - narration: How many bytes?
                checkpoint:
                  question: How many bytes did parse read?
                  readout: stage.parse.bytes
                  expect: "== stage.send.bytes"
                  tolerance: 10%
                  unit: bytes
            """;

    static final String GERMAN = """
            title: Eine solide Lektion
            goals:
              - sagen, was eine Anfrage ist
            steps:
              hello:
                narration: Hallo.
              send:
                narration: Schickt eine.
                checkpoint:
                  question: Welcher Status kam zurück?
                  choices:
                    - {text: "200 OK", feedback: Hier ist sie.}
                    - {text: "404 Not Found"}
                  hints:
                    - Lest die Statuszeile.
                    - Sie beginnt mit HTTP/1.1.
                  feedback:
                    correct: "Status {measured}."
              3:
                narration: Wie viele Bytes?
                checkpoint:
                  question: Wie viele Bytes hat parse gelesen?
                  unit: Bytes
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void english() throws IOException {
        Files.writeString(dir.resolve("01-good.yaml"), ENGLISH);
        Files.createDirectories(dir.resolve("de"));
        Files.writeString(dir.resolve("de/01-good.yaml"), GERMAN);
    }

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    private Path translation(String language, String text) throws IOException {
        Files.createDirectories(dir.resolve(language));
        return Files.writeString(dir.resolve(language).resolve("01-good.yaml"), text);
    }

    private List<String> errors(LessonSet set) {
        return set.errors().stream().map(LessonError::toString).toList();
    }

    @Test
    void aTranslatedLessonHasEveryTextInItsLanguageAndTheScriptOfTheEnglish() {
        LessonSet set = LessonLoader.loadDirectory(dir, Locale.GERMAN);
        assertThat(errors(set)).isEmpty();
        Lesson de = set.find("01-good").orElseThrow();
        Lesson en = LessonLoader.loadDirectory(dir, Locale.ENGLISH).find("01-good").orElseThrow();
        assertThat(de.language()).isEqualTo(Locale.GERMAN);
        assertThat(en.language()).isEqualTo(Locale.ENGLISH);
        assertThat(de.title()).isEqualTo("Eine solide Lektion");
        assertThat(de.goals()).containsExactly("sagen, was eine Anfrage ist");
        assertThat(de.steps()).extracting(Step::narration).containsExactly("Hallo.", "Schickt eine.", "Wie viele Bytes?");
        Checkpoint.MultipleChoice c = (Checkpoint.MultipleChoice) de.steps().get(1).checkpoint();
        assertThat(c.question()).isEqualTo("Welcher Status kam zurück?");
        assertThat(c.choices()).extracting(Checkpoint.Choice::text, Checkpoint.Choice::value, Checkpoint.Choice::feedback)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("200 OK", "200", "Hier ist sie."),
                        org.assertj.core.groups.Tuple.tuple("404 Not Found", "404", ""));
        assertThat(c.hints()).containsExactly("Lest die Statuszeile.", "Sie beginnt mit HTTP/1.1.");
        assertThat(((Checkpoint.Numeric) de.steps().get(2).checkpoint()).unit()).isEqualTo("Bytes");
        // what the engine does and what is claimed come from the English file only
        for (int i = 0; i < en.steps().size(); i++) {
            Step a = en.steps().get(i);
            Step b = de.steps().get(i);
            assertThat(b.action()).isEqualTo(a.action());
            assertThat(b.focus()).isEqualTo(a.focus());
            assertThat(b.line()).isEqualTo(a.line());
            assertThat(b.key()).isEqualTo(a.key());
            assertThat(b.readoutsNeeded()).isEqualTo(a.readoutsNeeded());
        }
        assertThat(de.source()).isEqualTo(en.source());
    }

    @Test
    void theLanguageInUseIsTheDefault() {
        Texts.use(Locale.GERMAN);
        assertThat(LessonLoader.loadDirectory(dir).find("01-good").orElseThrow().title()).isEqualTo("Eine solide Lektion");
        Texts.use(Locale.FRENCH); // no French translation: English
        assertThat(LessonLoader.loadDirectory(dir).find("01-good").orElseThrow().title()).isEqualTo("A sound lesson");
    }

    @Test
    void aTranslatedAnswerIsJudgedAsTheEnglishOneByNumberLetterOrItsOwnText() {
        Checkpoint c = LessonLoader.loadDirectory(dir, Locale.GERMAN).find("01-good").orElseThrow().steps().get(1).checkpoint();
        ReadoutValue measured = ReadoutValue.number("response.status", 200);
        for (String answer : List.of("1", "a", "200 OK")) {
            assertThat(Checker.check(c, answer, measured).verdict()).as(answer).isEqualTo(CheckResult.Verdict.CORRECT);
        }
        assertThat(Checker.check(c, "2", measured).verdict()).isEqualTo(CheckResult.Verdict.WRONG);
    }

    @Test
    void aMissingTextOrStepFallsBackToEnglishPerTextAndIsReportedWithFileAndLine() throws IOException {
        Path fr = translation("fr", """
                title: Une leçon solide
                steps:
                  send:
                    narration: Envoyez-en une.
                    checkpoint:
                      question: Quel statut est revenu ?
                      choices:
                        - {text: "200 OK", feedback: La voici.}
                        - {text: "404 Not Found"}
                      hints:
                        - Lisez la ligne de statut.
                      feedback:
                        correct: "Statut {measured}."
                  3:
                    narration: Combien d’octets ?
                    checkpoint:
                      question: Combien d’octets parse a-t-il lus ?
                      unit: octets
                """);
        LessonSet set = LessonLoader.loadDirectory(dir, Locale.FRENCH);
        Lesson l = set.find("01-good").orElseThrow();
        assertThat(l.title()).isEqualTo("Une leçon solide");
        assertThat(l.goals()).containsExactly("say what a request is");
        assertThat(l.steps()).extracting(Step::narration).containsExactly("Hello.", "Envoyez-en une.", "Combien d’octets ?");
        assertThat(l.steps().get(1).checkpoint().hints()).containsExactly("Lisez la ligne de statut.", "It starts with HTTP/1.1.");
        String en = dir.resolve("01-good.yaml").toString();
        assertThat(errors(set)).containsExactly(
                fr + ":1:1: goals: lacks goals (" + en + ":4); it is shown in English",
                fr + ":2:1: steps.hello: lacks step 'hello' (" + en + ":7); it is shown in English",
                fr + ":10:7: steps.send.checkpoint.hints[2]: lacks this text (" + en + ":22: 'It starts with HTTP/1.1.'); it is shown in English");
    }

    @Test
    void theValidatorReportsExtraStepsScriptFieldsAndChangedPlaceholdersOrFiguresWithFileAndLine() throws IOException {
        Path es = translation("es", GERMAN
                .replace("  hello:\n", "  hola:\n")
                .replace("    - {text: \"404 Not Found\"}", "    - {text: \"403 No encontrado\"}")
                .replace("correct: \"Status {measured}.\"", "correct: \"Estado {medido}.\"")
                .replace("      unit: Bytes", "      unit: bytes\n      tolerance: 5%")
                .replace("        - Sie beginnt mit HTTP/1.1.\n", "        - Sie beginnt mit HTTP/1.1.\n        - Noch einer.\n"));
        LessonSet set = LessonLoader.loadFiles(List.of(es));
        String en = dir.resolve("01-good.yaml").toString();
        assertThat(errors(set)).containsExactly(
                es + ":4:1: steps.hello: lacks step 'hello' (" + en + ":7); it is shown in English",
                es + ":5:3: steps.hola: the English lesson has no step 'hola'; its steps are hello, send, 3",
                es + ":13:18: steps.send.checkpoint.choices[2].text: an answer's figures must stay as in English ('404 Not Found'); this one has 403",
                es + ":17:11: steps.send.checkpoint.hints[3]: the English has 2 here; remove this one",
                es + ":19:18: steps.send.checkpoint.feedback.correct: placeholders differ: the English has {measured}, this text {medido}; "
                        + "each is replaced by a measurement, so write them exactly as in English",
                es + ":25:7: steps.3.checkpoint.tolerance: 'tolerance' is not a text: it comes from the English lesson; "
                        + "a translation holds only question, unit, choices, hints, feedback");
        // loaded in that language, the faulty texts stay English and the good ones are used
        Lesson l = LessonLoader.loadDirectory(dir, Texts.SPANISH).find("01-good").orElseThrow();
        Checkpoint.MultipleChoice c = (Checkpoint.MultipleChoice) l.steps().get(1).checkpoint();
        assertThat(c.choices()).extracting(Checkpoint.Choice::text).containsExactly("200 OK", "404 Not Found");
        assertThat(c.feedbackCorrect()).isEqualTo("Status {measured}.");
        assertThat(c.question()).isEqualTo("Welcher Status kam zurück?");
    }

    @Test
    void twoChoicesThatReadTheSameAreRefusedBecauseStudentsMayAnswerWithTheText() throws IOException {
        Files.writeString(dir.resolve("01-good.yaml"), ENGLISH.replace("\"200 OK\"", "It worked").replace("\"404 Not Found\"", "It failed"));
        Path fr = translation("fr", GERMAN.replace("\"200 OK\"", "Ça a marché").replace("\"404 Not Found\"", "ça a MARCHÉ "));
        assertThat(errors(LessonLoader.loadFiles(List.of(fr)))).containsExactly(fr + ":13:18: steps.send.checkpoint.choices[2].text: reads the same as "
                + "steps.send.checkpoint.choices[1].text; students may answer with a choice's text, so each must differ");
    }

    @Test
    void aCorruptTranslationIsRefusedWithAClearMessageAndTheEnglishLessonStillLoads() throws IOException {
        Path fr = translation("fr", "title: \"Une leçon\nsteps:\n");
        LessonSet set = LessonLoader.loadDirectory(dir, Locale.FRENCH);
        assertThat(set.find("01-good").orElseThrow().title()).isEqualTo("A sound lesson");
        assertThat(errors(set)).hasSize(2);
        assertThat(errors(set).get(0)).startsWith(fr + ":3:1: YAML syntax error: found unexpected end of stream");
        assertThat(errors(set).get(1)).isEqualTo(fr + ": this translation cannot be read, so 01-good is shown in English until it is fixed");

        Files.write(fr, new byte[] {(byte) 0xff, (byte) 0xfe, 't', 0});
        set = LessonLoader.loadDirectory(dir, Locale.FRENCH);
        assertThat(set.find("01-good").orElseThrow().title()).isEqualTo("A sound lesson");
        assertThat(errors(set)).containsExactly(fr + ": the file is UTF-16 (little-endian) text; save it as UTF-8",
                fr + ": this translation cannot be read, so the lesson is shown in English");

        Files.writeString(fr, "- a list\n- not texts\n");
        assertThat(errors(LessonLoader.loadDirectory(dir, Locale.FRENCH))).first().asString()
                .isEqualTo(fr + ":1:1: expected a mapping (lines of 'name: value'), found a list");
    }

    @Test
    void aTranslationWithoutItsEnglishLessonIsNamed() throws IOException {
        Path orphan = translation("de", "title: Verwaist\n").resolveSibling("02-gone.yaml");
        Files.writeString(orphan, "title: Verwaist\n");
        assertThat(errors(LessonLoader.loadFiles(List.of(orphan)))).containsExactly(orphan + ": no English lesson "
                + dir.resolve("02-gone.yaml") + " to translate; a translation is named exactly as the lesson it translates");
    }

    @Test
    void validatingALessonChecksItsTranslationsInEveryLanguageOrOnlyTheOneAskedFor() throws IOException {
        Path fr = translation("fr", "title: Une leçon\n");
        Path en = dir.resolve("01-good.yaml");
        assertThat(LessonLoader.loadFiles(List.of(en)).errors()).extracting(LessonError::file).containsOnly(fr.toString());
        assertThat(LessonLoader.loadFiles(List.of(dir)).errors()).extracting(LessonError::file).containsOnly(fr.toString());
        assertThat(LessonLoader.loadFiles(List.of(en), List.of(Locale.GERMAN)).errors()).isEmpty();
        assertThat(LessonLoader.loadFiles(List.of(dir.resolve("de"))).errors()).isEmpty();
        assertThat(LessonLoader.loadFiles(List.of(en)).lessons()).singleElement().extracting(Lesson::language).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void stepIdsAreWellFormedAndUnique() {
        String twice = ENGLISH.replace("  - id: send\n", "  - id: hello\n");
        assertThat(LessonLoader.loadText("t.yaml", "01-good.yaml", twice).errors()).extracting(LessonError::toString)
                .containsExactly("t.yaml:9:9: steps[2].id: step id 'hello' is already the id of step 1; every step needs its own");
        String badForm = ENGLISH.replace("  - id: send\n", "  - id: Send It\n");
        assertThat(LessonLoader.loadText("t.yaml", "01-good.yaml", badForm).errors()).extracting(LessonError::toString)
                .containsExactly("t.yaml:9:9: steps[2].id: step id 'Send It' must be lower-case letters, digits and dashes with at least one letter, such as 'send-get'");
        String number = ENGLISH.replace("  - id: send\n", "  - id: \"3\"\n");
        assertThat(LessonLoader.loadText("t.yaml", "01-good.yaml", number).errors()).singleElement().asString().contains("at least one letter");
    }
}
