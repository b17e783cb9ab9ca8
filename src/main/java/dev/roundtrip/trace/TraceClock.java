package dev.roundtrip.trace;

import java.time.Instant;

/** Monotonic time since a recording began; the wall clock is kept once, at the start. */
public final class TraceClock {
    private final long startNanos;
    private final Instant startedAt;

    public TraceClock() {
        this.startedAt = Instant.now();
        this.startNanos = System.nanoTime();
    }

    public long now() {
        return System.nanoTime() - startNanos;
    }

    public Instant startedAt() {
        return startedAt;
    }
}
