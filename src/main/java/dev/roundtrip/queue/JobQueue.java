package dev.roundtrip.queue;

import dev.roundtrip.trace.Phase;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A bounded blocking queue of job ids that records each job going in and coming out. PRODUCE END,
 * WAIT BEGIN and WAIT END are appended under the queue's own lock, so a job can never be seen
 * taken before it was seen queued.
 */
final class JobQueue {
    private final int capacity;
    private final QueueTrace trace;
    private final Deque<Long> jobs = new ArrayDeque<>();
    private boolean closed;

    JobQueue(int capacity, QueueTrace trace) {
        this.capacity = capacity;
        this.trace = trace;
    }

    /** Blocks while the queue is full: back-pressure on the producer. */
    synchronized void put(long jobId) throws InterruptedException {
        while (jobs.size() >= capacity) wait();
        jobs.addLast(jobId);
        long now = trace.clock().now();
        String thread = Thread.currentThread().getName();
        trace.append(new JobEvent(jobId, JobStage.PRODUCE, Phase.END, JobEvent.PRODUCER, now, thread, jobs.size()));
        trace.append(new JobEvent(jobId, JobStage.WAIT, Phase.BEGIN, JobEvent.QUEUE, now, thread, jobs.size()));
        notifyAll();
    }

    /** The next job, waiting for one; -1 once the queue is closed and empty. */
    synchronized long take(String lane) throws InterruptedException {
        while (jobs.isEmpty() && !closed) wait();
        if (jobs.isEmpty()) return -1;
        long id = jobs.removeFirst();
        trace.append(new JobEvent(id, JobStage.WAIT, Phase.END, lane, trace.clock().now(),
                Thread.currentThread().getName(), jobs.size()));
        notifyAll();
        return id;
    }

    synchronized int depth() {
        return jobs.size();
    }

    /** No more jobs will come: consumers finish what is queued, then stop. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
