package dev.roundtrip.lesson;

import dev.roundtrip.lab.RealtimeComparison;
import dev.roundtrip.queue.WorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a lesson has done so far: the exchanges it sent and its latest experiments. */
final class LessonState {
    private final List<Long> exchanges = new ArrayList<>();
    private WorkQueue queue;
    private NagleExperiment.Result nagle;
    /** The exchanges of the latest send action over HTTP/1.1 ([0]) and over HTTP/2 ([1]), for the h1.* and h2.* readouts. */
    private final List<List<Long>> batches = new ArrayList<>(List.of(List.of(), List.of()));
    private RealtimeComparison.Result realtime;

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

    synchronized void batch(boolean http2, List<Long> ids) {
        batches.set(http2 ? 1 : 0, List.copyOf(ids));
    }

    synchronized List<Long> batch(boolean http2) {
        return batches.get(http2 ? 1 : 0);
    }

    synchronized Optional<RealtimeComparison.Result> realtime() {
        return Optional.ofNullable(realtime);
    }

    synchronized void realtime(RealtimeComparison.Result r) {
        realtime = r;
    }

    synchronized void clear() {
        exchanges.clear();
        batches.replaceAll(b -> List.of());
        realtime = null;
        if (queue != null) queue.close();
        queue = null;
        nagle = null;
    }
}
