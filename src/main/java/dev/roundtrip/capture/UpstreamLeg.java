package dev.roundtrip.capture;

import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.Peer;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.UpstreamHop;
import dev.roundtrip.trace.UpstreamSeen;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import dev.roundtrip.wire.WireTap;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The proxy's connection to the foreign server for one exchange: the client side of the capture, on
 * the event loop of the client's connection (so the two legs never race). The foreign server is read
 * only when the client has taken the last write of the response.
 *
 * <pre>
 *  ClientLeg ⇄ [UpstreamLeg] ⇄ [HttpClientCodec] ⇄ [WireTap] ⇄ foreign server
 * </pre>
 */
final class UpstreamLeg extends ChannelInboundHandlerAdapter implements WireTap.Observer {
    private final CaptureProxy proxy;
    private final Tracing t;
    private final ClientLeg client;
    private final Captured x;
    private final Target target;
    private Channel ch;
    private boolean connected;
    private boolean abandoned;
    /** Written before the connection was up: at most one socket read of the client's. */
    private final ArrayDeque<HttpObject> queued = new ArrayDeque<>();
    private int writesInFlight;
    private ScheduledFuture<?> silence;
    /** A CONNECT tunnel: bytes pass unread both ways, no codec, no process stage. */
    private boolean tunnel;

    private UpstreamLeg(CaptureProxy proxy, ClientLeg client, Captured x, Target target) {
        this.proxy = proxy;
        this.t = proxy.tracing();
        this.client = client;
        this.x = x;
        this.target = target;
    }

    static UpstreamLeg connect(CaptureProxy proxy, ClientLeg client, Captured x, Target target, EventLoop loop) {
        UpstreamLeg leg = new UpstreamLeg(proxy, client, x, target);
        leg.open(loop, true);
        return leg;
    }

    /** The server end of a CONNECT tunnel: once connected, the client is told 200 and bytes flow unread. */
    static UpstreamLeg tunnel(CaptureProxy proxy, ClientLeg client, Captured x, Target target, EventLoop loop) {
        UpstreamLeg leg = new UpstreamLeg(proxy, client, x, target);
        leg.tunnel = true;
        leg.open(loop, false);
        return leg;
    }

    /** Connects with (HTTP) or without (a CONNECT tunnel) the codec. */
    private void open(EventLoop loop, boolean http) {
        x.upstreamConnection = t.ids().nextConnectionId();
        int timeout = (int) Math.min(Integer.MAX_VALUE, proxy.options().upstreamTimeout().toMillis());
        Bootstrap b = new Bootstrap().group(loop).channel(t.probes().transport().socketChannel())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeout)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel c) {
                        c.pipeline().addLast("tap", new WireTap(UpstreamLeg.this, t.probes().memory()));
                        if (http) c.pipeline().addLast("codec", new HttpClientCodec(4096, 16 * 1024, 64 * 1024));
                        c.pipeline().addLast("leg", UpstreamLeg.this);
                    }
                });
        var f = b.connect(target.address());
        ch = f.channel();
        proxy.opened(ch);
        f.addListener(done -> {
            if (abandoned) {
                ch.close();
                return;
            }
            if (!done.isSuccess()) {
                failedToConnect(done.cause());
                return;
            }
            connected = true;
            if (http) {
                for (HttpObject m; (m = queued.poll()) != null; ) write(m);
                ch.read(); // a server may answer before the request is all sent (an early 413)
            } else {
                beginSend(Phrase.of("capture.tunnelTo", target.describe()));
                client.tunnelOpen(x);
            }
        });
    }

    private void failedToConnect(Throwable cause) {
        for (HttpObject m; (m = queued.poll()) != null; ) ReferenceCountUtil.release(m);
        boolean timedOut = cause instanceof io.netty.channel.ConnectTimeoutException;
        Phrase why = timedOut ? Phrase.of("capture.why.connectTimeout", proxy.options().upstreamTimeout().toMillis()) : describe(cause);
        if (!x.sendBegun) beginSend(Phrase.of("capture.connectsTo", target.describe()));
        t.publish(x.event(t, Stage.SEND, Phase.ERROR, Actor.CLIENT_KERNEL).said("capture.cannotConnect", target.describe(), why).build());
        HttpResponseStatus status = timedOut ? HttpResponseStatus.GATEWAY_TIMEOUT : HttpResponseStatus.BAD_GATEWAY;
        client.upstreamFailed(x, status, status.reasonPhrase() + ": Roundtrip cannot connect to " + target.describe() + " (" + why.english() + ")\n",
                Phrase.of("capture.end.unreachable", target.describe(), why));
    }

    Target target() {
        return target;
    }

    Channel channel() {
        return ch;
    }

    Captured exchange() {
        return x;
    }

    ClientLeg client() {
        return client;
    }

    UpstreamHop hop(Captured c) {
        return new UpstreamHop(c.upstreamConnection, new Peer(target.host() + ":" + target.address().getPort(),
                target.address().getAddress().getHostAddress()), c.forwardedInfo(), c.receivedInfo());
    }

    /** Sends {@code msg} now, or once connected. */
    void forward(HttpObject msg) {
        if (abandoned) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!connected) queued.add(msg);
        else write(msg);
    }

    private void beginSend(Phrase detail) {
        x.sendBegun = true;
        x.send.mark = t.probes().memory().allocatedMark();
        t.publish(x.event(t, Stage.SEND, Phase.BEGIN, Actor.CLIENT).detail(detail).memory(t.probes().memory().read(x.send.mark)).build());
    }

    private void write(HttpObject msg) {
        if (!x.sendBegun) {
            beginSend(Phrase.of("capture.forwards", target.describe(), HopByHop.said(x.removedFromRequest)));
            t.publish(new UpstreamSeen(x.id, t.clock().now(), hop(x)));
        }
        boolean last = msg instanceof LastHttpContent;
        writesInFlight++;
        ch.writeAndFlush(msg).addListener(f -> {
            writesInFlight--;
            if (!f.isSuccess()) return; // the connection broke: channelInactive or exceptionCaught tells it
            if (last) sendEnded();
            else if (writesInFlight == 0) client.upstreamTookAll(x);
        });
    }

    /** The last byte of the request is in the upstream kernel: from now on the foreign server is at work, as seen from outside. */
    private void sendEnded() {
        x.sendEnded = true;
        x.sendEndNanos = t.clock().now();
        if (x.send.hasPending()) client.summary(x, x.send, Stage.SEND, Actor.CLIENT, "write");
        t.publish(x.event(t, Stage.SEND, Phase.END, Actor.CLIENT)
                .said("capture.sent", x.send.bytes, x.send.ops)
                .memory(t.probes().memory().read(x.send.mark)).build());
        if (x.firstResponseByte) return; // it answered early
        x.processBegun = true;
        t.publish(x.at(t, x.sendEndNanos, Stage.PROCESS, Phase.BEGIN, Actor.FOREIGN_SERVER,
                Phrase.of("capture.processBegins", target.describe())));
        long ms = proxy.options().upstreamTimeout().toMillis();
        silence = ch.eventLoop().schedule(() -> {
            if (x.firstResponseByte || abandoned) return;
            t.publish(x.event(t, Stage.PROCESS, Phase.ERROR, Actor.FOREIGN_SERVER)
                    .said("capture.silent", ms).build());
            abandon();
            Phrase silent = Phrase.of("capture.end.silent", target.describe(), ms);
            client.upstreamFailed(x, HttpResponseStatus.GATEWAY_TIMEOUT, "Gateway Timeout: " + silent.english() + "\n", silent);
        }, ms, TimeUnit.MILLISECONDS);
    }

    /** The client has taken every write of the response so far: read the foreign server again. */
    void clientTookAll(Captured c) {
        if (c == x && !x.responseDone && !abandoned && ch.isActive()) ch.read();
    }

    /** Closes this connection without a word to the client (the client left, or the proxy answered itself). */
    void abandon() {
        abandoned = true;
        if (silence != null) silence.cancel(false);
        for (HttpObject m; (m = queued.poll()) != null; ) ReferenceCountUtil.release(m);
        if (ch != null) ch.close();
    }

    // --- socket reads and writes ---

    @Override
    public void onWritten(ChannelHandlerContext ctx, ByteBuf piece, BufferReadout buffer) {
        client.progress(x, x.send, Stage.SEND, "write", piece.readableBytes(), () -> x.send.keep(piece), buffer, ch);
    }

    @Override
    public void onWriteFailed(ChannelHandlerContext ctx, Throwable cause, int unsent) {
        if (abandoned || x.ended) return;
        t.publish(x.event(t, Stage.SEND, Phase.ERROR, Actor.CLIENT_KERNEL)
                .said("capture.writeUpstreamFailed", target.describe(), describe(cause), unsent).build());
    }

    @Override
    public void onRead(ChannelHandlerContext ctx, ByteBuf buf) {
        if (abandoned) return;
        if (!x.firstResponseByte && tunnel) {
            x.firstResponseByte = true;
            x.interpret.mark = t.probes().memory().allocatedMark();
            t.publish(x.event(t, Stage.INTERPRET, Phase.BEGIN, Actor.CLIENT).said("capture.tunnelFirstBytes", target.describe()).build());
        }
        if (!x.firstResponseByte) firstByte(t.clock().now());
        client.progress(x, x.interpret, Stage.INTERPRET, "read", buf.readableBytes(), () -> x.interpret.keep(buf), Probes.buffer(buf), ch);
    }

    /** The foreign server's work, as far as it can be seen from outside, is over. */
    private void firstByte(long now) {
        x.firstResponseByte = true;
        if (silence != null) silence.cancel(false);
        if (!x.processBegun) {
            x.processBegun = true;
            t.publish(x.event(t, Stage.PROCESS, Phase.BEGIN, Actor.FOREIGN_SERVER)
                    .said("capture.answeredEarly", target.describe(), x.send.bytes).build());
            t.publish(x.event(t, Stage.PROCESS, Phase.END, Actor.FOREIGN_SERVER)
                    .said("capture.processEarly").build());
        } else {
            t.publish(x.at(t, now, Stage.PROCESS, Phase.END, Actor.FOREIGN_SERVER,
                    Phrase.of("capture.processEnds", Phrase.duration(now - x.sendEndNanos))));
        }
        x.interpret.mark = t.probes().memory().allocatedMark();
        t.publish(x.event(t, Stage.INTERPRET, Phase.BEGIN, Actor.CLIENT).said("capture.interpretBegins", target.describe())
                .memory(t.probes().memory().read(x.interpret.mark)).build());
    }

    /** Tunnel bytes from the client, written unread; the client is read again once these are in the kernel. */
    void relay(ByteBuf buf) {
        if (abandoned) {
            buf.release();
            return;
        }
        ch.writeAndFlush(buf).addListener(f -> {
            if (f.isSuccess()) client.upstreamTookAll(x);
        });
    }

    /** Tunnel totals, for its end. */
    Phrase tunnelTotals() {
        return Phrase.of("capture.tunnelTotals", x.send.bytes, target.describe(), x.send.ops, x.interpret.bytes, x.interpret.ops);
    }

    /** The tunnel is over: its stages end with their totals. */
    void endTunnel() {
        if (silence != null) silence.cancel(false);
        abandoned = true;
        if (x.send.hasPending()) client.summary(x, x.send, Stage.SEND, Actor.CLIENT, "write");
        if (x.interpret.hasPending()) client.summary(x, x.interpret, Stage.INTERPRET, Actor.CLIENT, "read");
        t.publish(x.event(t, Stage.SEND, Phase.END, Actor.CLIENT).said("capture.tunnelSent", x.send.bytes, target.describe()).build());
        if (x.firstResponseByte) {
            t.publish(x.event(t, Stage.INTERPRET, Phase.END, Actor.CLIENT).said("capture.tunnelBack", x.interpret.bytes).build());
        }
        ch.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (abandoned || x.ended) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (tunnel && msg instanceof ByteBuf buf) {
            client.relayTunnel(x, buf);
            return;
        }
        if (msg instanceof HttpResponse r) {
            if (r.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                broke(Phrase.of("capture.why.responseMalformed", describe(r.decoderResult().cause())));
                return;
            }
            client.relayHead(x, r);
        }
        if (msg instanceof HttpContent c) {
            if (c.decoderResult().isFailure()) {
                c.release();
                broke(Phrase.of("capture.why.responseBodyMalformed", describe(c.decoderResult().cause())));
                return;
            }
            boolean finalResponse = x.received != null;
            if (finalResponse) x.responseBody.add(c.content());
            if (finalResponse && c instanceof LastHttpContent) interpreted();
            client.relayContent(x, c);
        }
    }

    private void interpreted() {
        x.responseDone = true;
        if (x.interpret.hasPending()) client.summary(x, x.interpret, Stage.INTERPRET, Actor.CLIENT, "read");
        t.publish(x.event(t, Stage.INTERPRET, Phase.END, Actor.CLIENT)
                .said("capture.interpreted", x.received.protocolVersion().text(), x.received.status().code(), x.received.status().reasonPhrase(),
                        x.responseBody.length, x.interpret.ops, x.responseBody.note())
                .memory(t.probes().memory().read(x.interpret.mark)).build());
        t.publish(new UpstreamSeen(x.id, t.clock().now(), hop(x)));
        ch.close(); // one exchange per upstream connection
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (tunnel && !abandoned && connected) client.tunnelClosed(x, Phrase.of("capture.why.serverClosedTunnel", target.describe()));
        else if (!abandoned && !x.responseDone && connected) broke(Phrase.of("capture.why.closedConnection"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (tunnel && !abandoned) client.tunnelClosed(x, Phrase.of("capture.why.tunnelBroke", target.describe(), describe(cause)));
        else if (!abandoned && !x.responseDone) broke(describe(cause));
        ctx.close();
    }

    /** The foreign server failed mid-exchange: the trace says where, the client hears of it. */
    private void broke(Phrase why) {
        if (abandoned) return;
        abandoned = true;
        if (silence != null) silence.cancel(false);
        Stage stage = x.firstResponseByte ? Stage.INTERPRET : x.sendEnded ? Stage.PROCESS : Stage.SEND;
        Actor actor = stage == Stage.PROCESS ? Actor.FOREIGN_SERVER : Actor.CLIENT_KERNEL;
        Phrase said = x.firstResponseByte ? Phrase.of("capture.broke.interpret", target.describe(), why, x.interpret.bytes)
                : x.sendEnded ? Phrase.of("capture.broke.process", target.describe(), why)
                : Phrase.of("capture.broke.send", target.describe(), why, x.send.bytes);
        client.flushSummaries(x);
        t.publish(x.event(t, stage, Phase.ERROR, actor).detail(said).kernel(t.probes().kernel(ch)).build());
        ch.close();
        HttpResponseStatus status = HttpResponseStatus.BAD_GATEWAY;
        client.upstreamFailed(x, status, status.reasonPhrase() + ": " + said.english() + "\n", said);
    }

    /** A socket's or codec's failure in words: ours where we know what it means, else the JDK's or Netty's own (asWritten). */
    static Phrase describe(Throwable cause) {
        if (cause == null) return Phrase.of("capture.why.unknown");
        if (cause instanceof java.nio.channels.ClosedChannelException) return Phrase.of("capture.why.alreadyClosed");
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("refused")) return Phrase.of("capture.why.refused");
        if (lower.contains("reset")) return Phrase.of("capture.why.reset");
        return Phrase.of("capture.why.asWritten", m);
    }
}
