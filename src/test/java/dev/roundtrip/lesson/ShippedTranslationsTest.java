package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.text.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every translation in lessons/ is complete (that each rehearses as the English one is checked in {@link ShippedLessonsTest}). */
class ShippedTranslationsTest {
    static final List<String> TRANSLATED = List.of("01-the-dance", "02-status-codes", "03-anatomy-of-a-request", "04-data-access", "05-the-kernels-role",
            "06-big-responses", "07-memory", "08-the-client-that-leaves", "09-malformed-requests", "10-keep-alive", "11-many-clients",
            "12-beyond-request-response", "13-the-40ms-mystery", "14-guess-the-size", "15-where-does-the-time-go", "16-https", "17-your-own-server",
            "18-http2-many-requests-one-connection", "19-real-time-four-ways");
    static final List<Locale> LANGUAGES = List.of(Locale.GERMAN, Locale.FRENCH, Texts.SPANISH);
    /** Every file under lessons/ in a language folder: a step or text it lacks (or has too many) fails here with file:line. */
    @Test
    void everyShippedTranslationHasEveryStepAndTextOfItsLesson() throws IOException {
        List<Path> translations = new ArrayList<>();
        for (Locale l : LANGUAGES) {
            try (Stream<Path> files = Files.list(Path.of("lessons", l.getLanguage()))) {
                files.sorted().forEach(translations::add);
            }
        }
        assertThat(translations).hasSize(TRANSLATED.size() * LANGUAGES.size());
        LessonSet checked = LessonLoader.loadFiles(translations);
        assertThat(checked.errors()).extracting(LessonError::toString).isEmpty();
        assertThat(LessonLoader.loadFiles(List.of(Path.of("lessons"))).errors()).extracting(LessonError::toString).isEmpty();
    }

    @Test
    void theTranslatedLessonsAreInEachLanguageNotLeftInEnglish() {
        LessonSet english = LessonLoader.loadDirectory(Path.of("lessons"), Locale.ENGLISH);
        for (Locale language : LANGUAGES) {
            LessonSet set = LessonLoader.loadDirectory(Path.of("lessons"), language);
            assertThat(set.errors()).isEmpty();
            for (String id : TRANSLATED) {
                Lesson en = english.find(id).orElseThrow();
                Lesson t = set.find(id).orElseThrow();
                String as = id + " in " + language;
                assertThat(t.language()).as(as).isEqualTo(language);
                assertThat(t.title()).as(as).isNotEqualTo(en.title());
                assertThat(t.steps()).as(as).hasSameSizeAs(en.steps());
                for (int i = 0; i < en.steps().size(); i++) {
                    Step a = en.steps().get(i);
                    Step b = t.steps().get(i);
                    assertThat(a.id()).as(as + " step " + a.number() + " needs an id to be translated").isNotNull();
                    assertThat(b.narration()).as(as + " step " + a.key()).isNotEqualTo(a.narration());
                    if (a.checkpoint() != null) assertThat(b.checkpoint().question()).as(as + " " + a.key()).isNotEqualTo(a.checkpoint().question());
                    if (a.predict() != null) assertThat(b.predict().guess().question()).as(as + " " + a.key()).isNotEqualTo(a.predict().guess().question());
                }
            }
            // the untranslated lessons are there, in English
            assertThat(set.lessons()).hasSameSizeAs(english.lessons());
            assertThat(set.lessons()).filteredOn(l -> !TRANSLATED.contains(l.id())).allMatch(l -> l.language().equals(Locale.ENGLISH));
        }
    }

    @Test
    void aShippedTranslationThatLosesAStepFailsValidationAtItsLine(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("lessons/01-the-dance.yaml"), dir.resolve("01-the-dance.yaml"));
        Files.createDirectories(dir.resolve("de"));
        List<String> lines = Files.readAllLines(Path.of("lessons/de/01-the-dance.yaml"));
        int recap = lines.indexOf("  recap:");
        Path de = Files.write(dir.resolve("de/01-the-dance.yaml"), lines.subList(0, recap));
        assertThat(LessonLoader.loadFiles(List.of(dir)).errors()).extracting(LessonError::toString).containsExactly(de + ":"
                + (lines.indexOf("steps:") + 1) + ":1: steps.recap: lacks step 'recap' (" + dir.resolve("01-the-dance.yaml") + ":"
                + (Files.readAllLines(dir.resolve("01-the-dance.yaml")).indexOf("  - id: recap") + 1) + "); it is shown in English");
    }

    @Test
    void theReadmesExampleTranslationValidatesAndTranslatesItsLesson(@TempDir Path dir) throws IOException {
        String readme = Files.readString(Path.of("lessons/README.md"));
        Files.writeString(dir.resolve("20-hello.yaml"), yamlAfter(readme, "## A complete small example"));
        Files.createDirectories(dir.resolve("de"));
        Files.writeString(dir.resolve("de/20-hello.yaml"), yamlAfter(readme, "### What a translation holds"));
        assertThat(LessonLoader.loadFiles(List.of(dir)).errors()).extracting(LessonError::toString).isEmpty();
        Lesson de = LessonLoader.loadDirectory(dir, Locale.GERMAN).lessons().get(0);
        assertThat(de.title()).isEqualTo("Hallo: eine Anfrage");
        assertThat(de.steps().get(1).checkpoint().question()).isEqualTo("Welcher Status kam zurück?");
    }

    private static String yamlAfter(String readme, String heading) {
        int start = readme.indexOf("```yaml\n", readme.indexOf(heading)) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void theJarCarriesTheTranslations() {
        assertThat(LessonLoader.loadDirectory(Path.of("target/classes/lessons"), Locale.GERMAN).find("01-the-dance").orElseThrow().language())
                .isEqualTo(Locale.GERMAN);
    }
}
