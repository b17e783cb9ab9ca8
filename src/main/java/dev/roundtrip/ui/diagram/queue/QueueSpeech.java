package dev.roundtrip.ui.diagram.queue;

import dev.roundtrip.ui.access.Speech;

/**
 * What a screen reader says for lesson 12's queue diagram: the run as a whole, each job's life in
 * one sentence, and each of its arrows and bars. Built from the {@link QueueDiagramScript} alone, so
 * a test reads it without a window; times are in words, from the run's start.
 */
public final class QueueSpeech {
    private QueueSpeech() {}

    /** The diagram as a whole: the setup and the run's figures. */
    public static String summary(QueueDiagramScript s) {
        if (s == null) return Speech.get("queue.empty");
        var setup = s.setup();
        var sum = s.summary();
        return Speech.get("queue.summary", setup.jobs(), setup.consumers(), setup.capacity(), sum.jobsDone(), sum.maxDepth(),
                Speech.duration(sum.maxWaitNanos()), Speech.duration(sum.producerBlockedNanos()), Speech.duration(sum.totalNanos()));
    }

    /** A job from put to done (or as far as it has gone). */
    public static String job(QueueDiagramScript s, QueueDiagramScript.Job j) {
        String id = String.valueOf(j.id());
        if (!j.queued()) return Speech.get("queue.job.producing", id);
        String in = Speech.duration(j.produceEnd() - s.startNanos());
        if (!j.taken()) return Speech.get("queue.job.waiting", id, in);
        String waited = Speech.duration(j.waitNanos());
        if (!j.done()) return Speech.get("queue.job.working", id, in, waited, j.consumer());
        return Speech.get("queue.job", id, in, waited, j.consumer(), Speech.duration(j.workEnd() - j.workBegin()));
    }

    public static String put(QueueDiagramScript.Job j) {
        return Speech.get("queue.put", String.valueOf(j.id()));
    }

    public static String take(QueueDiagramScript.Job j) {
        return Speech.get("queue.take", String.valueOf(j.id()), j.consumer());
    }

    public static String blocked(QueueDiagramScript.Job j) {
        return Speech.get("queue.blocked", String.valueOf(j.id()), Speech.duration(j.blockedNanos()));
    }

    /** The job's wait bar on the queue lifeline; {@code untilNanos} is the run's end while it still waits. */
    public static String waiting(QueueDiagramScript.Job j, long untilNanos) {
        long waited = j.taken() ? j.waitNanos() : untilNanos - j.produceEnd();
        return Speech.get("queue.wait", String.valueOf(j.id()), Speech.duration(waited));
    }

    /** The consumer's work bar; {@code untilNanos} is the run's end while the work goes on. */
    public static String work(QueueDiagramScript.Job j, long untilNanos) {
        long worked = (j.done() ? j.workEnd() : untilNanos) - j.workBegin();
        return Speech.get("queue.work", String.valueOf(j.id()), j.consumer(), Speech.duration(worked));
    }

    public static String lifeline(String name) {
        return Speech.get("lifeline", name);
    }
}
