package dev.roundtrip.lesson;

import dev.roundtrip.queue.WorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a lesson has done so far: the exchanges it sent and its latest experiments. */
final class LessonState {
    private final List<Long> exchanges = new ArrayList<>();
    private WorkQueue queue;
    private NagleExperiment.Result nagle;

    synchronized void sent(long exchangeId) {
        exchanges.add(exchangeId);
    }

    synchronized List<Long> exchanges() {
        return List.copyOf(exchanges);
    }

    synchronized Optional<Long> latest() {
        return exchanges.isEmpty() ? Optional.empty() : Optional.of(exchanges.get(exchanges.size() - 1));
    }

    synchronized Optional<WorkQueue> queue() {
        return Optional.ofNullable(queue);
    }

    synchronized void queue(WorkQueue q) {
        if (queue != null) queue.close();
        queue = q;
    }

    synchronized Optional<NagleExperiment.Result> nagle() {
        return Optional.ofNullable(nagle);
    }

    synchronized void nagle(NagleExperiment.Result r) {
        nagle = r;
    }

    synchronized void clear() {
        exchanges.clear();
        if (queue != null) queue.close();
        queue = null;
        nagle = null;
    }
}
