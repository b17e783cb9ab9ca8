package dev.roundtrip.trace;

/**
 * JVM memory at the event.
 *
 * <p>A final class with the accessors, equality and text of a record (it is held once per recorded
 * event, so the allocation figures are primitives with "measured" flags, not boxed {@code Long}s);
 * {@link #allocatedBytes()} and {@link #instrumentAllocatedBytes()} still answer null where not measured.
 *
 * @param heapUsed heap in use, bytes; live readouts reuse one heap figure for up to 1 ms (it is the
 *     heap at most 1 ms before the event; see {@code MemoryProbe.HEAP_REFRESH_NANOS})
 * @param allocatedBytes bytes the program (server, client, application) allocated on the stage's thread
 *     since the stage began, the instrumentation's own allocations left out; null where not measured
 *     ({@code unavailable} says why)
 * @param instrumentAllocatedBytes what the instrumentation itself (wire tap, readouts, copies of the
 *     bytes, events and their texts) allocated on that thread in the same span; null where not measured
 * @param directUsed direct (off-heap) buffer memory in use, bytes
 * @param unavailable why {@code allocatedBytes} is null, as {@link Unavailable#text(String)}; null when measured
 * @param cold the figures include first-time work of this JVM or of the stage's thread (class loading,
 *     a thread's first use of its caches): they are not yet what the same work costs warm
 */
public final class MemoryReadout {
    private static final byte ALLOCATED = 1;
    private static final byte INSTRUMENT = 2;
    private static final byte COLD = 4;

    private final long heapUsed;
    private final long allocated;
    private final long instrument;
    private final long directUsed;
    private final byte flags; // fits in the object's alignment padding
    private final String unavailable;

    public MemoryReadout(long heapUsed, Long allocatedBytes, long directUsed) {
        this(heapUsed, allocatedBytes, null, directUsed, null, false);
    }

    public MemoryReadout(long heapUsed, Long allocatedBytes, Long instrumentAllocatedBytes, long directUsed,
                         String unavailable, boolean cold) {
        this.heapUsed = heapUsed;
        this.allocated = allocatedBytes == null ? 0 : allocatedBytes;
        this.instrument = instrumentAllocatedBytes == null ? 0 : instrumentAllocatedBytes;
        this.directUsed = directUsed;
        this.flags = (byte) ((allocatedBytes != null ? ALLOCATED : 0) | (instrumentAllocatedBytes != null ? INSTRUMENT : 0)
                | (cold ? COLD : 0));
        this.unavailable = allocatedBytes != null ? null : unavailable;
    }

    public long heapUsed() {
        return heapUsed;
    }

    /** Bytes the program allocated on the stage's thread since the stage began, or null where not measured. */
    public Long allocatedBytes() {
        return (flags & ALLOCATED) != 0 ? allocated : null;
    }

    /** Bytes the instrumentation allocated on the stage's thread in the same span, or null where not measured. */
    public Long instrumentAllocatedBytes() {
        return (flags & INSTRUMENT) != 0 ? instrument : null;
    }

    public long directUsed() {
        return directUsed;
    }

    /** Why {@link #allocatedBytes()} is null (a code, a colon, the explanation), or null. */
    public String unavailable() {
        return unavailable;
    }

    /** The code of {@link #unavailable()}, if any. */
    public java.util.Optional<Unavailable> reason() {
        return Unavailable.of(unavailable);
    }

    /** The figures still include first-time work (class loading, a fresh thread's caches). */
    public boolean cold() {
        return (flags & COLD) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryReadout m && m.heapUsed == heapUsed && m.allocated == allocated && m.instrument == instrument
                && m.flags == flags && m.directUsed == directUsed && java.util.Objects.equals(m.unavailable, unavailable);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(heapUsed, allocated, instrument, directUsed, flags, unavailable);
    }

    @Override
    public String toString() {
        return "MemoryReadout[heapUsed=" + heapUsed + ", allocatedBytes=" + allocatedBytes() + ", instrumentAllocatedBytes="
                + instrumentAllocatedBytes() + ", directUsed=" + directUsed + (unavailable == null ? "" : ", unavailable=" + unavailable)
                + (cold() ? ", cold" : "") + "]";
    }
}
