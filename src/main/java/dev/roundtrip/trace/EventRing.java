package dev.roundtrip.trace;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded queue of events for many publishers and one delivery thread, in one array: a publisher
 * claims a slot with one compare-and-set and fills it with an ordered store; the delivery thread
 * takes and clears slots with plain ordered stores, no read-modify-write. Against a linked queue
 * with counters beside it this saves a node per event and most of the atomic operations that made
 * the engine's event loop and the delivery thread fight over cache lines (the scheme of JCTools'
 * {@code MpscArrayQueue}, which is not on Maven Central's list served here; Netty's shaded copy is
 * Netty-internal and the trace package does not depend on Netty).
 */
final class EventRing {
    private final AtomicReferenceArray<TraceEvent> slots;
    private final int mask;
    /** At most this many queued (the array may be larger: its size is a power of two). */
    private final int bound;
    /** Slots claimed by publishers: every event accepted so far. */
    private final AtomicLong claimed = new AtomicLong();
    /** Slots the delivery thread has taken (written by it alone). */
    private final AtomicLong taken = new AtomicLong();
    /** A publisher's last view of how far it may claim, to read {@link #taken} only when it seems full. */
    private volatile long limit;

    EventRing(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        slots = new AtomicReferenceArray<>(size);
        mask = size - 1;
        bound = capacity;
        limit = capacity;
    }

    int capacity() {
        return bound;
    }

    /**
     * False when full (the capacity asked for is queued): the event is not queued. Any thread. The
     * delivery thread's progress is read only when the last view of it says full, so a publisher does
     * not touch that cache line per event.
     */
    boolean offer(TraceEvent e) {
        long at;
        do {
            at = claimed.get();
            if (at >= limit) {
                long l = taken.get() + bound;
                if (at >= l) return false;
                limit = l;
            }
        } while (!claimed.compareAndSet(at, at + 1));
        slots.lazySet((int) (at & mask), e);
        return true;
    }

    /** The next event, or null when there is none. The delivery thread only. */
    TraceEvent poll() {
        long at = taken.get();
        int i = (int) (at & mask);
        TraceEvent e = slots.get(i);
        if (e == null) {
            if (at == claimed.get()) return null;
            // claimed but not filled yet: the publisher is between its two steps, a few instructions away
            do {
                Thread.onSpinWait();
                e = slots.get(i);
            } while (e == null);
        }
        slots.lazySet(i, null);
        taken.lazySet(at + 1);
        return e;
    }

    /** Events accepted so far. */
    long accepted() {
        return claimed.get();
    }

    /** Events queued now (accepted, not yet taken). */
    int size() {
        return (int) Math.max(0, claimed.get() - taken.get());
    }

    boolean isEmpty() {
        return claimed.get() == taken.get();
    }
}
