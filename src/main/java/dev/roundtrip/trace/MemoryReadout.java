package dev.roundtrip.trace;

/**
 * JVM memory at the event.
 *
 * <p>A final class with the accessors, equality and text of the record it was (it is held once per
 * recorded event, so the allocation figure is a primitive, not a boxed {@code Long}: 8 bytes less
 * per event); {@link #allocatedBytes()} still answers null where the JVM cannot measure it.
 *
 * @param heapUsed heap in use, bytes; live readouts reuse one heap figure for up to 1 ms (it is the
 *     heap at most 1 ms before the event; see {@code MemoryProbe.HEAP_REFRESH_NANOS})
 * @param allocatedBytes bytes allocated on the stage's thread since the stage began, or null where
 *     the JVM cannot measure per-thread allocation
 * @param directUsed direct (off-heap) buffer memory in use, bytes
 */
public final class MemoryReadout {
    private final long heapUsed;
    private final long allocated;
    private final long directUsed;
    private final boolean allocationMeasured; // fits in the object's alignment padding: costs no byte

    public MemoryReadout(long heapUsed, Long allocatedBytes, long directUsed) {
        this.heapUsed = heapUsed;
        this.allocationMeasured = allocatedBytes != null;
        this.allocated = allocatedBytes == null ? 0 : allocatedBytes;
        this.directUsed = directUsed;
    }

    public long heapUsed() {
        return heapUsed;
    }

    /** Bytes allocated on the stage's thread since the stage began, or null where not measured. */
    public Long allocatedBytes() {
        return allocationMeasured ? allocated : null;
    }

    public long directUsed() {
        return directUsed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryReadout m && m.heapUsed == heapUsed && m.allocated == allocated
                && m.allocationMeasured == allocationMeasured && m.directUsed == directUsed;
    }

    @Override
    public int hashCode() {
        return (31 * Long.hashCode(heapUsed) + (allocationMeasured ? Long.hashCode(allocated) : -1)) * 31 + Long.hashCode(directUsed);
    }

    @Override
    public String toString() {
        return "MemoryReadout[heapUsed=" + heapUsed + ", allocatedBytes=" + allocatedBytes() + ", directUsed=" + directUsed + "]";
    }
}
