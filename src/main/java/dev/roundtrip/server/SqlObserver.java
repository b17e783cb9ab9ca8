package dev.roundtrip.server;

import dev.roundtrip.trace.SqlReadout;

/** Told about every SQL statement the demo application runs, on the thread that ran it. */
@FunctionalInterface
public interface SqlObserver {
    void executed(SqlReadout sql);
}
