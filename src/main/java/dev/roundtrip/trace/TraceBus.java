package dev.roundtrip.trace;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Carries facts from the engine to its listeners without ever blocking the publisher: each
 * subscription has a bounded queue and its own delivery thread. When a queue is full the event is
 * counted as dropped for that subscription, so {@code delivered + dropped + queued == published}
 * always holds and nothing is lost silently.
 */
public final class TraceBus implements AutoCloseable {
    public static final int DEFAULT_CAPACITY = 65_536;
    /** How long an idle delivery thread waits before looking again: the latency of a lone event. */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How full a queue gets before a publisher wakes its parked delivery thread. */
    private static final int WAKE_AT = 4096;

    private final TraceClock clock;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicLong published = new AtomicLong();

    public TraceBus(TraceClock clock) {
        this.clock = clock;
    }

    public TraceBus() {
        this(new TraceClock());
    }

    public TraceClock clock() {
        return clock;
    }

    /** Never blocks. Safe from any thread, including I/O event loops. */
    public void publish(TraceEvent event) {
        published.incrementAndGet();
        for (Subscription s : subscriptions) s.offer(event);
    }

    public long published() {
        return published.get();
    }

    public Subscription subscribe(TraceListener listener) {
        return subscribe(listener, DEFAULT_CAPACITY);
    }

    public Subscription subscribe(TraceListener listener, int capacity) {
        Subscription s = new Subscription(listener, capacity);
        subscriptions.add(s);
        s.thread.start();
        return s;
    }

    /** Waits until every subscription has delivered what was published so far; false on timeout. */
    public boolean awaitDelivered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Subscription s : subscriptions) {
            if (!s.awaitIdle(deadline)) return false;
        }
        return true;
    }

    @Override
    public void close() {
        for (Subscription s : subscriptions) s.close();
        subscriptions.clear();
    }

    /**
     * One listener's queue, thread and counters. The queue is lock-free (many publishers, one
     * delivery thread); the delivery thread parks when it runs dry and a publisher wakes it only
     * then, so a busy engine pays no lock and no wake-up per event.
     */
    public final class Subscription implements AutoCloseable {
        private final TraceListener listener;
        private final int capacity;
        private final EventRing queue;
        private final Thread thread;
        /** Written by the delivery thread alone (ordered stores, no read-modify-write per event). */
        private final AtomicLong delivered = new AtomicLong();
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private volatile boolean open = true;
        private volatile boolean parked;
        private final int wakeAt;

        private Subscription(TraceListener listener, int capacity) {
            this.listener = listener;
            this.capacity = capacity;
            this.queue = new EventRing(capacity);
            // a parked delivery thread looks again within IDLE_PARK_NANOS by itself: a publisher wakes it only
            // when the queue could not take another millisecond of a busy engine's events (~200 at 20k exchanges/s),
            // since each wake-up is a system call on the publisher's thread (JFR: 2 % of the event loop at 256)
            this.wakeAt = Math.min(capacity / 4, WAKE_AT);
            this.thread = new Thread(this::run, "trace-delivery-" + listener.getClass().getSimpleName());
            this.thread.setDaemon(true);
        }

        private void offer(TraceEvent e) {
            if (!open || !queue.offer(e)) { // the ring holds exactly the capacity asked for
                dropped.incrementAndGet();
                return;
            }
            // the delivery thread looks again within a millisecond by itself; a wake-up per event
            // would cost the publisher a system call, so only a filling queue (or a slow listener) gets one
            // one wake-up per park: a woken thread not yet running (2 cores, all busy) still reads as parked, and
            // publishers waking it again at every event spent 5 % of the event loop in unpark (JFR)
            if (parked && queue.size() > wakeAt) {
                parked = false;
                LockSupport.unpark(thread);
            }
        }

        private void run() {
            while (open || !queue.isEmpty()) {
                TraceEvent e = queue.poll();
                if (e == null) {
                    parked = true;
                    // re-check after announcing the park: a publisher that missed the flag has queued by now
                    if (queue.isEmpty() && open) LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                    parked = false;
                    continue;
                }
                try {
                    listener.onEvent(e);
                } catch (RuntimeException ex) {
                    // A faulty listener must not stop delivery to itself or others; it is counted.
                    failed.incrementAndGet();
                } finally {
                    delivered.lazySet(delivered.get() + 1);
                }
            }
        }

        private boolean awaitIdle(long deadlineNanos) throws InterruptedException {
            while (delivered.get() < queue.accepted()) {
                if (System.nanoTime() > deadlineNanos) return false;
                Thread.sleep(1);
            }
            return true;
        }

        public long delivered() { return delivered.get(); }
        public long dropped() { return dropped.get(); }
        /** Delivered events whose listener threw. */
        public long failed() { return failed.get(); }
        public long queued() { return queue.size(); }

        @Override
        public void close() {
            open = false;
            subscriptions.remove(this);
            thread.interrupt();
        }
    }
}
