package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.text.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lesson validate}'s structural messages in the language in use, each still naming file, line, column and field. */
class LessonErrorLanguageTest {
    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void unknownAndWronglyTypedFieldsAreSaidInGermanFrenchAndSpanish(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("32-words.yaml");
        Files.writeString(file, String.join("\n",
                "id: 32-words", "title: t", "level: beginner", "goals: [g]", "colour: red", "steps:",
                "  - narration: a",
                "    action: wait",
                "    with: {ms: 0, loud: yes}", ""));
        List<LessonError> errors = LessonLoader.loadFiles(List.of(file)).errors();
        assertThat(errors).extracting(e -> e.toString().substring(file.toString().length())).contains(
                ":5:1: colour: unknown field 'colour'; expected one of id, title, level, goals, steps",
                ":9:16: steps[1].with.ms: expected a whole number from 1 to 30000, found 0");
        Texts.use(Locale.GERMAN);
        assertThat(errors).extracting(e -> e.inUse().substring(file.toString().length())).contains(
                ":5:1: colour: unbekanntes Feld 'colour'; erwartet: eines von id, title, level, goals, steps",
                ":9:16: steps[1].with.ms: erwartet: eine ganze Zahl von 1 bis 30000, gefunden: 0");
        Texts.use(Locale.FRENCH);
        assertThat(errors.get(0).inUse()).startsWith(file + ":5:1: colour: champ inconnu 'colour' ; attendu : l’un de ");
        Texts.use(Locale.forLanguageTag("es"));
        assertThat(errors).extracting(LessonError::inUse).anyMatch(m -> m.contains("with.loud: campo desconocido 'loud' para la acción wait"));
    }

    @Test
    void theParsersOwnChecksAreSaidInGermanWithFileLineAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("33-checks.yaml");
        Files.writeString(file, String.join("\n",
                "id: 33-checks", "title: t", "level: expert", "goals: [g]", "steps:",
                "  - action: fly",
                "  - narration: b",
                "    action: send",
                "    with: {target: users}",
                "    checkpoint:",
                "      question: q",
                "      readout: stage.parse.bytez",
                "  - narration: c",
                "    checkpoint:",
                "      question: q",
                "      readout: stage.parse.bytes",
                "      expect: '>= fast'",
                "      tolerance: 150%", ""));
        List<LessonError> errors = LessonLoader.loadFiles(List.of(file)).errors();
        assertThat(errors).extracting(e -> e.toString().substring(file.toString().length())).contains(
                ":3:8: level: unknown level 'expert'; expected one of beginner, intermediate, advanced",
                ":6:5: steps[1].narration: missing field 'narration': the Markdown text the teacher reads for this step");
        Texts.use(Locale.GERMAN);
        assertThat(errors).extracting(e -> e.inUse().substring(file.toString().length())).contains(
                ":3:8: level: unbekannte Stufe 'expert'; erwartet: eine von beginner, intermediate, advanced",
                ":6:5: steps[1].narration: Feld 'narration' fehlt: der Markdown-Text, den die Lehrkraft zu diesem Schritt vorliest",
                ":6:13: steps[1].action: unbekannte Aktion 'fly'; erwartet: eine von " + String.join(", ", ActionKind.wireNames()),
                ":9:20: steps[2].with.target: erwartet: ein Pfad, der mit '/' beginnt, gefunden: 'users'",
                ":12:16: steps[2].checkpoint.readout: unbekannter Messwert 'stage.parse.bytez'; meintest du 'stage.parse.bytes'? "
                        + "(alle Messwerte stehen in lessons/README.md)",
                ":17:15: steps[3].checkpoint.expect: erwartet: eine Zahl, ein Bereich (250..400) oder ein Messwert nach '>=', gefunden: 'fast'; "
                        + "ein Messwert wird wie stage.send.bytes geschrieben",
                ":18:18: steps[3].checkpoint.tolerance: eine Toleranz von 150% lässt 0 zu, was auch immer gemessen wird, also besteht jede kleine "
                        + "Antwort; weniger als 100% verwenden");
        assertThat(errors).as("every message is said in German").noneMatch(e -> e.inUse().equals(e.toString()));
    }

    @Test
    void aTranslationsMismatchesAreSaidInGerman(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("34-two.yaml"), String.join("\n",
                "id: 34-two", "title: Two", "level: beginner", "goals: [g]", "steps:",
                "  - id: one", "    narration: One.", "  - id: two", "    narration: Two {measured}.", ""));
        Files.createDirectories(dir.resolve("de"));
        Files.writeString(dir.resolve("de/34-two.yaml"), String.join("\n",
                "title: Zwei", "goals: [z]", "steps:", "  one:", "    narration: Eins.", "    action: send", "  three:", "    narration: Drei.", ""));
        List<LessonError> errors = LessonLoader.loadDirectory(dir, Locale.GERMAN).errors();
        Texts.use(Locale.GERMAN);
        assertThat(errors).extracting(e -> e.inUse().replace(dir + "/", "")).contains(
                "de/34-two.yaml:6:5: steps.one.action: 'action' ist kein Text: es kommt aus der englischen Lektion; eine Übersetzung enthält nur narration, predict, checkpoint",
                "de/34-two.yaml:7:3: steps.three: die englische Lektion hat keinen Schritt 'three'; ihre Schritte sind one, two")
                .anyMatch(m -> m.startsWith("de/34-two.yaml:3:1: steps.two: Schritt 'two' fehlt (34-two.yaml:8); er wird auf Englisch gezeigt"));
        assertThat(errors.get(0).toString()).as("the English stays for logs").contains("steps.two: lacks step 'two' (");
    }
}
