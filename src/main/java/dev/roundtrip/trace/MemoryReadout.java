package dev.roundtrip.trace;

/**
 * JVM memory at the event.
 *
 * @param heapUsed heap in use, bytes; live readouts reuse one heap figure for up to 1 ms (it is the
 *     heap at most 1 ms before the event; see {@code MemoryProbe.HEAP_REFRESH_NANOS})
 * @param allocatedBytes bytes allocated on the stage's thread since the stage began, or null where
 *     the JVM cannot measure per-thread allocation
 * @param directUsed direct (off-heap) buffer memory in use, bytes
 */
public record MemoryReadout(long heapUsed, Long allocatedBytes, long directUsed) {}
