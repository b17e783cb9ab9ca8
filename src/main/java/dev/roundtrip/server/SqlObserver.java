package dev.roundtrip.server;

import dev.roundtrip.trace.SqlReadout;

/** Told about every SQL statement the demo application runs, on the thread that ran it. */
@FunctionalInterface
public interface SqlObserver {
    void executed(SqlReadout sql);

    /**
     * A step of the call over the database's socket, before its {@link #executed}: the pool's connect or
     * reuse, the bytes each way, a failure. Only when the database runs as a TCP server.
     */
    default void wire(DatabaseStep step) {}
}
