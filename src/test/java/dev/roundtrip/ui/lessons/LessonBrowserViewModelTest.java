package dev.roundtrip.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lesson.LessonLoader;
import dev.roundtrip.lesson.LessonProgress;
import dev.roundtrip.lesson.ProgressStore;
import dev.roundtrip.ui.util.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonBrowserViewModelTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryShippedLessonWithTheUsersProgress() throws Exception {
        ProgressStore store = new ProgressStore(dir.resolve("progress.json"));
        store.save(new LessonProgress("01-the-dance", 3, Set.of(1, 2), Instant.now()));
        LessonBrowserViewModel vm = new LessonBrowserViewModel(() -> LessonLoader.loadDirectory(Path.of("lessons")), () -> store, TaskRunner.SAME_THREAD, Runnable::run);
        vm.reload();
        long files;
        try (var s = Files.list(Path.of("lessons"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertThat(vm.rows()).hasSize((int) files);
        assertThat(vm.errors()).isEmpty();
        LessonBrowserViewModel.Row first = vm.rows().get(0);
        assertThat(first.id()).isEqualTo("01-the-dance");
        assertThat(first.number()).isEqualTo("01");
        assertThat(first.level()).isEqualTo("beginner");
        assertThat(first.goals()).isNotEmpty();
        assertThat(first.completion()).isEqualTo(2.0 / first.steps());
        assertThat(first.progressText()).isEqualTo("step 3 of " + first.steps());
        assertThat(vm.rows().get(1).progressText()).isEqualTo("not started");
        assertThat(vm.lesson("12-beyond-request-response")).isPresent();
    }

    /** A row is one list item for a screen reader: what the row shows, in one sentence (not the record's toString). */
    @Test
    void aRowSaysItsNumberTitleLevelProgressStepsAndGoals() {
        LessonBrowserViewModel.Row r = new LessonBrowserViewModel.Row("04-data-access", "04", "Data access", "intermediate",
                java.util.List.of("locate the database calls", "read a SQL statement"), 8, 0, "not started");
        assertThat(r.spoken()).isEqualTo("Lesson 04: Data access. intermediate, not started, 8 steps. Goals: locate the database calls; read a SQL statement");
        dev.roundtrip.text.Texts.use(java.util.Locale.GERMAN);
        try {
            assertThat(r.spoken()).startsWith("Lektion 04: Data access. ").contains("8 Schritte").contains("Ziele: ");
        } finally {
            dev.roundtrip.text.Texts.use(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void aBrokenFileIsListedWithFileAndLineAndTheGoodOnesStay() throws Exception {
        Files.copy(Path.of("lessons/01-the-dance.yaml"), dir.resolve("01-the-dance.yaml"));
        Files.writeString(dir.resolve("02-broken.yaml"), String.join("\n",
                "id: 02-broken", "title: Broken", "level: beginner", "goals: [one]", "steps:",
                "  - narration: hi", "    action: teleport", ""));
        LessonBrowserViewModel vm = new LessonBrowserViewModel(() -> LessonLoader.loadDirectory(dir), () -> null, TaskRunner.SAME_THREAD, Runnable::run);
        vm.reload();
        assertThat(vm.rows()).extracting(LessonBrowserViewModel.Row::id).containsExactly("01-the-dance");
        assertThat(vm.errors()).hasSize(1);
        assertThat(vm.errors().get(0)).containsPattern("02-broken\\.yaml:7(:\\d+)?: .*teleport");
        assertThat(vm.summaryProperty().get()).contains("1 lesson").contains("1 file with errors");
    }
}
