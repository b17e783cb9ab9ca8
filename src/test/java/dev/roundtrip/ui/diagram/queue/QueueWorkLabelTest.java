package dev.roundtrip.ui.diagram.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.text.Texts;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A consumer's work label stays left of the next consumer's bar in every language (lesson 12 in German touched it). */
class QueueWorkLabelTest {
    private static final Texts.Bundle T = Texts.of("dev.roundtrip.ui.diagram.queue.Texts");

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void everyLineFitsBetweenTwoConsumersAndTheFigureStaysWhole() {
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, new Locale("es")}) {
            Texts.use(l);
            String waited = T.get("waited", "10,4 ms");
            String label = QueueDiagram.workText("#3", waited, "10,4 ms", 100);
            assertThat(label).as(l.toString()).startsWith("#3\n").contains("10,4 ms");
            for (String line : label.split("\n")) {
                assertThat(line.length() * QueueDiagram.LABEL_CHAR).as("'%s' in %s", line, l).isLessThanOrEqualTo(QueueDiagram.LABEL_ROOM);
            }
        }
    }

    @Test
    void aBarTooShortForTheBrokenLinesKeepsOnlyTheJob() {
        Texts.use(Locale.FRENCH);
        String waited = T.get("waited", "10,4 ms");
        assertThat(QueueDiagram.workText("#3", waited, "10,4 ms", 60)).isEqualTo("#3");
        assertThat(QueueDiagram.workText("#3", null, null, 100)).isEqualTo("#3");
        assertThat(QueueDiagram.workText("#3", waited, "10,4 ms", 100)).isEqualTo("#3\na attendu\n10,4 ms");
        Texts.use(Locale.ENGLISH);
        assertThat(QueueDiagram.workText("#3", T.get("waited", "2.1 ms"), "2.1 ms", 60)).isEqualTo("#3\nwaited 2.1 ms");
    }
}
