package dev.roundtrip.queue;

import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.TraceClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The event-driven alternative to asking a server again and again: one producer thread puts jobs
 * into a bounded in-process queue and consumer threads take them as soon as they are there.
 * Nobody polls: a consumer sleeps inside {@code take} until a job arrives and is woken at once.
 *
 * <pre>
 *  producer ──put──▶ [ queue (capacity) ] ──take──▶ consumer-1
 *                                         └─take──▶ consumer-2 ...
 * </pre>
 * Every step is recorded in a {@link QueueTrace} as {@link JobEvent}s.
 */
public final class WorkQueue implements AutoCloseable {
    private final QueueSetup setup;
    private final QueueTrace trace;
    private final JobQueue queue;
    private final List<Thread> threads = new ArrayList<>();
    private final Done done;

    /** Told of each job a consumer has finished (on that consumer's thread): where the queue's work goes on to. */
    @FunctionalInterface
    public interface Done {
        void done(long jobId, String consumer);
    }

    private WorkQueue(QueueSetup setup, TraceClock clock, Done done) {
        this.done = done;
        this.setup = setup;
        this.trace = new QueueTrace(clock);
        this.queue = new JobQueue(setup.capacity(), trace);
    }

    /** Starts the producer and the consumers at once; returns without waiting. */
    public static WorkQueue start(QueueSetup setup, TraceClock clock) {
        return start(setup, clock, (id, consumer) -> {});
    }

    /** The same, telling {@code done} of each finished job (the real-time routes' updates: {@code lab.QueueUpdates}). */
    public static WorkQueue start(QueueSetup setup, TraceClock clock, Done done) {
        WorkQueue q = new WorkQueue(setup, clock, done);
        for (int i = 1; i <= setup.consumers(); i++) {
            String lane = JobEvent.consumer(i);
            q.threads.add(q.thread("queue-" + lane, () -> q.consume(lane)));
        }
        q.threads.add(q.thread("queue-producer", q::produce));
        q.threads.forEach(Thread::start);
        return q;
    }

    public QueueSetup setup() {
        return setup;
    }

    public QueueTrace trace() {
        return trace;
    }

    /** Waits until every job is done; false when {@code timeout} passed first. */
    public boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            TimeUnit.NANOSECONDS.timedJoin(t, left);
            if (t.isAlive()) return false;
        }
        return true;
    }

    public QueueSummary summary() {
        return QueueSummary.of(trace.events());
    }

    /** Stops every thread (used when a run is abandoned). */
    @Override
    public void close() {
        queue.close();
        threads.forEach(Thread::interrupt);
    }

    private Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private void produce() {
        try {
            for (long id = 1; id <= setup.jobs(); id++) {
                if (id > 1) sleep(setup.produceEvery());
                record(id, JobStage.PRODUCE, Phase.BEGIN, JobEvent.PRODUCER);
                queue.put(id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            queue.close();
        }
    }

    private void consume(String lane) {
        try {
            while (true) {
                long id = queue.take(lane);
                if (id < 0) return;
                record(id, JobStage.WORK, Phase.BEGIN, lane);
                sleep(setup.work());
                record(id, JobStage.WORK, Phase.END, lane);
                done.done(id, lane);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(long id, JobStage stage, Phase phase, String lane) {
        trace.append(new JobEvent(id, stage, phase, lane, trace.clock().now(), Thread.currentThread().getName(), queue.depth()));
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero()) Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    }
}
