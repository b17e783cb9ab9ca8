package dev.roundtrip.client;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.FrameReadout;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TlsReadout;
import dev.roundtrip.wire.H2Frames;
import dev.roundtrip.wire.PlainTap;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import dev.roundtrip.wire.WireTap;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/2 connection of the client, many exchanges at once, one stream each: h2c with prior
 * knowledge on http, h2 agreed by ALPN on https.
 * <pre>
 *  socket ⇄ WireTap ⇄ [SslHandler ⇄ PlainTap] ⇄ Http2FrameCodec ⇄ Http2MultiplexHandler ─▶ one child channel per stream
 * </pre>
 * A stream's client stages: send (from its HEADERS to the frame with END_STREAM in the kernel's send
 * queue) and interpret (from the first frame of its response to END_STREAM). What belongs to the
 * connection is recorded as on the server ({@code server.H2Connection}): the preface and SETTINGS
 * before the first request are the opening exchange's connect stage; later connection frames go to
 * the newest exchange. A socket read or write is told once, on the first stream's exchange in it.
 * The gates hold one stream at a time (send, interpret), never the connection: a stream held before
 * interpret has its frames read off the socket with the others', and they wait in its own child channel.
 */
final class H2ClientConnection implements WireTap.Observer, PlainTap.Observer {
    private final Tracing t;
    private final H2Client client;
    final long connectionId;
    private final SslContext tlsContext;
    private Channel ch;
    private ConnectionDirectory.Link link;
    private long openingExchangeId;
    private boolean open;
    private boolean closed;
    private final List<H2Exchange> waiting = new ArrayList<>();
    private final Map<Integer, H2Exchange> streams = new HashMap<>();
    private H2Exchange newest;
    private final H2Frames out = new H2Frames(true);
    private final H2Frames in = new H2Frames(false);
    private int reads;
    private int writes;
    private int exchangesOnIt;
    // TLS
    private SslHandler ssl;
    private boolean handshaking;
    private BytesReadout pendingRead;
    private BufferReadout pendingBuffer;
    private H2Exchange lastWriter;
    /** Whose HEADERS are being written: on TLS the plaintext tap sees them before the codec has told the stream id. */
    private H2Exchange writing;

    H2ClientConnection(Tracing t, H2Client client, long connectionId, SslContext tlsContext) {
        this.t = t;
        this.client = client;
        this.connectionId = connectionId;
        this.tlsContext = tlsContext;
    }

    boolean tls() {
        return tlsContext != null;
    }

    /** Open, or being opened: new exchanges may go on it. */
    boolean usable() {
        return !closed && (ch == null || ch.isActive() || !open);
    }

    KernelReadout kernel() {
        return ch == null ? KernelReadout.unavailable(dev.roundtrip.trace.Unavailable.CLOSED, "the connection is not open yet", null, null)
                : t.probes().kernel(ch);
    }

    private dev.roundtrip.wire.Tracing.Socket socket;

    /** The connection's socket as a stream's hold reads it: queues and TCP state (made once, the channel exists by then). */
    private dev.roundtrip.wire.Tracing.Socket socket() {
        if (socket == null) socket = t.socket(ch);
        return socket;
    }

    /** A new connection for {@code first}: bind, register, connect, (TLS handshake,) then the HTTP/2 preface and its request. */
    void open(Bootstrap template, InetSocketAddress server, H2Exchange first) {
        openingExchangeId = first.id;
        waiting.add(first);
        Bootstrap b = template.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel c) {
                c.pipeline().addLast("tap", new WireTap(H2ClientConnection.this, t.probes().memory()));
            }
        });
        ChannelFuture reg = b.register();
        ch = reg.channel();
        client.opened(ch);
        reg.addListener(r -> {
            if (!r.isSuccess()) {
                failAll(Stage.CONNECT, Phrase.of("client.noSocket", String.valueOf(r.cause().getMessage())));
                return;
            }
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).addListener(bound -> {
                if (!bound.isSuccess()) {
                    failAll(Stage.CONNECT, Phrase.of("client.noLocalPort", String.valueOf(bound.cause().getMessage())));
                    return;
                }
                link = t.directory().register((InetSocketAddress) ch.localAddress(), connectionId, first.id, true);
                connect(first, server);
            });
        });
    }

    private void connect(H2Exchange x, InetSocketAddress server) {
        String to = server.getAddress().getHostAddress() + ":" + server.getPort();
        long began = t.clock().now();
        ChannelFuture connecting = ch.connect(server);
        t.publish(StageEvent.at(x.id, connectionId, Stage.CONNECT, Phase.BEGIN, Actor.CLIENT, began)
                .said("client.connects", to).build());
        connecting.addListener(c -> {
            if (!c.isSuccess()) {
                failAll(Stage.CONNECT, Phrase.of("client.cannotConnect", to, String.valueOf(c.cause().getMessage())));
                return;
            }
            long established = t.clock().now();
            t.publish(StageEvent.at(x.id, connectionId, Stage.CONNECT, Phase.END, Actor.CLIENT, established)
                    .said("client.connected", connectionId, Phrase.duration(established - began))
                    .tcp(t.probes().tcp(ch)).kernel(t.probes().kernel(ch)).build());
            ch.config().setAutoRead(true);
            if (tls()) handshake(x, server);
            else http2();
        });
    }

    /** TLS offering only h2 by ALPN: a server that does not agree cannot be spoken to over HTTP/2. */
    private void handshake(H2Exchange x, InetSocketAddress server) {
        handshaking = true;
        javax.net.ssl.SSLEngine engine = tlsContext.newEngine(ch.alloc(), server.getAddress().getHostAddress(), server.getPort());
        t.publish(StageEvent.of(x.id, connectionId, Stage.HANDSHAKE, Phase.BEGIN, Actor.CLIENT, t.clock())
                .said("client.h2HandshakeBegins", String.join(", ", engine.getEnabledProtocols())).build());
        ssl = new SslHandler(engine);
        ssl.setHandshakeTimeoutMillis(0);
        ssl.handshakeFuture().addListener(f -> ch.eventLoop().execute(() -> handshakeEnded(x, f)));
        ch.pipeline().addLast("tls", ssl).addLast("plain", new PlainTap(this));
    }

    private void handshakeEnded(H2Exchange x, io.netty.util.concurrent.Future<?> f) {
        handshaking = false;
        if (!f.isSuccess()) {
            failAll(Stage.HANDSHAKE, Phrase.of("client.handshakeFailed", dev.roundtrip.wire.TlsContexts.describeFailure(f.cause())));
            return;
        }
        javax.net.ssl.SSLSession session = ssl.engine().getSession();
        String alpn = ssl.applicationProtocol();
        t.publish(StageEvent.of(x.id, connectionId, Stage.HANDSHAKE, Phase.END, Actor.CLIENT, t.clock())
                .detail(alpn == null ? Phrase.of("client.h2HandshakeDoneNoAlpn", session.getProtocol(), session.getCipherSuite())
                        : Phrase.of("client.h2HandshakeDone", session.getProtocol(), session.getCipherSuite(), alpn))
                .tls(new TlsReadout(session.getProtocol(), session.getCipherSuite(), alpn, null)).build());
        if (!"h2".equals(alpn)) {
            failAll(Stage.HANDSHAKE, alpn == null ? Phrase.of("client.h2NoAlpn") : Phrase.of("client.h2OtherAlpn", alpn));
            ch.close();
            return;
        }
        http2();
    }

    /** The HTTP/2 codec: its preface and SETTINGS go out now, then the requests that waited. */
    private void http2() {
        ch.pipeline().addLast("h2", Http2FrameCodecBuilder.forClient().validateHeaders(true).build())
                .addLast("streams", new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()))
                .addLast("end", new End());
        open = true;
        List<H2Exchange> go = new ArrayList<>(waiting);
        waiting.clear();
        for (H2Exchange x : go) send(x);
    }

    /** Through the send gate, then a stream of its own: HEADERS (and DATA). */
    void send(H2Exchange x) {
        if (!open) {
            waiting.add(x);
            return;
        }
        t.pass(x.id, Stage.SEND, ch.eventLoop(), socket(), () -> write(x));
    }

    private void write(H2Exchange x) {
        if (x.ended) return;
        if (!ch.isActive()) {
            failed(x, Stage.SEND, Phrase.of("client.h2ConnectionClosed"));
            return;
        }
        // the stream reads its response only once interpret has begun (beginInterpret): until then its frames wait
        new Http2StreamChannelBootstrap(ch).option(io.netty.channel.ChannelOption.AUTO_READ, false).handler(new Response(x)).open().addListener(o -> {
            if (x.ended) return;
            if (!o.isSuccess()) {
                failed(x, Stage.SEND, Phrase.of("client.h2NoStream", String.valueOf(o.cause().getMessage())));
                return;
            }
            x.stream = (Http2StreamChannel) o.getNow();
            x.sendMark = t.probes().memory().allocatedMark();
            newest = x;
            exchangesOnIt++;
            Http2Headers h = new DefaultHttp2Headers();
            for (Header p : x.info.headers()) h.add(p.name(), p.value());
            byte[] body = x.spec.body();
            t.publish(event(x, Stage.SEND, Phase.BEGIN).detail(opens(body.length)).build());
            writing = x;
            ChannelFuture last = x.stream.write(new DefaultHttp2HeadersFrame(h, body.length == 0));
            writing = null;
            // the codec numbered the stream as it wrote its HEADERS: the server hears which exchange it is before its bytes leave
            x.streamId = x.stream.stream().id();
            streams.put(x.streamId, x);
            link.streamOpened(x.id, x.streamId);
            if (body.length > 0) last = x.stream.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true));
            x.stream.flush();
            last.addListener(f -> sent(x, f));
        });
    }

    /** What the client's send stage begins with: a stream opened, on a reused connection or a new one. */
    private Phrase opens(int bodyBytes) {
        Phrase opens = bodyBytes > 0 ? Phrase.of("client.h2OpensWithData", bodyBytes) : Phrase.of("client.h2Opens");
        return exchangesOnIt > 1 ? Phrase.of("client.h2Reused", connectionId, exchangesOnIt, opens) : opens;
    }

    private void sent(H2Exchange x, io.netty.util.concurrent.Future<?> f) {
        if (x.ended) return;
        if (!f.isSuccess()) {
            failed(x, Stage.SEND, Phrase.of("client.requestNotWritten", String.valueOf(f.cause().getMessage())));
            return;
        }
        x.sendEnded = true;
        t.publish(event(x, Stage.SEND, Phase.END).said("client.h2Sent", x.streamId, x.framesOut).memory(t.probes().memory().read(x.sendMark)).build());
    }

    /** One stream's response, frame by frame, in the stream's child channel. */
    private final class Response extends ChannelInboundHandlerAdapter {
        private final H2Exchange x;

        Response(H2Exchange x) {
            this.x = x;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (x.ended) return;
                boolean end = false;
                if (msg instanceof Http2HeadersFrame h) {
                    if (x.status == 0 && h.headers().status() != null) {
                        x.status = Integer.parseInt(h.headers().status().toString());
                        for (Map.Entry<CharSequence, CharSequence> e : h.headers()) {
                            x.responseHeaders.add(Header.shared(e.getKey().toString(), e.getValue().toString()));
                        }
                    }
                    end = h.isEndStream();
                } else if (msg instanceof Http2DataFrame d) {
                    ByteBuf c = d.content();
                    byte[] b = new byte[c.readableBytes()];
                    c.getBytes(c.readerIndex(), b);
                    x.body.writeBytes(b);
                    end = d.isEndStream();
                }
                if (end) interpreted(x);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!x.ended) failed(x, stageOf(x), Phrase.of("client.h2StreamClosedEarly", x.streamId));
        }
    }

    private void interpreted(H2Exchange x) {
        HttpResponseStatus status = HttpResponseStatus.valueOf(x.status);
        ResponseInfo info = new ResponseInfo(x.status, status.reasonPhrase(), x.responseHeaders, x.body.toByteArray());
        t.publish(event(x, Stage.INTERPRET, Phase.END).said("client.h2Interpreted", x.status, status.reasonPhrase(), x.streamId, info.body().length, x.framesIn)
                .memory(t.probes().memory().read(x.interpretMark)).build());
        end(x, Outcome.COMPLETED, info, Phrase.of("client.h2Received", x.status, status.reasonPhrase(), x.streamId));
    }

    // --- the client leaves one stream: RST_STREAM, the rest of the connection goes on ---

    void cancelled(H2Exchange x) {
        leave(x, Outcome.CANCELLED, Phrase.of("client.h2Cancelled", x.streamId));
    }

    void timedOut(H2Exchange x) {
        leave(x, Outcome.TIMEOUT, Phrase.of("client.h2TimedOut", x.spec.timeout().toSeconds(), x.streamId));
    }

    private void leave(H2Exchange x, Outcome outcome, Phrase why) {
        if (x.ended) return;
        t.publish(event(x, stageOf(x), Phase.ERROR).detail(why).build());
        end(x, outcome, null, why);
        if (x.stream != null) x.stream.close(); // an open stream's close is its RST_STREAM
        else waiting.remove(x);
    }

    private void failed(H2Exchange x, Stage stage, Phrase why) {
        if (x.ended) return;
        t.publish(event(x, stage, Phase.ERROR).detail(why).build());
        end(x, Outcome.FAILED, null, why);
    }

    private void failAll(Stage stage, Phrase why) {
        closed = true;
        List<H2Exchange> all = new ArrayList<>(waiting);
        all.addAll(streams.values());
        waiting.clear();
        for (H2Exchange x : all) failed(x, x.stream == null ? stage : stageOf(x), why);
        if (link != null) t.directory().remove(link);
    }

    private void end(H2Exchange x, Outcome outcome, ResponseInfo response, Phrase detail) {
        for (Stage held : new Stage[] {Stage.SEND, Stage.INTERPRET}) {
            if (t.gates().discard(x.id, held)) {
                t.publish(new dev.roundtrip.trace.GateEvent(x.id, t.clock().now(), held, dev.roundtrip.trace.GateEvent.Kind.DISCARDED, null));
            }
        }
        if (outcome != Outcome.COMPLETED) t.gates().letGo(x.id);
        ExchangeEnded e = new ExchangeEnded(x.id, t.clock().now(), outcome, response, detail);
        t.publish(e);
        x.complete(e);
        client.ended(x);
    }

    /** The connection ended: its streams still waiting for an answer fail with it. */
    private final class End extends ChannelInboundHandlerAdapter {
        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closed = true;
            List<H2Exchange> open = new ArrayList<>(streams.values());
            for (H2Exchange x : open) {
                if (!x.ended) failed(x, stageOf(x), Phrase.of("client.h2LostWithConnection", x.streamId));
            }
            if (link != null) {
                link.clientClosed();
                t.directory().remove(link);
            }
            client.forget(H2ClientConnection.this);
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // the codec answers protocol errors itself (RST_STREAM, GOAWAY): the frames say so
        }
    }

    // --- socket reads and writes (event loop) ---

    @Override
    public void onRead(ChannelHandlerContext ctx, ByteBuf buf) {
        if (handshaking) {
            handshakeIo(false, t.probes().bytes(buf), Probes.buffer(buf));
            return;
        }
        if (tls()) {
            pendingRead = t.probes().bytes(buf);
            pendingBuffer = Probes.buffer(buf);
            return;
        }
        frames(true, in.feed(buf), t.probes().bytes(buf), Probes.buffer(buf), null);
    }

    @Override
    public void onPlainRead(ChannelHandlerContext ctx, ByteBuf buf) {
        BytesReadout wire = pendingRead;
        pendingRead = null;
        frames(true, in.feed(buf), wire, pendingBuffer, t.probes().bytes(buf));
    }

    @Override
    public void onReadComplete(ChannelHandlerContext ctx) {
        pendingRead = null;
    }

    @Override
    public void onWritten(ChannelHandlerContext ctx, ByteBuf piece, BufferReadout buffer) {
        if (tls()) {
            if (!open) {
                handshakeIo(true, t.probes().bytes(piece), buffer);
                return;
            }
            writes++;
            socketIo(lastWriter, Phrase.of("client.h2TlsWrite", writes, piece.readableBytes()), t.probes().bytes(piece),
                    buffer, null);
            return;
        }
        frames(false, out.feed(piece), t.probes().bytes(piece), buffer, null);
    }

    @Override
    public void onPlainWrite(ChannelHandlerContext ctx, ByteBuf buf) {
        frames(false, out.feed(buf), null, null, t.probes().bytes(buf));
    }

    @Override
    public void onWriteFailed(ChannelHandlerContext ctx, Throwable cause, int unsent) {
        // the write's own promise fails the exchange that wrote it
    }

    private void handshakeIo(boolean write, BytesReadout bytes, BufferReadout buffer) {
        t.publish(StageEvent.of(openingExchangeId, connectionId, Stage.HANDSHAKE, Phase.PROGRESS, Actor.CLIENT, t.clock())
                .said(write ? "client.h2HandshakeWrite" : "client.h2HandshakeRead", bytes.count())
                .bytes(bytes).buffer(buffer).kernel(t.probes().kernelSampled(ch)).build());
    }

    private void frames(boolean inbound, List<H2Frames.Frame> frames, BytesReadout wire, BufferReadout buffer, BytesReadout plain) {
        H2Exchange owner = null;
        for (H2Frames.Frame f : frames) {
            if (f.readout().connectionLevel()) continue;
            H2Exchange x = lookup(inbound, f.readout().streamId());
            if (x != null && inbound && !x.responseArrived && !x.ended) {
                x.responseArrived = true;
                // the stream passes the interpret gate as an HTTP/1.1 response does; held, it holds only itself: the
                // connection reads on, and this stream's frames wait in its child channel, which does not read yet
                if (t.gates().shouldHold(Stage.INTERPRET)) t.pass(x.id, Stage.INTERPRET, ch.eventLoop(), socket(), () -> beginInterpret(x, true));
                else beginInterpret(x, false);
            }
            if (owner == null) owner = x;
        }
        if (owner == null) owner = newest;
        if (!inbound) lastWriter = owner;
        Phrase carried = frames.isEmpty() ? Phrase.of("client.h2NoFrame") : Phrase.of("client.h2Frames", frames.size());
        if (wire != null) {
            long n = inbound ? ++reads : ++writes;
            socketIo(owner, Phrase.of(inbound ? "client.h2Read" : "client.h2Write", n, wire.count(), carried), wire, buffer, null);
        }
        if (plain != null) {
            socketIo(owner, Phrase.of(inbound ? "client.h2Decrypted" : "client.h2PlainWritten", plain.count(), carried), null, null, plain);
        }
        for (H2Frames.Frame f : frames) frame(inbound, f);
    }

    /** The client reads the stream's response: now, or once the interpret gate let it go. */
    private void beginInterpret(H2Exchange x, boolean waited) {
        if (x.ended || x.interpretBegun) return;
        x.interpretBegun = true;
        x.interpretMark = t.probes().memory().allocatedMark();
        t.publish(event(x, Stage.INTERPRET, Phase.BEGIN).detail(waited ? Phrase.of("client.h2InterpretLetThrough", x.streamId, x.framesIn) : Phrase.of("client.h2InterpretBegins", x.streamId)).build());
        if (x.stream != null) x.stream.config().setAutoRead(true); // reads what waited, then goes on by itself
    }

    private void socketIo(H2Exchange x, Phrase detail, BytesReadout wire, BufferReadout buffer, BytesReadout plain) {
        StageEvent.Builder b = x == null
                ? StageEvent.of(openingExchangeId, connectionId, Stage.CONNECT, Phase.PROGRESS, Actor.CLIENT, t.clock())
                : event(x, stageOf(x), Phase.PROGRESS);
        b.detail(detail).bytes(wire).buffer(buffer).plain(plain);
        if (wire != null) b.kernel(t.probes().kernelSampled(ch));
        t.publish(b.build());
    }

    private void frame(boolean inbound, H2Frames.Frame f) {
        FrameReadout r = f.readout();
        H2Exchange x = r.connectionLevel() ? newest : lookup(inbound, r.streamId());
        Phrase detail = Phrase.of(inbound ? "client.h2FrameIn" : "client.h2FrameOut", f.detail());
        if (x == null) {
            t.publish(StageEvent.of(openingExchangeId, connectionId, Stage.CONNECT, Phase.PROGRESS, Actor.CLIENT, t.clock())
                    .detail(detail).frame(r).build());
            return;
        }
        if (!r.connectionLevel()) {
            if (inbound) x.framesIn++;
            else x.framesOut++;
            if (inbound && !x.interpretBegun && !x.ended) detail = Phrase.of("client.h2FrameHeld", f.detail(), x.streamId);
        }
        t.publish(event(x, stageOf(x), Phase.PROGRESS).detail(detail).frame(r).build());
        if (inbound && r.type().equals("RST_STREAM") && !x.ended) {
            failed(x, stageOf(x), Phrase.of("client.h2ServerReset", x.streamId, r.errorCode()));
        }
        if (inbound && r.type().equals("GOAWAY")) {
            closed = true; // no new streams on it; those the server will still answer go on
        }
    }

    private H2Exchange lookup(boolean inbound, int streamId) {
        H2Exchange x = streams.get(streamId);
        if (x == null && !inbound && writing != null) {
            x = writing;
            streams.put(streamId, x);
        }
        return x;
    }

    private static Stage stageOf(H2Exchange x) {
        return x.responseArrived ? Stage.INTERPRET : Stage.SEND;
    }

    private StageEvent.Builder event(H2Exchange x, Stage stage, Phase phase) {
        return StageEvent.of(x.id, connectionId, stage, phase, Actor.CLIENT, t.clock());
    }

    /** The exchange's timeout: its stream is reset when it runs out. */
    void startTimer(H2Exchange x) {
        x.timer = client.loop().schedule(() -> timedOut(x), x.spec.timeout().toNanos(), TimeUnit.NANOSECONDS);
    }
}
