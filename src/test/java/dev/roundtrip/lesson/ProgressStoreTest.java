package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.files.RoundtripHome;
import dev.roundtrip.text.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {
    @TempDir
    Path dir;

    @Test
    void progressSurvivesARestart() throws Exception {
        Path file = dir.resolve("progress.json");
        ProgressStore store = new ProgressStore(file);
        assertThat(store.get("01-the-dance").isStarted()).isFalse();
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        store.save(LessonProgress.fresh("01-the-dance").withCompleted(1, now).withCompleted(2, now).at(3, now));

        ProgressStore again = new ProgressStore(file);
        LessonProgress p = again.get("01-the-dance");
        assertThat(p.currentStep()).isEqualTo(3);
        assertThat(p.completedSteps()).containsExactlyInAnyOrder(1, 2);
        assertThat(p.updatedAt()).isEqualTo(now);
        assertThat(p.completion(4)).isEqualTo(0.5);
        assertThat(again.problem()).isEmpty();

        again.reset("01-the-dance");
        assertThat(new ProgressStore(file).get("01-the-dance").isStarted()).isFalse();
    }

    @Test
    void predictionsAreKeptApartFromAnswersAcrossARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("progress.json");
        LessonProgress p = LessonProgress.fresh("01-the-dance").withCompleted(1, java.time.Instant.EPOCH)
                .withPrediction(2, false, java.time.Instant.EPOCH).withPrediction(4, true, java.time.Instant.EPOCH);
        new ProgressStore(file).save(p);
        LessonProgress again = new ProgressStore(file).get("01-the-dance");
        assertThat(again.predictions()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(2, false, 4, true));
        assertThat(again.predictionsRight()).isEqualTo(1);
        assertThat(again.completedSteps()).containsExactly(1);
    }

    @Test
    void theHomeDirectoryMovesWithTheSystemProperty() {
        String before = System.getProperty(RoundtripHome.PROPERTY);
        try {
            System.setProperty(RoundtripHome.PROPERTY, dir.toString());
            assertThat(ProgressStore.forUser().file()).isEqualTo(dir.resolve("progress.json"));
        } finally {
            if (before == null) System.clearProperty(RoundtripHome.PROPERTY);
            else System.setProperty(RoundtripHome.PROPERTY, before);
        }
    }

    @Test
    void whyAFileCouldNotBeReadIsSaidInTheLanguageInUse() throws Exception {
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "{\"format\": \"something-else\"}");
        ProgressStore store = new ProgressStore(file);
        try {
            Texts.use(Locale.GERMAN);
            assertThat(store.problem()).hasValue(file + " konnte nicht gelesen werden (keine Fortschrittsdatei von Roundtrip); die Datei liegt jetzt als "
                    + dir.resolve("progress.json.unreadable") + " daneben, der Fortschritt beginnt neu");
            Texts.use(Locale.FRENCH);
            assertThat(store.problem()).hasValueSatisfying(m -> assertThat(m).contains("n’a pas pu être lu (ce n’est pas un fichier de progression de Roundtrip)"));
        } finally {
            Texts.use(Locale.ENGLISH);
        }
        assertThat(store.problem()).hasValueSatisfying(m -> assertThat(m).contains("could not be read (not a Roundtrip progress file)"));
    }

    @Test
    void anUnreadableFileIsKeptAsideNotOverwritten() throws Exception {
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "{ this is not json");
        ProgressStore store = new ProgressStore(file);
        assertThat(store.problem()).hasValueSatisfying(m -> assertThat(m).contains("could not be read").contains("progress.json.unreadable"));
        assertThat(Files.readString(dir.resolve("progress.json.unreadable"))).isEqualTo("{ this is not json");
        store.save(LessonProgress.fresh("02-status-codes").at(2, Instant.now()));
        assertThat(new ProgressStore(file).get("02-status-codes").currentStep()).isEqualTo(2);
    }
}
