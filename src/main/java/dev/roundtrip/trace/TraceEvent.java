package dev.roundtrip.trace;

/** A fact published on the {@link TraceBus}. All of them are immutable. */
public sealed interface TraceEvent permits ExchangeStarted, StageEvent, GateEvent, ExchangeEnded, UpstreamSeen {
    long exchangeId();

    /** Nanoseconds since the recording began (monotonic). */
    long tNanos();
}
