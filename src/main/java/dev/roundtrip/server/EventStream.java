package dev.roundtrip.server;

import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.MessageReadout;
import dev.roundtrip.trace.Phrase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * {@code GET /events}: Server-Sent Events. A 200 with {@code text/event-stream} and no length (chunked),
 * then one event per update, each in a chunk of its own:
 * <pre>
 *  id: 7
 *  event: update
 *  data: {"id":7,"text":"job 7 done"}
 *  (blank line)
 * </pre>
 * A client that reconnects sends the last id it saw ({@code Last-Event-ID}) and gets what it missed first.
 */
final class EventStream extends LiveExchange {
    /** Events written, not yet seen whole on the socket: what each is and how many bytes its chunk takes. */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long partialCount;

    private record Pending(MessageReadout readout, int wireLength) {}

    EventStream(Context c, LiveUpdates updates, long since) {
        super(c, updates);
        HttpResponse resp = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        resp.headers().set("Server", "roundtrip");
        resp.headers().set("Content-Type", "text/event-stream; charset=utf-8");
        resp.headers().set("Cache-Control", "no-cache");
        HttpUtil.setTransferEncodingChunked(resp, true);
        head(200, "OK", resp.headers());
        conn.beginRespond(x, "200 OK, an event stream (text/event-stream, chunked): one event per update until the client leaves"
                + (since >= 0 ? "; first the updates after id " + since : ""));
        c.ctx().writeAndFlush(resp);
        takeOver();
        if (since >= 0) for (Update u : updates.sinceNow(since)) send(u);
        subscribe();
    }

    @Override
    protected void send(Update u) {
        String data = u.json();
        byte[] event = ("id: " + u.id() + "\nevent: update\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        // the codec writes the chunk as: length in hex, CRLF, the bytes, CRLF
        int wire = Integer.toHexString(event.length).length() + 2 + event.length + 2;
        pending.add(new Pending(MessageReadout.sse(String.valueOf(u.id()), data.getBytes(StandardCharsets.UTF_8).length), wire));
        ch.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(event)));
    }

    @Override
    protected void goodbye() {
        ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f -> end(Phrase.of("server.live.stopping"), false));
    }

    @Override
    protected void read(ByteBuf buf) {
        // an event stream's client sends nothing after its request; what it does send is not read as a request
        t.publish(carrying(event(dev.roundtrip.trace.Phase.PROGRESS).said("server.readDuringStream", buf.readableBytes()), t.probes().bytes(buf)).build());
    }

    @Override
    protected void written(ByteBuf piece) {
        int at = piece.readerIndex();
        int left = piece.readableBytes();
        while (left > 0) {
            Pending p = pending.peek();
            if (p == null) { // not an event: the stream's last, empty chunk
                t.publish(carrying(event(dev.roundtrip.trace.Phase.PROGRESS).said("server.lastChunk", left), t.probes().bytes(piece.slice(at, left))).build());
                return;
            }
            int take = (int) Math.min(left, p.wireLength() - partialCount);
            byte[] b = new byte[Math.min(take, Math.max(0, MAX_KEPT_BODY - partial.size()))];
            piece.getBytes(at, b);
            partial.write(b, 0, b.length);
            partialCount += take;
            at += take;
            left -= take;
            if (partialCount == p.wireLength()) {
                pending.poll();
                message(p.readout(), BytesReadout.adopting(p.wireLength(), partial.toByteArray()));
                partial.reset();
                partialCount = 0;
            }
        }
    }
}
