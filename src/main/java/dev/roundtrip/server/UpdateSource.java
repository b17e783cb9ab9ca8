package dev.roundtrip.server;

import java.util.function.Consumer;

/**
 * Where the real-time routes' updates come from ({@code /poll}, {@code /events}, {@code /ws}). The server
 * knows no producer: the lab plugs one in (the queue package's producer and consumers). It runs only
 * while a client wants updates: {@link LiveUpdates} starts it when the first one comes and stops it when
 * the last one leaves.
 */
@FunctionalInterface
public interface UpdateSource {
    /**
     * Starts producing: each update's text goes to {@code sink} (any thread), at least one a second,
     * until the returned handle is closed.
     */
    Running start(Consumer<String> sink);

    /**
     * A source that is producing; {@link #close()} stops it without waiting for its threads (it is called
     * under a lock that {@code sink} takes: an update still on its way is dropped).
     */
    interface Running extends AutoCloseable {
        @Override
        void close();
    }
}
