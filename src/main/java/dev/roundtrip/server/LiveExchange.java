package dev.roundtrip.server;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.MessageReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import dev.roundtrip.wire.WireTap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A long-lived exchange: one request, then a response that goes on (SSE) or a connection that changes
 * protocol (WebSocket). Once its head is written the connection is this exchange's alone: the wire tap
 * reports to it instead of to {@link ServerConnection} (which decides which request a read belongs to:
 * after this head no request comes any more), and each message that crosses the socket either way is
 * one RESPOND PROGRESS event with its bytes and a {@link MessageReadout}. RESPOND ends when the stream
 * does: the client left, the server stopped, or a limit was hit.
 *
 * <pre>
 *  socket ⇄ [WireTap: this] ⇄ codec (HTTP chunks, or WebSocket frames) ⇄ [this: messages in] ⇄ RequestHandler
 *  socket ⇄ [WireTap: TLS records] ⇄ SslHandler ⇄ [PlainTap: this] ⇄ codec ⇄ [this: messages in] ⇄ RequestHandler   (https, wss)
 * </pre>
 * Over TLS the messages are found in the plaintext (each message event carries {@code plain}), and each
 * socket read or write of TLS records is an event of its own with its ciphertext {@code bytes}.
 */
abstract class LiveExchange extends ChannelInboundHandlerAdapter implements LiveUpdates.Listener, WireTap.Observer,
        dev.roundtrip.wire.PlainTap.Observer {
    /** Kept of what the stream sent, for the recording's response body. */
    static final int MAX_KEPT_BODY = 64 * 1024;

    /** Starts a long-lived exchange once the respond gate let it through (on the event loop). */
    @FunctionalInterface
    interface Opener {
        LiveExchange open(Context c);
    }

    /** What a long-lived exchange starts from. */
    record Context(Tracing t, ServerConnection conn, ServerExchange x, ChannelHandlerContext ctx, String uri, HttpHeaders headers) {}

    protected final Tracing t;
    protected final ServerConnection conn;
    protected final ServerExchange x;
    protected final Channel ch;
    private final LiveUpdates updates;
    private Runnable unsubscribe = () -> {};
    private boolean ended;
    /** Messages that crossed the socket each way. */
    protected int toClient;
    protected int fromClient;
    /** Updates not sent because the client read too slowly. */
    protected int dropped;
    private ResponseInfo head;
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    LiveExchange(Context c, LiveUpdates updates) {
        this.t = c.t();
        this.conn = c.conn();
        this.x = c.x();
        this.ch = c.ctx().channel();
        this.updates = updates;
    }

    /** The response head as the recording keeps it (its body grows with the stream). */
    protected void head(int status, String reason, HttpHeaders headers) {
        List<Header> list = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) list.add(Header.shared(h.getKey(), h.getValue()));
        head = new ResponseInfo(status, reason, list, new byte[0]);
    }

    /**
     * The head is on its way: from here the connection is this exchange's. Reads go on by themselves
     * (a long-lived exchange has no parse gate: what comes is the client's part of the same exchange).
     */
    protected void takeOver() {
        tls = ch.pipeline().get("plain") != null;
        if (tls) {
            ch.pipeline().replace("tap", "tap", new WireTap(new Records(), t.probes().memory()));
            ch.pipeline().replace("plain", "plain", new dev.roundtrip.wire.PlainTap(this));
            // the valve kept TLS from reading ahead of the parse gate; a stream reads whatever comes, by itself
            if (ch.pipeline().get("valve") != null) ch.pipeline().remove("valve");
        } else {
            ch.pipeline().replace("tap", "tap", new WireTap(this, t.probes().memory()));
        }
        if (ch.pipeline().get("framing") != null) ch.pipeline().remove("framing"); // it frames HTTP requests: none come any more
        ch.pipeline().addBefore("handler", "live", this);
        ch.config().setAutoRead(true);
    }

    /** The stream runs over TLS: its messages are plaintext, its socket reads and writes TLS records. */
    protected boolean tls;

    /** A message's bytes as the event carries them: what crossed the socket, or on TLS the plaintext. */
    protected StageEvent.Builder carrying(StageEvent.Builder b, BytesReadout bytes) {
        return tls ? b.plain(bytes) : b.bytes(bytes);
    }

    /** On TLS: what crosses the socket is TLS records, each read and write one event; the messages are in the plaintext. */
    private final class Records implements WireTap.Observer {
        private int reads;
        private int writes;

        @Override
        public void onRead(ChannelHandlerContext ctx, ByteBuf buf) {
            if (!ended) io(true, buf, Probes.buffer(buf));
        }

        @Override
        public void onWritten(ChannelHandlerContext ctx, ByteBuf piece, BufferReadout buffer) {
            if (!ended) io(false, piece, buffer);
        }

        @Override
        public void onWriteFailed(ChannelHandlerContext ctx, Throwable cause, int unsent) {
            LiveExchange.this.onWriteFailed(ctx, cause, unsent);
        }

        private void io(boolean read, ByteBuf buf, BufferReadout buffer) {
            t.publish(event(Phase.PROGRESS).said(read ? "server.tlsRecordsRead" : "server.tlsRecordsWritten", read ? ++reads : ++writes, buf.readableBytes())
                    .bytes(t.probes().bytes(buf)).buffer(buffer).kernel(t.probes().kernelSampled(ch)).build());
        }
    }

    @Override
    public final void onPlainRead(ChannelHandlerContext ctx, ByteBuf buf) {
        if (!ended) read(buf);
    }

    @Override
    public final void onPlainWrite(ChannelHandlerContext ctx, ByteBuf buf) {
        if (!ended) written(buf);
    }

    /** Hears of updates from now on (after any backlog was sent). */
    protected void subscribe() {
        unsubscribe = updates.subscribe(this);
    }

    @Override
    public final void update(Update u) {
        ch.eventLoop().execute(() -> {
            if (ended) return;
            if (!ch.isWritable()) { // the client reads too slowly: the send buffer is full; the update is dropped, not queued
                updates.droppedOne();
                if (dropped++ == 0) {
                    t.publish(event(Phase.PROGRESS).said("server.updateDropped", u.id())
                            .kernel(t.probes().kernelSampled(ch)).build());
                }
                return;
            }
            send(u);
        });
    }

    @Override
    public final void closing() {
        ch.eventLoop().execute(() -> {
            if (!ended) goodbye();
        });
    }

    /** Writes one update as a message. */
    protected abstract void send(Update u);

    /** The server stops: say so the protocol's way, then {@link #end}. */
    protected abstract void goodbye();

    /** Bytes the client sent during the stream, one socket read. */
    protected abstract void read(ByteBuf buf);

    /** Bytes one socket write took. */
    protected abstract void written(ByteBuf piece);

    protected StageEvent.Builder event(Phase phase) {
        return conn.event(x, Stage.RESPOND, phase, Actor.SERVER);
    }

    /** One message that crossed the socket, with its bytes. */
    protected void message(MessageReadout m, BytesReadout bytes) {
        if (m.fromClient()) fromClient++;
        else {
            toClient++;
            if (sent.size() < MAX_KEPT_BODY) {
                byte[] b = bytes.data();
                sent.write(b, 0, Math.min(b.length, MAX_KEPT_BODY - sent.size()));
            }
        }
        StageEvent.Builder b = event(Phase.PROGRESS).said(m.fromClient() ? (tls ? "server.messageReadPlain" : "server.messageRead")
                : (tls ? "server.messageWrittenPlain" : "server.messageWritten"), m.describe(), bytes.count()).message(m);
        t.publish(carrying(tls ? b : b.kernel(t.probes().kernelSampled(ch)), bytes).build());
    }

    // --- the wire tap's reports, on the event loop ---

    @Override
    public final void onRead(ChannelHandlerContext ctx, ByteBuf buf) {
        if (!ended) read(buf);
    }

    @Override
    public final void onWritten(ChannelHandlerContext ctx, ByteBuf piece, BufferReadout buffer) {
        if (!ended) written(piece);
    }

    @Override
    public final void onWriteFailed(ChannelHandlerContext ctx, Throwable cause, int unsent) {
        end(Phrase.of("server.live.writeFailed", ServerConnection.describe(cause), unsent), true);
    }

    // --- the pipeline's events ---

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            end(Phrase.of("server.live.clientHalfClosed"), false);
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end(Phrase.of("server.live.closed"), false);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        end(ServerConnection.describe(cause), true);
        ctx.close();
    }

    /** The stream is over: RESPOND ends, an outside client's exchange ends, and the connection closes. */
    protected void end(Phrase why, boolean failed) {
        if (ended) return;
        ended = true;
        unsubscribe.run();
        t.publish(event(failed ? Phase.ERROR : Phase.END).said(dropped == 0 ? "server.streamEnded" : "server.streamEndedDropped",
                        toClient, fromClient, dropped, why)
                .kernel(conn.kernel()).build());
        if (x.external) {
            ResponseInfo info = head == null ? null : new ResponseInfo(head.status(), head.reason(), head.headers(), sent.toByteArray());
            t.publish(new ExchangeEnded(x.id, t.clock().now(), failed ? Outcome.FAILED : Outcome.COMPLETED, info, Phrase.of("server.end.streamEnded", why)));
        }
        conn.responded(x, false, false);
    }
}
