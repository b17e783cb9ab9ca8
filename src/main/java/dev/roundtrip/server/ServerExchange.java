package dev.roundtrip.server;

import java.io.ByteArrayOutputStream;

/** The server's state for one exchange; touched only on the connection's event loop (and, for the process stage, by the worker that runs it). */
final class ServerExchange {
    static final int MAX_SEEN = 64 * 1024;

    final long id;
    /** Started by an outside client (curl, a browser): the server announces and ends it itself. */
    final boolean external;
    dev.roundtrip.probe.MemoryProbe.Mark parseMark;
    dev.roundtrip.probe.MemoryProbe.Mark respondMark;
    boolean respondBegun;
    boolean respondAnnounced;
    boolean respondFailed;
    int reads;
    /** The request deadline in force when its first byte was read. */
    int deadlineSeconds;
    int writes;
    long bytesRead;
    long bytesWritten;
    /** The first bytes read, for describing a request that could not be parsed and for checks the codec skips. */
    final ByteArrayOutputStream seen = new ByteArrayOutputStream();

    private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

    /** True the first time only: an outside client's exchange is ended once (its answer, or the loss of its connection, whichever comes first). */
    boolean markEnded() {
        return ended.compareAndSet(false, true);
    }

    ServerExchange(long id, boolean external) {
        this.id = id;
        this.external = external;
    }
}
