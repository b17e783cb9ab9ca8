package dev.roundtrip.queue;

import java.time.Duration;

/**
 * One queue run: {@code jobs} jobs made by one producer every {@code produceEvery}, a queue
 * holding at most {@code capacity}, and {@code consumers} worker threads that each spend
 * {@code work} on a job (a sleep standing for real work such as a database write).
 */
public record QueueSetup(int jobs, int consumers, int capacity, Duration work, Duration produceEvery) {
    public QueueSetup {
        if (jobs < 1 || consumers < 1 || capacity < 1) throw new IllegalArgumentException("jobs, consumers and capacity must be >= 1");
        if (work.isNegative() || produceEvery.isNegative()) throw new IllegalArgumentException("durations must be >= 0");
    }
}
