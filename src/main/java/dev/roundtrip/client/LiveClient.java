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
 */
public final class LiveClient implements AutoCloseable {
    static final int MAX_KEPT_BODY = 64 * 1024;

    private final Tracing t;
    private final InetSocketAddress server;
    private final EventLoopGroup group;
    private final ChannelGroup channels = new DefaultChannelGroup("roundtrip-live-client", GlobalEventExecutor.INSTANCE);

    public LiveClient(Tracing t, InetSocketAddress server) {
        this.t = t;
        this.server = server;
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
        String host = host();
        List<Header> headers = new ArrayList<>(List.of(new Header("Host", host), new Header("Accept", "text/event-stream"),
                new Header("User-Agent", "roundtrip")));
        if (lastEventId >= 0) headers.add(new Header("Last-Event-ID", Long.toString(lastEventId)));
        EventStream s = new EventStream(new RequestInfo("GET", "/events", headers, null, null), onData);
        s.open();
        return s;
    }

    /** {@code GET /ws} with the upgrade (Netty's handshaker), then a WebSocket; {@code onText}: each text frame from the server. */
    public Stream webSocket(Consumer<String> onText) {
        String host = host();
        List<Header> headers = List.of(new Header("Host", host), new Header("Upgrade", "websocket"), new Header("Connection", "upgrade"),
                new Header("Sec-WebSocket-Version", "13"));
        WebSocket s = new WebSocket(new RequestInfo("GET", "/ws", headers, null, null), URI.create("ws://" + host + "/ws"), onText);
        s.open();
        return s;
    }

    private String host() {
        return server.getAddress().getHostAddress() + ":" + server.getPort();
    }

    @Override
    public void close() {
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    /** What both kinds share: the connection, its stages, and the end. */
    private abstract class Base implements Stream, WireTap.Observer, ConnectionDirectory.ClientSide {
        final long id = t.ids().nextExchangeId();
        final long connectionId = t.ids().nextConnectionId();
        final RequestInfo info;
        final CompletableFuture<ExchangeEnded> result = new CompletableFuture<>();
        Channel ch;
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

        Base(RequestInfo info) {
            this.info = info;
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
                    fail(Stage.CONNECT, "cannot open a socket: " + r.cause().getMessage());
                    return;
                }
                ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).addListener(bound -> {
                    if (!bound.isSuccess()) {
                        fail(Stage.CONNECT, "cannot bind a local port: " + bound.cause().getMessage());
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
            String to = host();
            ChannelFuture c = ch.connect(server);
            t.publish(StageEvent.at(id, connectionId, Stage.CONNECT, Phase.BEGIN, Actor.CLIENT, began)
                    .said("client.connects", to).build());
            c.addListener(done -> {
                if (!done.isSuccess()) {
                    fail(Stage.CONNECT, "cannot connect to " + to + ": " + done.cause().getMessage());
                    return;
                }
                t.publish(event(Stage.CONNECT, Phase.END).said("client.connectedLive", connectionId)
                        .tcp(t.probes().tcp(ch)).kernel(t.probes().kernel(ch)).build());
                t.pass(id, Stage.SEND, ch.eventLoop(), this::kernel, () -> {
                    if (ended) return;
                    sendBegun = true;
                    t.publish(event(Stage.SEND, Phase.BEGIN).said("client.writesLive", info.summary()).build());
                    writeRequest().addListener(w -> {
                        if (!w.isSuccess()) {
                            fail(Stage.SEND, "the request could not be written: " + w.cause().getMessage());
                            return;
                        }
                        sendEnded = true;
                        t.publish(event(Stage.SEND, Phase.END).said("client.sentLive").build());
                    });
                });
            });
        }

        dev.roundtrip.trace.KernelReadout kernel() {
            return t.probes().kernel(ch);
        }

        StageEvent.Builder event(Stage stage, Phase phase) {
            return StageEvent.of(id, connectionId, stage, phase, Actor.CLIENT, t.clock());
        }

        @Override
        public void responseSent(long exchangeId) {
            // the server has begun its answer: let INTERPRET through its gate, then read for as long as the stream lasts
            ch.eventLoop().execute(() -> t.pass(id, Stage.INTERPRET, ch.eventLoop(), this::kernel, () -> {
                if (!ended && ch.isActive()) ch.config().setAutoRead(true);
            }));
        }

        @Override
        public void onWritten(ChannelHandlerContext ctx, ByteBuf piece, BufferReadout buffer) {
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

        @Override
        public void onWriteFailed(ChannelHandlerContext ctx, Throwable cause, int unsent) {
            fail(interpretBegun ? Stage.INTERPRET : Stage.SEND, "write failed: " + cause.getMessage());
        }

        @Override
        public void onRead(ChannelHandlerContext ctx, ByteBuf buf) {
            if (ended) return;
            if (!interpretBegun) {
                interpretBegun = true;
                t.publish(event(Stage.INTERPRET, Phase.BEGIN).said("client.interpretBegins").build());
            }
            reads++;
            int at = buf.readerIndex();
            while (headMatched < 4 && at < buf.writerIndex()) {
                byte b = buf.getByte(at++);
                headMatched = b == (headMatched % 2 == 0 ? '\r' : '\n') ? headMatched + 1 : b == '\r' ? 1 : 0;
            }
            read(buf, at);
        }

        /** One socket read; the stream's bytes begin at {@code from} (after the response head). */
        abstract void read(ByteBuf buf, int from);

        void socketRead(ByteBuf buf) {
            t.publish(event(Stage.INTERPRET, Phase.PROGRESS).said("client.socketRead", reads, buf.readableBytes())
                    .bytes(t.probes().bytes(buf)).buffer(Probes.buffer(buf)).kernel(t.probes().kernelSampled(ch)).build());
        }

        void message(MessageReadout m, dev.roundtrip.trace.BytesReadout bytes) {
            if (!m.fromClient()) messages++;
            t.publish(event(Stage.INTERPRET, Phase.PROGRESS).said(m.fromClient() ? "client.messageWritten" : "client.messageRead", m.describe())
                    .message(m).bytes(bytes).build());
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
                fail(sendEnded ? Stage.INTERPRET : Stage.SEND, "the connection closed before the response");
                return;
            }
            String why = leaving ? "the client left" : "the server ended the stream";
            ended = true;
            t.publish(event(Stage.INTERPRET, Phase.END).said(leaving ? "client.leftLive" : "client.serverEndedLive", messages, reads).build());
            ResponseInfo r = head == null ? null : new ResponseInfo(head.status(), head.reason(), head.headers(), body.toByteArray());
            finish(new ExchangeEnded(id, t.clock().now(), Outcome.COMPLETED, r, why));
        }

        void fail(Stage stage, String why) {
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

        EventStream(RequestInfo info, Consumer<String> onData) {
            super(info);
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
                    fail(Stage.INTERPRET, "the connection failed: " + cause.getMessage());
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
        void read(ByteBuf buf, int from) {
            socketRead(buf);
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
                message(MessageReadout.sse(eventId, data.toString().getBytes(StandardCharsets.UTF_8).length), null);
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

        WebSocket(RequestInfo info, URI uri, Consumer<String> onText) {
            super(info);
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
                                fail(Stage.INTERPRET, "the upgrade failed: " + e.getMessage());
                            } finally {
                                io.netty.util.ReferenceCountUtil.release(msg);
                            }
                        }

                        @Override
                        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                            fail(Stage.INTERPRET, "the connection failed: " + cause.getMessage());
                        }
                    });
        }

        @Override
        ChannelFuture writeRequest() {
            return handshaker.handshake(ch);
        }

        @Override
        void read(ByteBuf buf, int from) {
            if (from >= buf.writerIndex()) {
                socketRead(buf); // the 101 head
                return;
            }
            if (from > buf.readerIndex()) socketRead(buf.slice(buf.readerIndex(), from - buf.readerIndex()));
            for (WebSocketFrames.Frame f : in.feed(buf.slice(from, buf.writerIndex() - from))) {
                keep(WebSocketFrames.payload(f));
                message(f.readout(), f.bytes());
            }
        }

        @Override
        void written(ByteBuf piece) {
            for (WebSocketFrames.Frame f : out.feed(piece)) message(f.readout(), f.bytes());
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
