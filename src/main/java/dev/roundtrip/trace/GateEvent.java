package dev.roundtrip.trace;

/**
 * An exchange held before a stage, or let go. {@code kernel} is the probe of the socket that holds
 * the waiting bytes at that moment (the server's before PARSE, the client's before INTERPRET), or
 * null where no socket is involved; {@code tcp} that connection's TCP state then (HTTP/1.1), or null.
 */
public record GateEvent(long exchangeId, long tNanos, Stage stage, Kind kind, KernelReadout kernel, TcpReadout tcp)
        implements TraceEvent {
    /** Without the TCP state. */
    public GateEvent(long exchangeId, long tNanos, Stage stage, Kind kind, KernelReadout kernel) {
        this(exchangeId, tNanos, stage, kind, kernel, null);
    }

    public enum Kind {
        HELD,
        PROBED,
        /** Let go: the stage begins now. */
        RELEASED,
        /** Forgotten without running: that side of the exchange is over (the client left before the stage began). */
        DISCARDED;

        /** After this the exchange is no longer held before the stage. */
        public boolean endsHold() {
            return this == RELEASED || this == DISCARDED;
        }
    }
}
