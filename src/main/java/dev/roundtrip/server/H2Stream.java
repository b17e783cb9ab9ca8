package dev.roundtrip.server;

import dev.roundtrip.trace.StageEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's state for one HTTP/2 stream, which is one exchange; touched only on the connection's
 * event loop (and, for the process stage, by the worker that runs it).
 */
final class H2Stream {
    final int streamId;
    /** The exchange id; 0 while our own client has not yet said which exchange this stream carries. */
    long id;
    /** Started by an outside client (curl, nghttp): the server announces and ends it itself. */
    final boolean external;
    /** Facts from before the id was known, published with it. */
    final List<StageEvent> waiting = new ArrayList<>();
    /** What runs once the id is known (the process stage needs it for its gate). */
    final List<Runnable> whenKnown = new ArrayList<>();
    dev.roundtrip.probe.MemoryProbe.Mark parseMark;
    dev.roundtrip.probe.MemoryProbe.Mark respondMark;
    boolean requestEnded;
    /**
     * The server has begun to parse the request: at once, or when the parse gate let the stream
     * through. Until then the stream's frames, read off the socket with the connection's others,
     * wait in its child channel ({@link #channel}, not reading), and its DATA is not credited back.
     */
    boolean parseBegun;
    /** The stream's child channel, once the multiplexer has made it. */
    io.netty.handler.codec.http2.Http2StreamChannel channel;
    /** A long-lived answer (an event stream) under way: ends it, saying why (a phrase, or the connection's failure in its own words). */
    java.util.function.Consumer<Object> streaming;
    /** Answers a request that stopped arriving (408, then RST_STREAM); set by the stream's handler. */
    java.util.function.Consumer<dev.roundtrip.trace.Phrase> cut;
    boolean respondBegun;
    /** The server has nothing left to do for it: answered, refused, or reset. */
    boolean done;
    /** RST_STREAM went either way: nothing more is sent on it. */
    String resetBy;
    int framesIn;
    int framesOut;

    H2Stream(int streamId, long id, boolean external) {
        this.streamId = streamId;
        this.id = id;
        this.external = external;
    }

    boolean known() {
        return id != 0;
    }
}
