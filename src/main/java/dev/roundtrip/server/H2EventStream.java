package dev.roundtrip.server;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.MessageReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.wire.Tracing;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /events} over HTTP/2: Server-Sent Events on one stream. HEADERS (200, {@code text/event-stream})
 * without END_STREAM, then one DATA frame per update, the same event text as over HTTP/1.1 (no chunk
 * framing: HTTP/2's DATA frames carry the lengths). The stream ends when the client resets it
 * (RST_STREAM CANCEL), the connection closes, or the server stops (an empty DATA frame with END_STREAM).
 * The connection's other streams go on meanwhile. Touched on the stream's event loop only.
 */
final class H2EventStream implements LiveUpdates.Listener {
    private final Tracing t;
    private final H2Connection conn;
    private final H2Stream s;
    private final Channel ch;
    private final LiveUpdates updates;
    private Runnable unsubscribe = () -> {};
    private ResponseInfo head;
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private int events;
    private int dropped;
    private boolean ended;

    H2EventStream(Tracing t, H2Connection conn, H2Stream s, Channel ch, LiveUpdates updates) {
        this.t = t;
        this.conn = conn;
        this.s = s;
        this.ch = ch;
        this.updates = updates;
    }

    /** After the respond gate, on the event loop: the head, what the client missed since {@code since} (-1: nothing), then each update. */
    void open(long since) {
        s.streaming = this::end;
        Http2Headers h = new DefaultHttp2Headers().status("200");
        h.set("server", "roundtrip").set("content-type", "text/event-stream; charset=utf-8").set("cache-control", "no-cache");
        List<Header> headers = new ArrayList<>();
        for (Map.Entry<CharSequence, CharSequence> e : h) headers.add(Header.shared(e.getKey().toString(), e.getValue().toString()));
        head = new ResponseInfo(200, "OK", headers, new byte[0]);
        conn.beginRespond(s, since >= 0 ? Phrase.of("server.h2EventStreamSince", s.streamId, since) : Phrase.of("server.h2EventStream", s.streamId));
        ch.writeAndFlush(new DefaultHttp2HeadersFrame(h, false));
        if (since >= 0) for (Update u : updates.sinceNow(since)) send(u);
        unsubscribe = updates.subscribe(this);
        ch.closeFuture().addListener(f -> ch.eventLoop().execute(() -> end(Phrase.of("server.h2StreamClosed", s.streamId))));
    }

    @Override
    public void update(Update u) {
        ch.eventLoop().execute(() -> {
            if (ended) return;
            if (!ch.isWritable()) { // the stream's flow-control window is used up: the client reads too slowly
                updates.droppedOne();
                if (dropped++ == 0) {
                    conn.emit(s, conn.event(s, Stage.RESPOND, Phase.PROGRESS, Actor.SERVER).said("server.h2UpdateDropped", u.id(), s.streamId).build());
                }
                return;
            }
            send(u);
        });
    }

    private void send(Update u) {
        String data = u.json();
        byte[] event = ("id: " + u.id() + "\nevent: update\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        events++;
        if (sent.size() < LiveExchange.MAX_KEPT_BODY) sent.write(event, 0, Math.min(event.length, LiveExchange.MAX_KEPT_BODY - sent.size()));
        ch.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(event), false));
        // the DATA frame itself, with its bytes, is told by the connection as it is written
        conn.emit(s, conn.event(s, Stage.RESPOND, Phase.PROGRESS, Actor.SERVER).said("server.h2SseWritten", u.id(), s.streamId, event.length).message(MessageReadout.sse(String.valueOf(u.id()),
                data.getBytes(StandardCharsets.UTF_8).length)).build());
    }

    @Override
    public void closing() {
        ch.eventLoop().execute(() -> {
            if (ended) return;
            ch.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, true))
                    .addListener(f -> end(Phrase.of("server.h2ServerStopping")));
        });
    }

    /** The stream is over: RESPOND ends, an outside client's exchange ends; {@code why} is a phrase or the codec's own words. */
    private void end(Object why) {
        if (ended) return;
        ended = true;
        unsubscribe.run();
        conn.emit(s, conn.event(s, Stage.RESPOND, Phase.END, Actor.SERVER)
                .said(dropped == 0 ? "server.h2EventStreamEnded" : "server.h2EventStreamEndedDropped", events, dropped, why).build());
        if (s.external) {
            ResponseInfo info = new ResponseInfo(head.status(), head.reason(), head.headers(), sent.toByteArray());
            t.publish(new ExchangeEnded(s.id, t.clock().now(), Outcome.COMPLETED, info, Phrase.of("server.end.streamEnded", why)));
        }
        conn.responded(s);
        if (ch.isActive()) ch.close(); // a stream the client did not reset itself: RST_STREAM
    }
}
