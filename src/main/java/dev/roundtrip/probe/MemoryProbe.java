package dev.roundtrip.probe;

import dev.roundtrip.trace.MemoryReadout;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * JVM memory at a moment: heap in use, bytes allocated by the current thread since a mark, and
 * direct (off-heap) memory. Netty allocates much of its direct memory outside the JDK's counter,
 * so the caller supplies Netty's own count ({@code extraDirect}); this package does not know Netty.
 *
 * <p>What the instrumentation itself allocates (copies of the bytes, reading {@code /proc}) is done
 * through {@link #excluding} and left out of the per-thread figure, so a stage shows what the server
 * or client allocated, not what measuring it cost.
 */
public final class MemoryProbe {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final BufferPoolMXBean directPool;
    private final com.sun.management.ThreadMXBean threads;
    private final LongSupplier extraDirect;
    private final ThreadLocal<long[]> excluded = ThreadLocal.withInitial(() -> new long[1]);
    /** The last heap figure and when it was taken: a real readout, reused for at most {@link #HEAP_REFRESH_NANOS}. */
    private volatile HeapSample heap = new HeapSample(Long.MIN_VALUE, 0);

    /**
     * How long one heap readout serves: {@code getHeapMemoryUsage()} costs 0.2 – 0.9 µs and an
     * exchange has 11 events, so under load it was a large share of the tracing cost. The figure is
     * the heap at most this long before the event (heap in use moves only when a thread takes a new
     * allocation buffer or a GC runs, so within a millisecond it rarely differs anyway).
     */
    public static final long HEAP_REFRESH_NANOS = 1_000_000;

    private record HeapSample(long atNanos, long used) {}

    public MemoryProbe(LongSupplier extraDirect) {
        this.extraDirect = extraDirect;
        BufferPoolMXBean pool = null;
        for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (b.getName().equals("direct")) pool = b;
        }
        this.directPool = pool;
        com.sun.management.ThreadMXBean t = null;
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean sun
                && sun.isThreadAllocatedMemorySupported()) {
            if (!sun.isThreadAllocatedMemoryEnabled()) sun.setThreadAllocatedMemoryEnabled(true);
            t = sun;
        }
        this.threads = t;
    }

    public MemoryProbe() {
        this(() -> 0L);
    }

    /** Bytes allocated so far by the current thread (measuring excluded), or null when the JVM cannot tell. */
    public Long allocatedMark() {
        Long raw = rawAllocated();
        return raw == null ? null : raw - excluded.get()[0];
    }

    /** Runs measuring work whose allocations must not count as the stage's own. */
    public <T> T excluding(Supplier<T> work) {
        Long before = rawAllocated();
        T result = work.get();
        Long after = rawAllocated();
        if (before != null && after != null) excluded.get()[0] += after - before;
        return result;
    }

    private Long rawAllocated() {
        if (threads == null) return null;
        long v = threads.getCurrentThreadAllocatedBytes();
        return v < 0 ? null : v;
    }

    /** Heap in use, read at most {@link #HEAP_REFRESH_NANOS} ago (read now when the last figure is older). */
    public long heapUsed() {
        long now = System.nanoTime();
        HeapSample last = heap;
        if (last.atNanos != Long.MIN_VALUE && now - last.atNanos < HEAP_REFRESH_NANOS) return last.used;
        long used = memory.getHeapMemoryUsage().getUsed();
        heap = new HeapSample(now, used);
        return used;
    }

    /**
     * Memory now (the heap figure at most {@link #HEAP_REFRESH_NANOS} old); {@code allocatedBytes} is what this thread allocated since {@code mark} (from
     * {@link #allocatedMark()} on the same thread), null when unknown.
     */
    public MemoryReadout read(Long mark) {
        Long now = allocatedMark();
        Long delta = mark == null || now == null ? null : Math.max(0, now - mark);
        return new MemoryReadout(heapUsed(), delta, directUsed());
    }

    public long directUsed() {
        long jdk = directPool == null ? 0 : Math.max(0, directPool.getMemoryUsed());
        return jdk + Math.max(0, extraDirect.getAsLong());
    }
}
