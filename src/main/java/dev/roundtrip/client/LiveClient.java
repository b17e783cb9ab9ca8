package dev.roundtrip.client;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.MessageReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import dev.roundtrip.wire.WebSocketFrames;
import dev.roundtrip.wire.WireTap;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The lab's client for long-lived exchanges: an event stream ({@code GET /events}) or a WebSocket
 * ({@code GET /ws}), each on a connection of its own, traced like {@link RoundtripClient}'s requests
 * (connect, send through its gate, interpret through its gate) and then message by message: each SSE
 * event and each WebSocket frame either way is an INTERPRET PROGRESS event with a {@link MessageReadout}
 * (a WebSocket frame with its bytes as they crossed the socket). INTERPRET ends when the client leaves
 * ({@link Stream#close()}) or the server ends the stream.
 *
 * <p>Over TLS (https, wss: the lab's TLS port, trusting exactly the lab's certificate) the handshake is
 * a stage of its own, the socket reads and writes carry the ciphertext as it crossed the socket, and each
 * message carries its plaintext frame or event as {@code plain} (its ciphertext is in the socket reads
 * and writes, counted once).
 */
public final class LiveClient implements AutoCloseable {
    static final int MAX_KEPT_BODY = 64 * 1024;

    private final Tracing t;
    private final InetSocketAddress server;
    private final InetSocketAddress tlsServer;
    private final io.netty.handler.ssl.SslContext tls;
    private final EventLoopGroup group;
    private final ChannelGroup channels = new DefaultChannelGroup("roundtrip-live-client", GlobalEventExecutor.INSTANCE);

    public LiveClient(Tracing t, InetSocketAddress server) {
        this(t, server, null, null);
    }

    /**
     * @param tlsServer where streams over TLS go, or null (then they are refused)
     * @param tls the client's TLS settings for it ({@code wire.TlsContexts.client})
     */
    public LiveClient(Tracing t, InetSocketAddress server, InetSocketAddress tlsServer, io.netty.handler.ssl.SslContext tls) {
        this.t = t;
        this.server = server;
        this.tlsServer = tls == null ? null : tlsServer;
        this.tls = tlsServer == null ? null : tls;
        this.group = t.probes().transport().group(1, new DefaultThreadFactory("roundtrip-live-client", true));
    }

    /** One long-lived exchange under way. */
    public interface Stream {
        long exchangeId();

        /** Completes (never exceptionally) once the exchange has ended, on the client's event loop. */
        CompletableFuture<ExchangeEnded> result();

        /** A WebSocket's text frame to the server (an event stream cannot send: refused). */
        void send(String text);

        /** The client leaves: a WebSocket says goodbye with a close frame (1000), an event stream just closes. */
        void close();
    }

    /** {@code GET /events}; after {@code lastEventId} (sent as Last-Event-ID) unless it is negative. {@code onData}: each event's data. */
    public Stream events(long lastEventId, Consumer<String> onData) {
        return events(lastEventId, onData, false);
    }

    /** {@link #events(long, Consumer)}, over TLS (https) when {@code overTls}. */
    public Stream events(long lastEventId, Consumer<String> onData, boolean overTls) {
        String host = host(to(overTls));
        List<Header> headers = new ArrayList<>(List.of(new Header("Host", host), new Header("Accept", "text/event-stream"),
                new Header("User-Agent", "roundtrip")));
        if (lastEventId >= 0) headers.add(new Header("Last-Event-ID", Long.toString(lastEventId)));
        EventStream s = new EventStream(new RequestInfo("GET", "/events", headers, null, null), overTls, onData);
        s.open();
        return s;
    }

    /** {@code GET /ws} with the upgrade (Netty's handshaker), then a WebSocket; {@code onText}: each text frame from the server. */
    public Stream webSocket(Consumer<String> onText) {
        return webSocket(onText, false);
    }

    /** {@link #webSocket(Consumer)}, over TLS (wss) when {@code overTls}. */
    public Stream webSocket(Consumer<String> onText, boolean overTls) {
        String host = host(to(overTls));
        List<Header> headers = List.of(new Header("Host", host), new Header("Upgrade", "websocket"), new Header("Connection", "upgrade"),
                new Header("Sec-WebSocket-Version", "13"));
        WebSocket s = new WebSocket(new RequestInfo("GET", "/ws", headers, null, null), overTls,
                URI.create((overTls ? "wss://" : "ws://") + host + "/ws"), onText);
        s.open();
        return s;
    }

    private InetSocketAddress to(boolean overTls) {
        if (overTls && tls == null) throw new IllegalStateException("this client has no TLS server to go to");
        return overTls ? tlsServer : server;
    }

    private static String host(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    @Override
    public void close() {
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    /** What both kinds share: the connection, its stages, and the end. */
    private abstract class Base implements Stream, WireTap.Observer, dev.roundtrip.wire.PlainTap.Observer, ConnectionDirectory.ClientSide {
        final long id = t.ids().nextExchangeId();
        final long connectionId = t.ids().nextConnectionId();
        final RequestInfo info;
        final boolean overTls;
        final CompletableFuture<ExchangeEnded> result = new CompletableFuture<>();
        Channel ch;
        io.netty.handler.ssl.SslHandler ssl;
        /** The TLS handshake is under way: the socket's bytes are its records. */
        boolean handshaking;
        boolean clientHandshook;
        boolean serverHandshook;
        private int handshakeReads;
        private int handshakeWrites;
        private int roundTrips;
        private boolean wroteSinceRead;
        private final dev.roundtrip.wire.TlsRecords recordsOut = new dev.roundtrip.wire.TlsRecords();
        private final dev.roundtrip.wire.TlsRecords recordsIn = new dev.roundtrip.wire.TlsRecords();
        /** Over TLS: the client's frames in the plaintext just written, told with the socket write that carries them. */
        private final List<WebSocketFrames.Frame> framesToWrite = new ArrayList<>();
        ConnectionDirectory.Link link;
        boolean sendBegun;
        boolean sendEnded;
        boolean announced;
        boolean interpretBegun;
        boolean ended;
        boolean leaving;
        int writes;
        int reads;
        int messages;
        ResponseInfo head;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        /** Matches CR LF CR LF: the bytes up to the end of the response head are not messages. */
        int headMatched;

        Base(RequestInfo info, boolean overTls) {
            this.info = info;
            this.overTls = overTls;
        }

        @Override
        public long exchangeId() {
            return id;
        }

        @Override
        public CompletableFuture<ExchangeEnded> result() {
            return result;
        }

        abstract void pipeline(Channel c);

        /** Writes the request (SEND goes on until it has been handed to the kernel). */
        abstract ChannelFuture writeRequest();

        void open() {
            t.publish(new ExchangeStarted(id, connectionId, t.clock().now(), info));
            Bootstrap b = new Bootstrap().group(group).channel(t.probes().transport().socketChannel())
                    .option(ChannelOption.AUTO_READ, false).option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel c) {
                            c.pipeline().addLast("tap", new WireTap(Base.this, t.probes().memory()));
                            pipeline(c);
                        }
                    });
            ChannelFuture reg = b.register();
            ch = reg.channel();
            channels.add(ch);
            reg.addListener(r -> {
                if (!r.isSuccess()) {
                    fail(Stage.CONNECT, Phrase.of("client.noSocket", String.valueOf(r.cause().getMessage())));
                    return;
                }
                ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).addListener(bound -> {
                    if (!bound.isSuccess()) {
                        fail(Stage.CONNECT, Phrase.of("client.noLocalPort", String.valueOf(bound.cause().getMessage())));
                        return;
                    }
                    link = t.directory().register((InetSocketAddress) ch.localAddress(), connectionId, id);
                    link.attachClient(this);
                    connect();
                });
            });
            ch.closeFuture().addListener(f -> closed());
        }

        private void connect() {
            long began = t.clock().now();
            InetSocketAddress address = LiveClient.this.to(overTls);
            String to = host(address);
            ChannelFuture c = ch.connect(address);
            t.publish(StageEvent.at(id, connectionId, Stage.CONNECT, Phase.BEGIN, Actor.CLIENT, began)
                    .said("client.connects", to).build());
            c.addListener(done -> {
                if (!done.isSuccess()) {
                    fail(Stage.CONNECT, Phrase.of("client.cannotConnect", to, String.valueOf(done.cause().getMessage())));
                    return;
                }
                t.publish(event(Stage.CONNECT, Phase.END).said("client.connectedLive", connectionId)
                        .tcp(t.probes().tcp(ch)).kernel(t.probes().kernel(ch)).build());
                if (overTls) handshake(address);
                else send();
            });
        }

        /**
         * The TLS handshake on the open connection; the request goes once both sides are done (written
         * earlier, it could reach the server with the client's Finished and be read past the parse gate).
         */
        private void handshake(InetSocketAddress address) {
            javax.net.ssl.SSLEngine engine = tls.newEngine(ch.alloc(), address.getAddress().getHostAddress(), address.getPort());
            t.publish(event(Stage.HANDSHAKE, Phase.BEGIN).said("client.handshakeBegins", String.join(", ", engine.getEnabledProtocols())).build());
            handshaking = true;
            ssl = new io.netty.handler.ssl.SslHandler(engine);
            ssl.setHandshakeTimeoutMillis(10_000);
            ssl.handshakeFuture().addListener(f -> ch.eventLoop().execute(() -> handshakeEnded(f)));
            ch.pipeline().addAfter("tap", "tls", ssl).addAfter("tls", "plain", new dev.roundtrip.wire.PlainTap(this));
            ch.config().setAutoRead(true); // the handshake reads as it needs; off again before the request
        }

        private void handshakeEnded(io.netty.util.concurrent.Future<?> f) {
            handshaking = false;
            ch.config().setAutoRead(false); // the response waits in the kernel before the interpret gate
            recordsOut.handshakeDone();
            recordsIn.handshakeDone();
            if (ended) return;
            if (!f.isSuccess()) {
                fail(Stage.HANDSHAKE, dev.roundtrip.wire.TlsContexts.describeFailure(f.cause()));
                return;
            }
            javax.net.ssl.SSLSession session = ssl.engine().getSession();
            t.publish(event(Stage.HANDSHAKE, Phase.END).said("client.handshakeDone", session.getProtocol(), session.getCipherSuite(), roundTrips, "")
                    .tls(new dev.roundtrip.trace.TlsReadout(session.getProtocol(), session.getCipherSuite(), null, roundTrips)).build());
            clientHandshook = true;
            sendOnceBothHandshook();
        }

        @Override
        public void serverHandshakeDone() {
            ch.eventLoop().execute(() -> {
                serverHandshook = true;
                sendOnceBothHandshook();
            });
        }

        private void sendOnceBothHandshook() {
            if (clientHandshook && serverHandshook && !sendBegun && !ended) send();
        }

        private void handshakeIo(boolean write, ByteBuf buf) {
            if (write) wroteSinceRead = true;
            else if (wroteSinceRead) { // the answer to what this side sent: one more round trip
                roundTrips++;
                wroteSinceRead = false;
            }
            List<dev.roundtrip.trace.TlsRecordReadout> records = (write ? recordsOut : recordsIn).feed(buf);
            t.publish(event(Stage.HANDSHAKE, Phase.PROGRESS)
                    .said(write ? "client.handshakeWrite" : "client.handshakeRead", write ? ++handshakeWrites : ++handshakeReads,
                            buf.readableBytes(), records.size())
                    .bytes(t.probes().bytes(buf)).buffer(Probes.buffer(buf)).kernel(t.probes().kernelSampled(ch)).build());
            for (dev.roundtrip.trace.TlsRecordReadout r : records) {
                t.publish(event(Stage.HANDSHAKE, Phase.PROGRESS).detail(r.describe(write)).tlsRecord(r).build());
            }
        }

        /** Through the send gate, then the request (on TLS once both sides have handshaken). */
        private void send() {
            t.pass(id, Stage.SEND, ch.eventLoop(), socket(), () -> {
                if (ended) return;
                sendBegun = true;
                t.publish(event(Stage.SEND, Phase.BEGIN).said("client.writesLive", info.summary()).build());
                writeRequest().addListener(w -> {
                    if (!w.isSuccess()) {
                        fail(Stage.SEND, Phrase.of("client.requestNotWritten", String.valueOf(w.cause().getMessage())));
                        return;
                    }
                    sendEnded = true;
                    t.publish(event(Stage.SEND, Phase.END).said("client.sentLive").build());
                });
            });
        }

        private Tracing.Socket socket;

        /** The socket as a hold reads it: queues and TCP state. */
        Tracing.Socket socket() {
            if (socket == null) socket = t.socket(ch);
            return socket;
        }

        StageEvent.Builder event(Stage stage, Phase phase) {
            return StageEvent.of(id, connectionId, stage, phase, Actor.CLIENT, t.clock());
        }

        @Override
        public void responseSent(long exchangeId) {
            // the server has begun its answer: let INTERPRET through its gate, then read for as long as the stream lasts
            ch.eventLoop().execute(() -> t.pass(id, Stage.INTERPRET, ch.eventLoop(), socket(), () -> {
                if (!ended && ch.isActive()) ch.config().setAutoRead(true);
            }));
        }

        @Override
        public void onWritten(ChannelHandlerContext ctx, ByteBuf piece, BufferReadout buffer) {
            if (handshaking) {
                handshakeIo(true, piece);
                return;
            }
            if (overTls && sendEnded && interpretBegun) { // the frames just written, with the records that carry them
                List<WebSocketFrames.Frame> frames = new ArrayList<>(framesToWrite);
                framesToWrite.clear();
                for (int i = 0; i < frames.size(); i++) {
                    message(frames.get(i).readout(), i == frames.size() - 1 ? t.probes().bytes(piece) : null, frames.get(i).bytes());
                }
                return;
            }
            if (!sendEnded || !interpretBegun) {
                writes++;
                t.publish(event(Stage.SEND, Phase.PROGRESS).said("client.socketWrite", writes, piece.readableBytes())
                        .bytes(t.probes().bytes(piece)).buffer(buffer).kernel(t.probes().kernelSampled(ch)).build());
                if (!announced) {
                    announced = true;
                    link.requestSent(id);
                }
                return;
            }
            written(piece);
        }

        /** A socket write after the request (a WebSocket's frames). */
        void written(ByteBuf piece) {}

        /** The frames in {@code plain}, a write after the request (a WebSocket's); none for an event stream. */
        List<WebSocketFrames.Frame> framesIn(ByteBuf plain) {
            return List.of();
        }

        @Override
        public void onPlainWrite(ChannelHandlerContext ctx, ByteBuf buf) {
            if (ended) return;
            if (sendEnded && interpretBegun) {
                framesToWrite.addAll(framesIn(buf));
                return;
            }
            t.publish(event(Stage.SEND, Phase.PROGRESS).said("client.plaintextWritten", buf.readableBytes()).plain(t.probes().bytes(buf)).build());
        }

        @Override
        public void onPlainRead(ChannelHandlerContext ctx, ByteBuf buf) {
            if (ended || !interpretBegun) return;
            stream(buf, true);
        }

        @Override
        public void onWriteFailed(ChannelHandlerContext ctx, Throwable cause, int unsent) {
            fail(interpretBegun ? Stage.INTERPRET : Stage.SEND, Phrase.of("client.writeFailed", String.valueOf(cause.getMessage()), unsent));
        }

        @Override
        public void onRead(ChannelHandlerContext ctx, ByteBuf buf) {
            if (ended) return;
            if (handshaking) {
                handshakeIo(false, buf);
                return;
            }
            if (!interpretBegun) {
                interpretBegun = true;
                t.publish(event(Stage.INTERPRET, Phase.BEGIN).said("client.interpretBegins").build());
            }
            reads++;
            if (overTls) socketRead(buf); // the records as they crossed; their plaintext is read in onPlainRead
            else stream(buf, false);
        }

        /** The response's bytes, as read (cleartext) or decrypted ({@code plain}): the head, then the stream. */
        private void stream(ByteBuf buf, boolean plain) {
            int at = buf.readerIndex();
            while (headMatched < 4 && at < buf.writerIndex()) {
                byte b = buf.getByte(at++);
                headMatched = b == (headMatched % 2 == 0 ? '\r' : '\n') ? headMatched + 1 : b == '\r' ? 1 : 0;
            }
            read(buf, at, plain);
        }

        /** One socket read, or its plaintext ({@code plain}); the stream's bytes begin at {@code from} (after the response head). */
        abstract void read(ByteBuf buf, int from, boolean plain);

        /** Bytes of the response outside any message: a socket read, or (over TLS) the plaintext TLS decrypted. */
        void readBytes(ByteBuf buf, boolean plain) {
            if (plain) {
                t.publish(event(Stage.INTERPRET, Phase.PROGRESS).said("client.decrypted", buf.readableBytes()).plain(t.probes().bytes(buf)).build());
            } else {
                socketRead(buf);
            }
        }

        void socketRead(ByteBuf buf) {
            t.publish(event(Stage.INTERPRET, Phase.PROGRESS).said("client.socketRead", reads, buf.readableBytes())
                    .bytes(t.probes().bytes(buf)).buffer(Probes.buffer(buf)).kernel(t.probes().kernelSampled(ch)).build());
        }

        /** @param plain over TLS, the message's plaintext (its ciphertext is in the socket I/O, or {@code bytes}) */
        void message(MessageReadout m, dev.roundtrip.trace.BytesReadout bytes, dev.roundtrip.trace.BytesReadout plain) {
            if (!m.fromClient()) messages++;
            t.publish(event(Stage.INTERPRET, Phase.PROGRESS).said(m.fromClient() ? "client.messageWritten" : "client.messageRead", m.describe())
                    .message(m).bytes(bytes).plain(plain).build());
        }

        void head(HttpResponse r) {
            List<Header> headers = new ArrayList<>();
            for (Map.Entry<String, String> h : r.headers()) headers.add(Header.shared(h.getKey(), h.getValue()));
            head = new ResponseInfo(r.status().code(), r.status().reasonPhrase(), headers, new byte[0]);
        }

        void keep(byte[] b) {
            body.write(b, 0, Math.min(b.length, Math.max(0, MAX_KEPT_BODY - body.size())));
        }

        /** The connection is gone: the client left on purpose, or the server ended the stream. */
        void closed() {
            if (ended) return;
            if (!interpretBegun) {
                fail(sendEnded ? Stage.INTERPRET : Stage.SEND, Phrase.of("client.closedBeforeLiveResponse"));
                return;
            }
            Phrase why = Phrase.of(leaving ? "client.left" : "client.serverEndedStream");
            ended = true;
            t.publish(event(Stage.INTERPRET, Phase.END).said(leaving ? "client.leftLive" : "client.serverEndedLive", messages, reads).build());
            ResponseInfo r = head == null ? null : new ResponseInfo(head.status(), head.reason(), head.headers(), body.toByteArray());
            finish(new ExchangeEnded(id, t.clock().now(), Outcome.COMPLETED, r, why));
        }

        void fail(Stage stage, Phrase why) {
            if (ended) return;
            ended = true;
            t.publish(event(stage, Phase.ERROR).detail(why).build());
            finish(new ExchangeEnded(id, t.clock().now(), Outcome.FAILED, null, why));
            if (ch != null) ch.close();
        }

        private void finish(ExchangeEnded e) {
            t.gates().letGo(id);
            if (link != null) {
                link.clientClosed();
                t.directory().remove(link);
            }
            t.publish(e);
            result.complete(e);
        }
    }

    private final class EventStream extends Base {
        private final Consumer<String> onData;
        private final StringBuilder text = new StringBuilder();

        EventStream(RequestInfo info, boolean overTls, Consumer<String> onData) {
            super(info, overTls);
            this.onData = onData;
        }

        @Override
        void pipeline(Channel c) {
            c.pipeline().addLast("codec", new HttpClientCodec()).addLast("events", new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    try {
                        if (msg instanceof HttpResponse r) head(r);
                        if (msg instanceof HttpContent content) chunk(content);
                        if (msg instanceof LastHttpContent) ch.close();
                    } finally {
                        io.netty.util.ReferenceCountUtil.release(msg);
                    }
                }

                @Override
                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    fail(Stage.INTERPRET, Phrase.of("client.connectionFailed", String.valueOf(cause.getMessage())));
                }
            });
        }

        @Override
        ChannelFuture writeRequest() {
            io.netty.handler.codec.http.DefaultFullHttpRequest req = new io.netty.handler.codec.http.DefaultFullHttpRequest(
                    io.netty.handler.codec.http.HttpVersion.HTTP_1_1, io.netty.handler.codec.http.HttpMethod.GET, info.target());
            for (Header h : info.headers()) req.headers().add(h.name(), h.value());
            return ch.writeAndFlush(req);
        }

        @Override
        void read(ByteBuf buf, int from, boolean plain) {
            readBytes(buf, plain);
        }

        /** The decoded stream: events end with a blank line; {@code id:} and {@code data:} lines say what each is. */
        private void chunk(HttpContent content) {
            byte[] b = ByteBufUtil.getBytes(content.content());
            keep(b);
            text.append(new String(b, StandardCharsets.UTF_8));
            int end;
            while ((end = text.indexOf("\n\n")) >= 0) {
                String event = text.substring(0, end);
                text.delete(0, end + 2);
                String eventId = null;
                StringBuilder data = new StringBuilder();
                for (String line : event.split("\n")) {
                    if (line.startsWith("id:")) eventId = line.substring(3).strip();
                    else if (line.startsWith("data:")) data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).strip());
                }
                message(MessageReadout.sse(eventId, data.toString().getBytes(StandardCharsets.UTF_8).length), null, null);
                onData.accept(data.toString());
            }
        }

        @Override
        public void send(String text) {
            throw new UnsupportedOperationException("an event stream goes one way: the client cannot send on it");
        }

        @Override
        public void close() {
            ch.eventLoop().execute(() -> {
                leaving = true;
                ch.close();
            });
        }
    }

    private final class WebSocket extends Base {
        private final WebSocketClientHandshaker handshaker;
        private final Consumer<String> onText;
        private final WebSocketFrames in = new WebSocketFrames(false, MAX_KEPT_BODY);
        private final WebSocketFrames out = new WebSocketFrames(true, MAX_KEPT_BODY);
        private boolean open;

        WebSocket(RequestInfo info, boolean overTls, URI uri, Consumer<String> onText) {
            super(info, overTls);
            this.onText = onText;
            this.handshaker = WebSocketClientHandshakerFactory.newHandshaker(uri, WebSocketVersion.V13, null, false,
                    new DefaultHttpHeaders().set("User-Agent", "roundtrip"), 1 << 20);
        }

        @Override
        void pipeline(Channel c) {
            c.pipeline().addLast("codec", new HttpClientCodec()).addLast("aggregator", new HttpObjectAggregator(8192))
                    .addLast("ws", new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            try {
                                if (!open && msg instanceof FullHttpResponse r) {
                                    head(r);
                                    handshaker.finishHandshake(ch, r);
                                    open = true;
                                } else if (msg instanceof TextWebSocketFrame f) {
                                    onText.accept(f.text());
                                } else if (msg instanceof CloseWebSocketFrame) {
                                    ch.close();
                                }
                            } catch (RuntimeException e) {
                                fail(Stage.INTERPRET, Phrase.of("client.upgradeFailed", String.valueOf(e.getMessage())));
                            } finally {
                                io.netty.util.ReferenceCountUtil.release(msg);
                            }
                        }

                        @Override
                        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                            fail(Stage.INTERPRET, Phrase.of("client.connectionFailed", String.valueOf(cause.getMessage())));
                        }
                    });
        }

        @Override
        ChannelFuture writeRequest() {
            return handshaker.handshake(ch);
        }

        @Override
        void read(ByteBuf buf, int from, boolean plain) {
            if (from >= buf.writerIndex()) {
                readBytes(buf, plain); // the 101 head
                return;
            }
            if (from > buf.readerIndex()) readBytes(buf.slice(buf.readerIndex(), from - buf.readerIndex()), plain);
            for (WebSocketFrames.Frame f : in.feed(buf.slice(from, buf.writerIndex() - from))) {
                keep(WebSocketFrames.payload(f));
                if (plain) message(f.readout(), null, f.bytes());
                else message(f.readout(), f.bytes(), null);
            }
        }

        @Override
        void written(ByteBuf piece) {
            for (WebSocketFrames.Frame f : out.feed(piece)) message(f.readout(), f.bytes(), null);
        }

        @Override
        List<WebSocketFrames.Frame> framesIn(ByteBuf plain) {
            return out.feed(plain);
        }

        @Override
        public void send(String text) {
            ch.eventLoop().execute(() -> {
                if (open && !ended) ch.writeAndFlush(new TextWebSocketFrame(text));
            });
        }

        @Override
        public void close() {
            ch.eventLoop().execute(() -> {
                leaving = true;
                if (open && ch.isActive()) {
                    WebSocketFrame bye = new CloseWebSocketFrame(1000, "the client is done");
                    ch.writeAndFlush(bye); // the server answers with its close frame and closes the connection
                } else {
                    ch.close();
                }
            });
        }
    }
}
