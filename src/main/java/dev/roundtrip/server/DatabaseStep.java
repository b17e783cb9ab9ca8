package dev.roundtrip.server;

import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.DatabaseReadout;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.TcpReadout;

/**
 * One step of an SQL call over the database socket, as the process stage publishes it (actor DATABASE).
 *
 * @param tNanos when it happened, on the trace clock (connect: when the pool began to open; a request:
 *     its first byte at the relay; a response: its last)
 * @param said what happened, in words (the event's detail)
 */
public record DatabaseStep(long tNanos, Phrase said, DatabaseReadout readout, BytesReadout bytes, KernelReadout kernel,
                           TcpReadout tcp) {
    /** The detail in English. */
    public String detail() {
        return said.english();
    }
}
