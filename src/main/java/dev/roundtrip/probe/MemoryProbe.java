package dev.roundtrip.probe;

import dev.roundtrip.trace.MemoryReadout;
import dev.roundtrip.trace.Unavailable;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.function.LongSupplier;

/**
 * JVM memory at a moment: heap in use, bytes allocated by the current thread since a mark, and
 * direct (off-heap) memory. Netty allocates much of its direct memory outside the JDK's counter,
 * so the caller supplies Netty's own count ({@code extraDirect}); this package does not know Netty.
 *
 * <p><b>The program's allocations and the instrument's.</b> The instrumentation runs on the threads it
 * measures. What it does there (wire tap, readouts, copies of the bytes, building and publishing events)
 * runs between {@link #instrumentStart()} and {@link #instrumentStop()}; this thread's allocation
 * counter is split at those points, so a readout's {@code allocatedBytes} is the program's alone and
 * {@code instrumentAllocatedBytes} is what measuring cost. A readout taken inside instrument work
 * counts the program up to where that work began. Instrument work nests (only the outermost counts);
 * program code that instrument code calls back (a gate's action) runs in {@link #programStart()} ..
 * {@link #programStop(int)}.
 *
 * <pre>
 *  thread:  program ──┬── instrument ──┬── program ── instrument ── program ──▶
 *  counted: allocatedBytes   instrumentAllocatedBytes   allocatedBytes ...
 * </pre>
 *
 * <p><b>Cold.</b> A mark remembers how many classes the JVM had loaded and whether its thread had
 * taken marks before: a readout is {@code cold} when classes were loaded since (first-time work in this
 * JVM: class loading, lambda and string-concatenation bootstraps) or when it is among its thread's
 * first {@link #COLD_MARKS} marks (a fresh thread fills its caches: Netty's buffer cache, thread locals).
 */
public final class MemoryProbe {
    /** How many of a thread's first marks are cold: its first stage fills the thread's caches (unless it was warmed first). */
    public static final int COLD_MARKS = 1;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    private final BufferPoolMXBean directPool;
    private final com.sun.management.ThreadMXBean threads;
    private final LongSupplier extraDirect;
    private final ThreadLocal<Split> split = ThreadLocal.withInitial(Split::new);
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

    /**
     * The split of the thread that asked last: an event loop asks several times per event, and the
     * thread-local lookup was a visible share of its time (JFR). Racy on purpose: a thread uses the
     * cached split only when it is its own ({@link Split#owner} is final, and the other fields are
     * written and read by that owner alone), else it looks its own up and caches that.
     */
    private Split last;

    private Split split() {
        Split s = last;
        if (s != null && s.owner == Thread.currentThread()) return s;
        s = split.get();
        last = s;
        return s;
    }

    /** One thread's split of its allocation counter. */
    private static final class Split {
        final Thread owner = Thread.currentThread();
        long instrument; // instrument bytes of finished instrument work
        int depth; // nesting of instrument work now
        long startRaw; // the counter when the outermost instrument work began
        int marks = WARMED.get() ? COLD_MARKS : 0; // a thread warmed before its first mark is not fresh
    }

    private static final ThreadLocal<Boolean> WARMED = ThreadLocal.withInitial(() -> false);

    /** This thread has done its first-time work (its caches filled) before it serves: its first marks are not cold. */
    public static void threadWarmed() {
        WARMED.set(true);
    }

    /**
     * Where a stage began on its thread: the program's and the instrument's allocations so far, the
     * JVM's loaded classes, and whether the thread was still fresh.
     */
    public record Mark(long program, long instrument, long loadedClasses, boolean freshThread, long threadId) {}

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

    /** Instrument work begins on this thread (nests: only the outermost start and stop count). */
    public void instrumentStart() {
        if (threads == null) return;
        Split s = split();
        if (s.depth++ == 0) s.startRaw = threads.getCurrentThreadAllocatedBytes();
    }

    /** Instrument work ends: what it allocated since the matching start is the instrument's. */
    public void instrumentStop() {
        if (threads == null) return;
        Split s = split();
        if (--s.depth == 0) s.instrument += threads.getCurrentThreadAllocatedBytes() - s.startRaw;
        else if (s.depth < 0) s.depth = 0; // a stop without a start: ignored rather than counted twice
    }

    /** Program code called from instrument work (a gate's action): counted as the program's until {@link #programStop}. */
    public int programStart() {
        if (threads == null) return 0;
        Split s = split();
        int depth = s.depth;
        if (depth > 0) {
            s.instrument += threads.getCurrentThreadAllocatedBytes() - s.startRaw;
            s.depth = 0;
        }
        return depth;
    }

    /** Back to the instrument work that {@link #programStart()} interrupted. */
    public void programStop(int depth) {
        if (threads == null || depth <= 0) return;
        Split s = split();
        s.depth = depth;
        s.startRaw = threads.getCurrentThreadAllocatedBytes();
    }

    private final Scope scope = new Scope();

    /** Instrument work until the scope closes: {@code try (var s = memory.instrument()) { ... }} (allocates nothing). */
    public Scope instrument() {
        instrumentStart();
        return scope;
    }

    /** Closing it ends the instrument work {@link #instrument()} began, on the same thread. */
    public final class Scope implements AutoCloseable {
        private Scope() {}

        @Override
        public void close() {
            instrumentStop();
        }
    }

    /** Where a stage begins on this thread, or null when the JVM cannot count per-thread allocation. */
    public Mark allocatedMark() {
        if (threads == null) return null;
        Split s = split(); // first: a thread's first get allocates
        long raw = threads.getCurrentThreadAllocatedBytes();
        if (raw < 0) return null;
        long program = programAt(s, raw);
        long instrument = instrumentAt(s, raw);
        boolean fresh = s.marks < COLD_MARKS;
        if (fresh) s.marks++;
        return new Mark(program, instrument, classes.getTotalLoadedClassCount(), fresh, Thread.currentThread().getId());
    }

    private static long programAt(Split s, long raw) {
        return (s.depth > 0 ? s.startRaw : raw) - s.instrument;
    }

    private static long instrumentAt(Split s, long raw) {
        return s.instrument + (s.depth > 0 ? raw - s.startRaw : 0);
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
     * Memory now (the heap figure at most {@link #HEAP_REFRESH_NANOS} old): what the program and the
     * instrument allocated on this thread since {@code mark} (taken on the same thread by
     * {@link #allocatedMark()}). A difference that is negative, or a mark of another thread, is an
     * error of the instrument: no figure, and {@code unavailable} says so.
     */
    public MemoryReadout read(Mark mark) {
        Split s = mark == null ? null : split();
        long raw = mark == null ? 0 : threads.getCurrentThreadAllocatedBytes(); // before the heap: reading it allocates
        long heapUsed = heapUsed();
        long direct = directUsed();
        if (mark == null) {
            return new MemoryReadout(heapUsed, null, null, direct, threads == null
                    ? Unavailable.PLATFORM.text("this JVM does not count the bytes each thread allocates")
                    : Unavailable.CLOSED.text("the stage had not begun on this side: no allocation to count from"), false);
        }
        boolean cold = mark.freshThread || classes.getTotalLoadedClassCount() != mark.loadedClasses;
        if (Thread.currentThread().getId() != mark.threadId) {
            return new MemoryReadout(heapUsed, null, null, direct, Unavailable.ERROR.text(
                    "the stage began on another thread: a thread's allocation counter says nothing of another's"), cold);
        }
        long program = programAt(s, raw) - mark.program;
        long instrument = instrumentAt(s, raw) - mark.instrument;
        if (program < 0 || instrument < 0) {
            return new MemoryReadout(heapUsed, null, null, direct, Unavailable.ERROR.text("the thread's allocation counter gave "
                    + program + " bytes for the program and " + instrument + " for the instrument since the stage began"
                    + " (a negative difference: the split of instrument work is wrong)"), cold);
        }
        return new MemoryReadout(heapUsed, program, instrument, direct, null, cold);
    }

    public long directUsed() {
        long jdk = directPool == null ? 0 : Math.max(0, directPool.getMemoryUsed());
        return jdk + Math.max(0, extraDirect.getAsLong());
    }
}
