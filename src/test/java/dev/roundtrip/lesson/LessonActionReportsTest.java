package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.text.Texts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a step's action did is said under its narration in the language in use, stage names and gate modes as they are. */
class LessonActionReportsTest {
    private static Lab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start();
    }

    @AfterAll
    static void stop() {
        if (lab != null) lab.close();
    }

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void lessonFivesActionsReportInGerman() throws Exception {
        Texts.use(Locale.GERMAN);
        assertThat(reports("05-the-kernels-role")).satisfiesExactly(
                gate -> assertThat(gate).isEqualTo("Haltepunkte: breakpoints vor parse"),
                send -> assertThat(send).matches("gesendet: GET /users/1: Austausch \\d+ angehalten vor parse"),
                probe -> assertThat(probe).matches("Kernel-Messung von Austausch \\d+: rx-Warteschlange (\\d+ Bytes|k\\. A\\.), tx-Warteschlange .*"),
                release -> assertThat(release).matches("alles freigegeben; Modus run: Austausch \\d+ 200 OK \\(abgeschlossen\\)"),
                reads -> assertThat(reads).isEmpty(),
                recap -> assertThat(recap).isEmpty());
    }

    @Test
    void inEnglishTheReportsReadAsBefore() throws Exception {
        assertThat(reports("05-the-kernels-role")).startsWith("gates: breakpoints before parse").element(3).asString()
                .matches("released everything; gates in run mode: exchange \\d+ 200 OK \\(completed\\)");
    }

    @Test
    void anActionThatCannotBeCarriedOutSaysWhyInGerman() throws Exception {
        Lesson lesson = LessonLoader.loadText("t", "35-cancel-first.yaml", String.join("\n",
                "id: 35-cancel-first", "title: t", "level: beginner", "goals: [g]", "steps:", "  - narration: n", "    action: cancel", "")).lessons().get(0);
        LessonRunner runner = new LessonRunner(lab);
        runner.begin();
        LessonRunException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> runner.perform(lesson.steps().get(0)), LessonRunException.class);
        assertThat(e.getMessage()).isEqualTo("cancel: this lesson has not sent a request yet");
        Texts.use(Locale.GERMAN);
        assertThat(e.getLocalizedMessage()).isEqualTo("cancel: diese Lektion hat noch keine Anfrage gesendet");
    }

    private static List<String> reports(String id) throws Exception {
        Lesson lesson = LessonLoader.loadDirectory(Path.of("lessons"), Texts.locale()).find(id).orElseThrow();
        LessonRunner runner = new LessonRunner(lab);
        List<String> said = new ArrayList<>();
        runner.begin();
        try {
            for (Step s : lesson.steps()) said.add(runner.perform(s).reportInUse());
        } finally {
            runner.finish();
        }
        return said;
    }
}
