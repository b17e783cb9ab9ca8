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
}
