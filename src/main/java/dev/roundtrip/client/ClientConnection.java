package dev.roundtrip.client;

import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.RecentBytes;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import dev.roundtrip.trace.TlsReadout;
import dev.roundtrip.trace.TlsRecordReadout;
import dev.roundtrip.wire.PlainTap;
import dev.roundtrip.wire.ReadValve;
import dev.roundtrip.wire.TlsContexts;
import dev.roundtrip.wire.TlsRecords;
import dev.roundtrip.wire.WireTap;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One client connection, one exchange at a time. The socket is bound before it connects, so its
 * address is in the {@link ConnectionDirectory} before the SYN leaves; the response is read only
 * once the server said it has written one and the interpret gate let the exchange through.
 */
final class ClientConnection implements WireTap.Observer, PlainTap.Observer, ConnectionDirectory.ClientSide {
    /** This connection's last socket read and write: the next one with the same bytes is the same readout. */
    private final RecentBytes recentReads = new RecentBytes();
    private final RecentBytes recentWrites = new RecentBytes();
    static final int MAX_RESPONSE_BYTES = 64 << 20;

    private final Tracing t;
    private final RoundtripClient client;
    final long connectionId;
    private Channel ch;
    private ConnectionDirectory.Link link;
    private volatile ClientExchange current;
    /** Exchanges sent on this connection so far. */
    private int exchangesOnIt;
    /** CONNECT or HANDSHAKE while the connection is being opened for its first exchange; null once it is open. */
    private Stage opening;

    // --- TLS (null tlsContext: cleartext) ---
    private final SslContext tlsContext;
    private ReadValve valve;
    private SslHandler ssl;
    private boolean handshaking;
    private boolean clientHandshakeDone;
    private boolean serverHandshakeDone;
    private int roundTrips;
    private boolean wroteSinceRead;
    private final TlsRecords recordsOut = new TlsRecords();
    private final TlsRecords recordsIn = new TlsRecords();

    ClientConnection(Tracing t, RoundtripClient client, long connectionId, SslContext tlsContext) {
        this.t = t;
        this.client = client;
        this.connectionId = connectionId;
        this.tlsContext = tlsContext;
    }

    boolean tls() {
        return tlsContext != null;
    }

    boolean reusable() {
        return ch != null && ch.isActive() && current == null;
    }

    KernelReadout kernel() {
        return ch == null ? KernelReadout.unavailable(dev.roundtrip.trace.Unavailable.CLOSED, "the connection is not open yet", null, null) : t.probes().kernel(ch);
    }

    private dev.roundtrip.wire.Tracing.Socket socket;
    private Channel socketOf;

    /** The socket as a hold before send or interpret reads it (made once per channel). */
    private dev.roundtrip.wire.Tracing.Socket socket() {
        if (socketOf != ch) {
            socket = t.socket(ch);
            socketOf = ch;
        }
        return socket;
    }

    /** A new connection: bind, register, connect (and, on TLS, the handshake), then send. */
    void open(Bootstrap template, InetSocketAddress server, ClientExchange x) {
        current = x;
        opening = Stage.CONNECT;
        Bootstrap b = template.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel c) {
                c.pipeline().addLast("tap", new WireTap(ClientConnection.this, t.probes().memory()))
                        .addLast("decoder", new ResponseDecoder())
                        .addLast("aggregator", new HttpObjectAggregator(MAX_RESPONSE_BYTES))
                        .addLast("handler", new ResponseHandler());
            }
        });
        ChannelFuture reg = b.register();
        ch = reg.channel();
        client.opened(ch);
        reg.addListener(r -> {
            if (!r.isSuccess()) {
                failed(x, Stage.CONNECT, Phrase.of("client.noSocket", String.valueOf(r.cause().getMessage())));
                return;
            }
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).addListener(bound -> {
                if (!bound.isSuccess()) {
                    failed(x, Stage.CONNECT, Phrase.of("client.noLocalPort", String.valueOf(bound.cause().getMessage())));
                    return;
                }
                link = t.directory().register((InetSocketAddress) ch.localAddress(), connectionId, x.id);
                link.attachClient(this);
                connect(x, server);
            });
        });
    }

    /** connect(): the kernels exchange SYN, SYN-ACK and ACK; measured from the call to its completion. */
    private void connect(ClientExchange x, InetSocketAddress server) {
        dev.roundtrip.probe.MemoryProbe.Mark mark;
        String to;
        try (var s = t.instrument()) {
            mark = t.probes().memory().allocatedMark();
            to = server.getAddress().getHostAddress() + ":" + server.getPort();
        }
        long began = t.clock().now();
        ChannelFuture connecting = ch.connect(server);
        try (var s = t.instrument()) {
            // published once connect() has returned, stamped before it: building the event is not the connect's time
            t.publish(StageEvent.at(x.id, connectionId, Stage.CONNECT, Phase.BEGIN, Actor.CLIENT, began)
                    .said("client.connects", to).build());
        }
        connecting.addListener(c -> {
            if (x.ended) return;
            if (!c.isSuccess()) {
                failed(x, Stage.CONNECT, Phrase.of("client.cannotConnect", to, String.valueOf(c.cause().getMessage())));
                return;
            }
            long established = t.clock().now();
            try (var s = t.instrument()) {
                t.publish(StageEvent.at(x.id, connectionId, Stage.CONNECT, Phase.END, Actor.CLIENT, established)
                        .said("client.connected", connectionId, Phrase.duration(established - began))
                        .tcp(t.probes().tcp(ch)).kernel(t.probes().kernel(ch)).memory(t.probes().memory().read(mark)).build());
            }
            if (tls()) handshake(x, server);
            else {
                opening = null;
                send(x);
            }
        });
    }

    /**
     * The TLS handshake, started by adding the TLS handler to the open connection. The request goes
     * once both sides are done: a request written earlier could reach the server in the same socket
     * read as the client's Finished, and be read past the parse gate.
     */
    private void handshake(ClientExchange x, InetSocketAddress server) {
        opening = Stage.HANDSHAKE;
        handshaking = true;
        try (var s = t.instrument()) {
            x.handshakeMark = t.probes().memory().allocatedMark();
        }
        javax.net.ssl.SSLEngine engine = tlsContext.newEngine(ch.alloc(), server.getAddress().getHostAddress(), server.getPort());
        try (var s = t.instrument()) {
            t.publish(event(x, Stage.HANDSHAKE, Phase.BEGIN, Actor.CLIENT)
                    .said("client.handshakeBegins", String.join(", ", engine.getEnabledProtocols())).build());
        }
        valve = new ReadValve(() -> handshaking);
        ssl = new SslHandler(engine);
        ssl.setHandshakeTimeoutMillis(0); // the exchange's own timeout covers the handshake
        ssl.handshakeFuture().addListener(f -> ch.eventLoop().execute(() -> handshakeEnded(x, f)));
        ch.pipeline().addAfter("tap", "valve", valve).addAfter("valve", "tls", ssl).addAfter("tls", "plain", new PlainTap(this));
        valve.read(); // the server's answer to the ClientHello
    }

    /** Runs after the task that completed the handshake, so the client's Finished has been written. */
    private void handshakeEnded(ClientExchange x, io.netty.util.concurrent.Future<?> f) {
        handshaking = false;
        if (ch.isActive()) { // a read the TLS handler asked for is still pending: it would take the response before the interpret gate
            ch.config().setAutoRead(true); // (autoRead on and off is the one public way to clear it; the read this asks for stops at the valve)
            ch.config().setAutoRead(false);
        }
        recordsOut.handshakeDone();
        recordsIn.handshakeDone();
        if (x.ended) return;
        if (!f.isSuccess()) {
            failed(x, Stage.HANDSHAKE, Phrase.of("client.handshakeFailed", TlsContexts.describeFailure(f.cause())));
            return;
        }
        try (var s = t.instrument()) {
            javax.net.ssl.SSLSession session = ssl.engine().getSession();
            String alpn = ssl.applicationProtocol();
            t.publish(event(x, Stage.HANDSHAKE, Phase.END, Actor.CLIENT)
                    .said(alpn == null ? "client.handshakeDone" : "client.handshakeDoneAlpn", session.getProtocol(), session.getCipherSuite(), roundTrips,
                            alpn == null ? "" : alpn)
                    .tls(new TlsReadout(session.getProtocol(), session.getCipherSuite(), alpn, roundTrips))
                    .memory(t.probes().memory().read(x.handshakeMark)).build());
        }
        clientHandshakeDone = true;
        sendOnceBothHandshook();
    }

    @Override
    public void serverHandshakeDone() {
        ch.eventLoop().execute(() -> {
            serverHandshakeDone = true;
            sendOnceBothHandshook();
        });
    }

    private void sendOnceBothHandshook() {
        ClientExchange x = current;
        if (opening != Stage.HANDSHAKE || !clientHandshakeDone || !serverHandshakeDone || x == null || x.ended) return;
        opening = null;
        send(x);
    }

    /** A handshake record crossed the socket: the read or write, then each TLS record that begins in it. */
    private void handshakeIo(ClientExchange x, boolean write, BytesReadout bytes, BufferReadout buffer, List<TlsRecordReadout> records) {
        if (write) wroteSinceRead = true;
        else if (wroteSinceRead) { // the answer to what this side sent: one more round trip
            roundTrips++;
            wroteSinceRead = false;
        }
        int n = write ? ++x.handshakeWrites : ++x.handshakeReads;
        t.publish(event(x, Stage.HANDSHAKE, Phase.PROGRESS, Actor.CLIENT)
                .said(write ? "client.handshakeWrite" : "client.handshakeRead", n, bytes.count(), records.size())
                .bytes(bytes).buffer(buffer).kernel(t.probes().kernelSampled(ch)).build());
        for (TlsRecordReadout r : records) {
            t.publish(event(x, Stage.HANDSHAKE, Phase.PROGRESS, Actor.CLIENT).detail(r.describe(write)).tlsRecord(r).build());
        }
    }

    /** Through the send gate, then write the request. */
    void send(ClientExchange x) {
        current = x;
        exchangesOnIt++;
        x.exchangeOnConnection = exchangesOnIt;
        t.pass(x.id, Stage.SEND, ch.eventLoop(), socket(), () -> write(x));
    }

    private void write(ClientExchange x) {
        if (x.ended) return;
        try (var s = t.instrument()) {
            x.sendMark = t.probes().memory().allocatedMark();
            Phrase writes = Phrase.of(tls() ? "client.writesTls" : "client.writes", x.wire.length);
            t.publish(event(x, Stage.SEND, Phase.BEGIN, Actor.CLIENT)
                    .detail(x.exchangeOnConnection > 1 ? Phrase.of("client.reused", connectionId, Phrase.ordinal(x.exchangeOnConnection), writes) : writes).build());
        }
        ChannelFuture written = ch.writeAndFlush(Unpooled.wrappedBuffer(x.wire));
        try (var s = t.instrument()) {
            written.addListener(f -> sent(x, f));
        }
    }

    /** The request is in the kernel's send queue (or failed): the send stage ends. */
    private void sent(ClientExchange x, io.netty.util.concurrent.Future<?> f) {
        if (x.ended) return;
        try (var s = t.instrument()) {
            if (f.isSuccess()) {
                x.sendEnded = true;
                t.publish(event(x, Stage.SEND, Phase.END, Actor.CLIENT)
                        .said("client.sent", x.bytesWritten, x.writes)
                        .memory(t.probes().memory().read(x.sendMark)).build());
            } else {
                failed(x, Stage.SEND, Phrase.of("client.requestNotWritten", String.valueOf(f.cause().getMessage())));
            }
        }
    }

    private void readSocket() {
        if (valve != null) valve.read();
        else ch.read();
    }

    // --- the server's word through the directory (any thread) ---

    @Override
    public void responseSent(long exchangeId) {
        ch.eventLoop().execute(() -> {
            ClientExchange x = current;
            if (x == null || x.id != exchangeId || x.ended) return;
            t.pass(x.id, Stage.INTERPRET, ch.eventLoop(), socket(), () -> {
                if (!x.ended && ch.isActive()) readSocket();
            });
        });
    }

    // --- socket reads and writes (event loop) ---

    @Override
    public void onWritten(ChannelHandlerContext ctx, ByteBuf piece, BufferReadout buffer) {
        ClientExchange x = current;
        if (x == null) return;
        if (opening == Stage.HANDSHAKE) {
            handshakeIo(x, true, t.probes().bytes(piece), buffer, recordsOut.feed(piece));
            return;
        }
        int count = piece.readableBytes();
        x.writes++;
        x.bytesWritten += count;
        t.publish(event(x, Stage.SEND, Phase.PROGRESS, Actor.CLIENT)
                .said("client.socketWrite", x.writes, count)
                .bytes(t.probes().bytes(piece, recentWrites)).buffer(buffer).kernel(t.probes().kernelSampled(ch)).build());
        if (!x.requestAnnounced) {
            x.requestAnnounced = true;
            link.requestSent(x.id);
        }
    }

    @Override
    public void onWriteFailed(ChannelHandlerContext ctx, Throwable cause, int unsent) {
        ClientExchange x = current;
        if (x == null || x.ended) return;
        failed(x, Stage.SEND, Phrase.of("client.writeFailed", String.valueOf(cause.getMessage()), unsent));
    }

    @Override
    public void onRead(ChannelHandlerContext ctx, ByteBuf buf) {
        ClientExchange x = current;
        if (x == null || x.ended) return;
        if (opening == Stage.HANDSHAKE) {
            handshakeIo(x, false, t.probes().bytes(buf), Probes.buffer(buf), recordsIn.feed(buf));
            return;
        }
        if (!x.interpretBegun) {
            x.interpretBegun = true;
            x.interpretMark = t.probes().memory().allocatedMark();
            t.publish(event(x, Stage.INTERPRET, Phase.BEGIN, Actor.CLIENT).said("client.interpretBegins").build());
        }
        x.reads++;
        x.bytesRead += buf.readableBytes();
        t.publish(event(x, Stage.INTERPRET, Phase.PROGRESS, Actor.CLIENT)
                .said("client.socketRead", x.reads, buf.readableBytes())
                .bytes(t.probes().bytes(buf, recentReads)).buffer(Probes.buffer(buf)).kernel(t.probes().kernelSampled(ch)).build());
    }

    @Override
    public void onReadComplete(ChannelHandlerContext ctx) {
        ClientExchange x = current;
        if (x != null && !x.ended && x.interpretBegun && ch.isActive()) readSocket(); // the rest of a long response
    }

    @Override
    public void onPlainWrite(ChannelHandlerContext ctx, ByteBuf buf) {
        ClientExchange x = current;
        if (x == null || x.ended || opening != null) return;
        t.publish(event(x, Stage.SEND, Phase.PROGRESS, Actor.CLIENT)
                .said("client.plaintextWritten", buf.readableBytes())
                .plain(t.probes().bytes(buf)).build());
    }

    @Override
    public void onPlainRead(ChannelHandlerContext ctx, ByteBuf buf) {
        ClientExchange x = current;
        if (x == null || x.ended || !x.interpretBegun) return;
        t.publish(event(x, Stage.INTERPRET, Phase.PROGRESS, Actor.CLIENT)
                .said("client.decrypted", buf.readableBytes())
                .plain(t.probes().bytes(buf)).build());
    }

    // --- endings (event loop) ---

    private void interpreted(ClientExchange x, FullHttpResponse resp) {
        if (resp.decoderResult().isFailure()) {
            failed(x, Stage.INTERPRET, Phrase.of("client.malformedResponse", String.valueOf(resp.decoderResult().cause().getMessage())));
            return;
        }
        // the response as the recording keeps it (headers, a copy of the body): the instrument's, like the event
        ResponseInfo info;
        try (var s = t.instrument()) {
            List<Header> headers = new ArrayList<>();
            for (Map.Entry<String, String> h : resp.headers()) headers.add(Header.shared(h.getKey(), h.getValue()));
            byte[] body = ByteBufUtil.getBytes(resp.content());
            int status = resp.status().code();
            Phrase decision = Phrase.of(status < 300 ? "client.shows" : status < 400 ? "client.couldFollow"
                    : status < 500 ? "client.clientError" : "client.serverError");
            String type = resp.headers().get("Content-Type");
            t.publish(event(x, Stage.INTERPRET, Phase.END, Actor.CLIENT)
                    .said(type == null ? "client.interpreted" : "client.interpretedType", resp.protocolVersion().text(), status,
                            resp.status().reasonPhrase(), body.length, type == null ? "" : type, x.reads, decision)
                    .memory(t.probes().memory().read(x.interpretMark)).build());
            info = new ResponseInfo(status, resp.status().reasonPhrase(), headers, body);
        }
        boolean keep = x.spec.keepAlive() && !x.spec.isRaw() && HttpUtil.isKeepAlive(resp);
        current = null;
        if (keep) client.idle(this); // before the caller hears of the end, so its next request finds it
        end(x, Outcome.COMPLETED, info, Phrase.of("client.answered", resp.status().toString()));
        if (!keep) close(false);
    }

    /** The stage an exchange of this connection is in, for an error that ends it. */
    private Stage stageOf(ClientExchange x) {
        return x.sendEnded ? Stage.INTERPRET : opening != null ? opening : Stage.SEND;
    }

    void timedOut(ClientExchange x) {
        if (x.ended) return;
        Stage stage = stageOf(x);
        Phrase why = Phrase.of("client.timedOut", Phrase.duration(x.spec.timeout().toNanos()));
        t.publish(event(x, stage, Phase.ERROR, Actor.CLIENT).detail(why).kernel(kernel()).build());
        abandon();
        end(x, Outcome.TIMEOUT, null, why);
    }

    void cancelled(ClientExchange x) {
        if (x.ended) return;
        Stage stage = stageOf(x);
        Phrase why = Phrase.of("client.cancelled");
        t.publish(event(x, stage, Phase.ERROR, Actor.CLIENT).detail(why).kernel(kernel()).build());
        abandon();
        end(x, Outcome.CANCELLED, null, why);
    }

    private void failed(ClientExchange x, Stage stage, Phrase why) {
        if (x.ended) return;
        t.publish(event(x, stage, Phase.ERROR, Actor.CLIENT).detail(why).build());
        abandon();
        end(x, Outcome.FAILED, null, why);
    }

    private void end(ClientExchange x, Outcome outcome, ResponseInfo response, Phrase detail) {
        // the client's own gates are forgotten before anyone hears of the end
        discardHold(x, Stage.SEND);
        discardHold(x, Stage.INTERPRET);
        // a client that left does not wait for the server: what the server holds of it goes on by itself
        if (outcome != Outcome.COMPLETED) t.gates().letGo(x.id);
        ExchangeEnded e = new ExchangeEnded(x.id, t.clock().now(), outcome, response, detail);
        t.publish(e);
        x.complete(e);
        client.ended(x);
    }

    private void discardHold(ClientExchange x, Stage stage) {
        if (t.gates().discard(x.id, stage)) t.publish(new GateEvent(x.id, t.clock().now(), stage, GateEvent.Kind.DISCARDED, null));
    }

    /**
     * The client walks away: the connection is reset (RST), not closed politely. Before its end lets the
     * server's holds go: on loopback the RST is in the server's socket once close() returns, so a server
     * let through reads a connection that is gone, as it would once the client left (else it answered a
     * client that had already left).
     */
    private void abandon() {
        current = null;
        close(true);
    }

    private void close(boolean reset) {
        client.forget(this);
        if (ch == null) return;
        if (reset && ch.isActive()) ch.config().setOption(ChannelOption.SO_LINGER, 0);
        ch.close();
        if (link != null) link.clientClosed();
    }

    private void lost(Phrase why) {
        ClientExchange x = current;
        if (x != null && !x.ended) failed(x, stageOf(x), why);
        client.forget(this);
        if (link != null) {
            link.clientClosed();
            t.directory().remove(link);
        }
    }

    private StageEvent.Builder event(ClientExchange x, Stage stage, Phase phase, Actor actor) {
        StageEvent.Builder b = StageEvent.of(x.id, connectionId, stage, phase, actor, t.clock());
        // the connection's TCP state as the client's side of a stage ends (the request handed over, the response read whole)
        if (phase == Phase.END && (stage == Stage.SEND || stage == Stage.INTERPRET) && ch != null) b.tcp(t.probes().tcpAtStageEnd(ch));
        return b;
    }

    /** A HEAD response has headers only, whatever its Content-Length says. */
    private final class ResponseDecoder extends HttpResponseDecoder {
        @Override
        protected boolean isContentAlwaysEmpty(HttpMessage msg) {
            ClientExchange x = current;
            if (x != null && "HEAD".equals(x.info.method())) return true;
            return super.isContentAlwaysEmpty(msg);
        }
    }

    private final class ResponseHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                ClientExchange x = current;
                if (msg instanceof FullHttpResponse resp && x != null && !x.ended) interpreted(x, resp);
            } finally {
                io.netty.util.ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            lost(Phrase.of(opening == Stage.HANDSHAKE ? "client.closedInHandshake" : "client.closedBeforeResponse"));
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            lost(opening == Stage.HANDSHAKE ? Phrase.of("client.handshakeFailed", TlsContexts.describeFailure(cause))
                    : Phrase.of("client.connectionFailed", String.valueOf(cause.getMessage())));
            ctx.close();
        }
    }
}
