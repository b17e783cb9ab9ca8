package dev.roundtrip.lab;

import dev.roundtrip.queue.QueueSetup;
import dev.roundtrip.queue.WorkQueue;
import dev.roundtrip.server.UpdateSource;
import dev.roundtrip.trace.TraceClock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The queue package's producer and consumers as the server's source of updates: while a client wants
 * updates, the producer makes a job every {@code every}, a consumer takes it from the queue and does its
 * work, and each finished job becomes an update ("job 7 done by consumer-1") that the real-time routes
 * deliver. The server and the queue never meet: the lab joins them here.
 */
public final class QueueUpdates implements UpdateSource {
    /** Between two jobs by default: at least one update a second, as the routes promise. */
    public static final Duration EVERY = Duration.ofMillis(500);
    /** A consumer's work on one job: long enough to be seen in the queue's trace, short beside {@link #EVERY}. */
    static final Duration WORK = Duration.ofMillis(5);

    private final TraceClock clock;
    private final Duration every;

    public QueueUpdates(TraceClock clock, Duration every) {
        if (every.isNegative() || every.isZero() || every.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("updates come every 1 ms to 1 s, was " + every.toMillis() + " ms");
        }
        this.clock = clock;
        this.every = every;
    }

    @Override
    public Running start(Consumer<String> sink) {
        WorkQueue q = WorkQueue.start(new QueueSetup(Integer.MAX_VALUE, 1, 16, WORK, every), clock,
                (id, consumer) -> sink.accept("job " + id + " done by " + consumer));
        return q::close;
    }
}
