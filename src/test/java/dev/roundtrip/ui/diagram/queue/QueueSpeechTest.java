package dev.roundtrip.ui.diagram.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.queue.QueueSetup;
import dev.roundtrip.queue.QueueSummary;
import dev.roundtrip.text.Texts;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a screen reader says for lesson 12's queue diagram, without a window: times in words, from the run's start. */
class QueueSpeechTest {
    private static final long MS = 1_000_000;
    private final QueueSetup setup = new QueueSetup(3, 2, 4, Duration.ofMillis(30), Duration.ofMillis(15));
    // job 1 done by consumer 1; job 2 taken by consumer 2 and still worked on; job 3 still waiting
    private final QueueDiagramScript script = new QueueDiagramScript(setup, List.of(
            new QueueDiagramScript.Job(1, 0, 0, 0, 1, 0, 30 * MS, 0),
            new QueueDiagramScript.Job(2, 15 * MS, 17 * MS, 27 * MS, 2, 27 * MS, -1, 0),
            new QueueDiagramScript.Job(3, 30 * MS, 30 * MS, -1, 0, -1, -1, 1)),
            0, 40 * MS, new QueueSummary(1, 2, 1, 10 * MS, 2 * MS, 40 * MS));

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void theRunAsAWholeSaysItsSetupAndFiguresInWords() {
        assertThat(QueueSpeech.summary(script)).isEqualTo("Queue diagram: 3 jobs, 2 consumers, room for 4. 1 done, at most 1 waiting at once, "
                + "longest wait 10 milliseconds, the producer waited 2 milliseconds for room, 40 milliseconds in all.");
        assertThat(QueueSpeech.summary(null)).isEqualTo("Queue diagram: no queue run yet.");
    }

    @Test
    void eachJobSaysHowFarItHasGoneAndEachArrowAndBarWhatItIs() {
        List<QueueDiagramScript.Job> j = script.jobs();
        assertThat(QueueSpeech.job(script, j.get(0))).isEqualTo("Job 1: put in at 0 nanoseconds, waited 0 nanoseconds in the queue, taken by consumer 1, worked 30 milliseconds.");
        assertThat(QueueSpeech.job(script, j.get(1))).isEqualTo("Job 2: put in at 17 milliseconds, waited 10 milliseconds in the queue, consumer 2 is working on it.");
        assertThat(QueueSpeech.job(script, j.get(2))).isEqualTo("Job 3: put in at 30 milliseconds, waiting in the queue.");
        assertThat(QueueSpeech.put(j.get(1))).isEqualTo("Put arrow from the Producer into the Queue: job 2");
        assertThat(QueueSpeech.take(j.get(1))).isEqualTo("Take arrow from the Queue to Consumer 2: job 2");
        assertThat(QueueSpeech.blocked(j.get(1))).isEqualTo("The producer waits 2 milliseconds for room: job 2");
        assertThat(QueueSpeech.waiting(j.get(2), script.endNanos())).isEqualTo("Job 3 waits 10 milliseconds in the queue");
        assertThat(QueueSpeech.work(j.get(1), script.endNanos())).isEqualTo("Consumer 2 works on job 2: 13 milliseconds");
    }

    @Test
    void inGermanFrenchAndSpanish() {
        Texts.use(Locale.GERMAN);
        assertThat(QueueSpeech.take(script.jobs().get(1))).isEqualTo("Pfeil von der Warteschlange zu Verbraucher 2: Auftrag 2");
        Texts.use(Locale.FRENCH);
        assertThat(QueueSpeech.summary(script)).startsWith("Diagramme de file : 3 tâches, 2 consommateurs");
        Texts.use(Texts.SPANISH);
        assertThat(QueueSpeech.job(script, script.jobs().get(2))).isEqualTo("Tarea 3: puesta a los 30 milisegundos, esperando en la cola.");
    }
}
