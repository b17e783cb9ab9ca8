package dev.roundtrip.server;

import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.wire.Tracing;
import dev.roundtrip.wire.WireTap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded HTTP/1.1 and HTTP/2 server (Netty epoll on Linux, NIO elsewhere; keep-alive), traced at parse, process and respond.
 * HTTP/2 ({@link H2Pipeline}): h2c with prior knowledge on the cleartext port ({@link Http2Switch}), h2 by ALPN on the TLS port.
 *
 * <pre>
 *  socket ⇄ ConnectionLimit ⇄ WireTap ⇄ RequestFraming.Tap ⇄ HttpServerCodec ⇄ HttpObjectAggregator ⇄ RequestHandler ─▶ workers: DemoApp ─▶ H2
 * </pre>
 * H2 runs as its own TCP server on loopback, reached through a pool and a traced relay ({@link SocketDatabase}),
 * or embedded ({@link DatabaseMode}).
 */
public final class RoundtripServer implements AutoCloseable {
    public static final int MAX_BODY_BYTES = 1 << 20;

    private final EventLoopGroup boss;
    private final EventLoopGroup loops;
    static final int WORKERS = 4;
    private final EventExecutorGroup workers = new DefaultEventExecutorGroup(WORKERS, new DefaultThreadFactory("roundtrip-app", true));
    /** Accepted connections still open (a closed one leaves by itself): {@link #close()} closes them. */
    private final ChannelGroup connections = new DefaultChannelGroup("roundtrip-server", GlobalEventExecutor.INSTANCE);
    private final Map<Long, ServerConnection> byExchange = new ConcurrentHashMap<>();
    /** Open HTTP/2 connections: a probe finds a stream's exchange on its parent channel. */
    private final java.util.Set<H2Connection> h2Connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger outsideOpen = new AtomicInteger();
    private final AtomicInteger turnedAway = new AtomicInteger();
    private final UserStore users;
    /** The real-time routes' updates ({@code /poll}, {@code /events}, {@code /ws}); the lab plugs their source in. */
    private final LiveUpdates updates;
    private final LiveRoutes live;
    private final Channel listener;
    private final Channel tlsListener;
    /** Runs after each accepted connection's pipeline is built (tests: a handler that measures the untraced server). */
    private final java.util.function.Consumer<SocketChannel> pipelineAdded;

    /**
     * The TLS port: where it listens and with which settings ({@code wire.TlsContexts.server}).
     *
     * @param port the port, 0 for any free one
     */
    public record TlsPort(io.netty.handler.ssl.SslContext context, int port) {
        /** TLS 1.3 and 1.2 with this key and certificate ({@code wire.TlsContexts.server}). */
        public static TlsPort of(java.security.PrivateKey key, java.security.cert.X509Certificate certificate, int port)
                throws javax.net.ssl.SSLException {
            return new TlsPort(dev.roundtrip.wire.TlsContexts.server(key, certificate), port);
        }
    }

    private RoundtripServer(Tracing t, ServerSettings settings, InetSocketAddress bind, TlsPort tls, DatabaseMode database,
                            java.util.function.Function<UserStore, Routes> routes) throws IOException {
        this(t, settings, bind, tls, database, routes, ch -> {});
    }

    private RoundtripServer(Tracing t, ServerSettings settings, InetSocketAddress bind, TlsPort tls, DatabaseMode database,
                            java.util.function.Function<UserStore, Routes> routes,
                            java.util.function.Consumer<SocketChannel> pipelineAdded) throws IOException {
        this.pipelineAdded = pipelineAdded;
        updates = new LiveUpdates(t.clock());
        live = new LiveRoutes(updates);
        // one database connection per worker at most: a worker runs one handler at a time
        users = database == DatabaseMode.SOCKET ? new UserStore(new SocketDatabase(t.probes(), t.clock(), WORKERS)) : new UserStore();
        Routes app = routes.apply(users);
        boss = t.probes().transport().group(1, new DefaultThreadFactory("roundtrip-accept", true));
        loops = t.probes().transport().group(1, new DefaultThreadFactory("roundtrip-server", true));
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, loops)
                .channel(t.probes().transport().serverChannel())
                // bind again at once after a restart, even while old connections sit in TIME_WAIT
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(new AcceptStamp(t.clock()))
                .childOption(ChannelOption.AUTO_READ, false)
                // a client that shuts down its side (FIN) after a request still gets the answer
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, settings.tcpNoDelay())
                .childHandler(connections(t, settings, app, null));
        Channel plain = null;
        Channel secure = null;
        InetSocketAddress at = bind;
        try {
            plain = b.bind(bind).sync().channel();
            if (tls != null) {
                at = new InetSocketAddress(bind.getAddress(), tls.port());
                secure = b.clone().childHandler(connections(t, settings, app, tls.context())).bind(at).sync().channel();
            }
        } catch (Exception e) {
            listener = plain;
            tlsListener = null;
            close();
            throw CannotListen.at(at, e);
        }
        listener = plain;
        tlsListener = secure;
    }

    /**
     * Each accepted connection's pipeline; with TLS ({@code tls} not null) the TLS handler sits between
     * the wire tap (ciphertext) and the plaintext tap:
     * <pre>
     *  socket ⇄ ConnectionLimit ⇄ WireTap ⇄ ReadValve ⇄ SslHandler ⇄ PlainTap ⇄ HttpServerCodec ⇄ ...
     * </pre>
     */
    private ChannelInitializer<SocketChannel> connections(Tracing t, ServerSettings settings, Routes app,
                                                          io.netty.handler.ssl.SslContext tls) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                accepted.incrementAndGet();
                connections.add(ch);
                ch.pipeline().addLast("limit", new ConnectionLimit(t.directory(), settings, outsideOpen, turnedAway));
                io.netty.handler.ssl.SslHandler ssl = tls == null ? null : tls.newHandler(ch.alloc());
                if (!settings.traced()) {
                    if (ssl != null) ch.pipeline().addLast("tls", ssl);
                    UntracedHandler.install(ch, app, settings, workers);
                    pipelineAdded.accept(ch);
                    return;
                }
                ServerConnection conn = new ServerConnection(t, RoundtripServer.this, ch, settings, ssl);
                ch.pipeline().addLast("tap", new WireTap(conn, t.probes().memory()));
                if (ssl != null) {
                    ch.pipeline().addLast("valve", conn.valve()).addLast("tls", ssl).addLast("plain", new dev.roundtrip.wire.PlainTap(conn));
                }
                RequestFraming framing = new RequestFraming();
                ch.pipeline().addLast("framing", new RequestFraming.Tap(framing))
                        .addLast("codec", new HttpServerCodec())
                        .addLast("aggregator", new RequestAggregator(MAX_BODY_BYTES))
                        .addLast("handler", new RequestHandler(t, conn, framing, app, settings, workers, live));
                if (ssl == null) ch.pipeline().addAfter("limit", "h2-switch", new Http2Switch(t.directory(), t.clock(), ready -> http2(t, ch, ready, app, settings)));
                else conn.onHttp2((id, opening, facts) -> http2OverTls(t, ch, id, opening, facts, app, settings));
                pipelineAdded.accept(ch);
            }
        };
    }

    /** The HTTP/2 handlers, in place of the HTTP/1.1 ones ({@link Http2Switch}, ALPN h2 on the TLS port). */
    private H2Connection http2(Tracing t, SocketChannel ch, long readyNanos, Routes app, ServerSettings settings) {
        H2Connection h2 = opened(ch, new H2Connection(t, ch, false));
        h2.active(readyNanos); // the connect facts before the server's SETTINGS
        H2Pipeline.install(ch, t, h2, app, settings, workers, live, true);
        return h2;
    }

    /**
     * ALPN agreed on h2: the HTTP/1.1 handlers leave, the taps now tell the HTTP/2 connection, and the socket is read at once.
     * <pre>
     *  socket ⇄ ConnectionLimit ⇄ WireTap ⇄ SslHandler ⇄ PlainTap ⇄ Http2FrameCodec ⇄ Http2MultiplexHandler ─▶ streams
     * </pre>
     */
    private H2Connection http2OverTls(Tracing t, SocketChannel ch, long connectionId, long openingExchangeId,
                              java.util.List<dev.roundtrip.trace.StageEvent> facts, Routes app, ServerSettings settings) {
        H2Connection h2 = opened(ch, new H2Connection(t, ch, true));
        for (String name : java.util.List.of("idle", "valve", "framing", "codec", "aggregator", "handler")) {
            if (ch.pipeline().get(name) != null) ch.pipeline().remove(name);
        }
        // what TLS wrote and has not flushed (TLS 1.3's NewSessionTicket) leaves through the old tap: a tap that is
        // taken out fails its unflushed writes, and TLS closes the connection on a failed write
        ch.flush();
        ch.pipeline().replace("tap", "tap", new WireTap(h2, t.probes().memory()));
        ch.pipeline().replace("plain", "plain", new dev.roundtrip.wire.PlainTap(h2));
        h2.adopt(connectionId, openingExchangeId, facts); // before the codec's SETTINGS are written
        H2Pipeline.install(ch, t, h2, app, settings, workers, live, false);
        return h2;
    }

    /**
     * A server on a loopback address ({@code 127.0.0.1}, {@code ::1}): only this machine can reach it.
     * Any other address is refused; {@link #startExposed} is the one way to serve other machines.
     */
    public static RoundtripServer start(Tracing t, ServerSettings settings, InetAddress address, int port) throws IOException {
        return start(t, settings, address, port, null);
    }

    /** The same, also listening with TLS on {@code tls.port()} when {@code tls} is not null. */
    public static RoundtripServer start(Tracing t, ServerSettings settings, InetAddress address, int port, TlsPort tls) throws IOException {
        return start(t, settings, address, port, tls, DatabaseMode.fromProperty());
    }

    /** The same, with the demo database embedded or over its own socket. */
    public static RoundtripServer start(Tracing t, ServerSettings settings, InetAddress address, int port, TlsPort tls,
                                        DatabaseMode database) throws IOException {
        requireLoopback(address);
        return new RoundtripServer(t, settings, new InetSocketAddress(address, port), tls, database, DemoApp::new);
    }

    /**
     * A server on any address, reachable from other machines when that address is not loopback.
     * Only {@code serve --bind ADDRESS} calls this, after warning the user.
     */
    public static RoundtripServer startExposed(Tracing t, ServerSettings settings, InetAddress address, int port) throws IOException {
        return startExposed(t, settings, address, port, null);
    }

    public static RoundtripServer startExposed(Tracing t, ServerSettings settings, InetAddress address, int port, TlsPort tls)
            throws IOException {
        return startExposed(t, settings, address, port, tls, DatabaseMode.fromProperty());
    }

    public static RoundtripServer startExposed(Tracing t, ServerSettings settings, InetAddress address, int port, TlsPort tls,
                                               DatabaseMode database) throws IOException {
        return new RoundtripServer(t, settings, new InetSocketAddress(address, port), tls, database, DemoApp::new);
    }

    /** With other routes than the demo application's (tests: routes that fail). */
    static RoundtripServer start(Tracing t, ServerSettings settings, int port, java.util.function.Function<UserStore, Routes> routes)
            throws IOException {
        return new RoundtripServer(t, settings, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null,
                DatabaseMode.fromProperty(), routes);
    }

    /** The demo application on loopback; {@code pipelineAdded} sees each connection's pipeline once it is built (tests). */
    static RoundtripServer startObserved(Tracing t, ServerSettings settings, int port, java.util.function.Consumer<SocketChannel> pipelineAdded)
            throws IOException {
        return new RoundtripServer(t, settings, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null,
                DatabaseMode.fromProperty(), DemoApp::new, pipelineAdded);
    }

    /** Refuses anything but a loopback address, saying how to serve other machines on purpose. */
    public static void requireLoopback(InetAddress address) {
        if (address == null || !address.isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing to listen on " + (address == null ? "no address" : address.getHostAddress())
                    + ": the demo server listens on loopback only (127.0.0.1 or ::1);"
                    + " to let other machines reach it, use `roundtrip serve --bind ADDRESS`");
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** The TLS port, if the server listens with TLS. */
    public java.util.OptionalInt tlsPort() {
        return tlsListener == null ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(((InetSocketAddress) tlsListener.localAddress()).getPort());
    }

    /** The demo database itself (tests: stop it). */
    Database db() {
        return users.database();
    }

    /** Where the demo database runs. */
    public DatabaseMode database() {
        return users.database() instanceof SocketDatabase ? DatabaseMode.SOCKET : DatabaseMode.EMBEDDED;
    }

    /** The demo database's TCP server port (H2's own; the JDBC client reaches it through the relay), if it has one. */
    public java.util.OptionalInt databasePort() {
        return users.database() instanceof SocketDatabase s ? java.util.OptionalInt.of(s.databasePort()) : java.util.OptionalInt.empty();
    }

    /** Database connections the pool holds open now (0 when embedded). */
    public int databaseConnections() {
        return users.database() instanceof SocketDatabase s ? s.openConnections() : 0;
    }

    /** The updates the real-time routes deliver: plug a source in ({@link LiveUpdates#plug}). */
    public LiveUpdates updates() {
        return updates;
    }

    /** Connections accepted since start. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Connections from outside clients open now (the ones {@link ServerSettings#maxConnections()} counts). */
    public int openOutsideConnections() {
        return outsideOpen.get();
    }

    /** Connections turned away with a 503 because {@link ServerSettings#maxConnections()} were open. */
    public int turnedAwayConnections() {
        return turnedAway.get();
    }

    /** A fresh kernel readout of the server socket that carries this exchange, if the server knows it. */
    public Optional<KernelReadout> kernelReadout(long exchangeId) {
        ServerConnection c = byExchange.get(exchangeId);
        if (c != null) return Optional.of(c.kernel());
        for (H2Connection h2 : h2Connections) {
            if (h2.carries(exchangeId)) return Optional.of(h2.kernelOf());
        }
        return Optional.empty();
    }

    private H2Connection opened(SocketChannel ch, H2Connection h2) {
        h2Connections.add(h2);
        ch.closeFuture().addListener(f -> h2Connections.remove(h2));
        return h2;
    }

    void track(long exchangeId, ServerConnection c) {
        byExchange.put(exchangeId, c);
    }

    void untrack(long exchangeId) {
        byExchange.remove(exchangeId);
    }

    void untrack(ServerConnection c) {
        byExchange.values().removeIf(v -> v == c);
    }

    /** How long {@link #close()} waits for handlers still running before it stops the event loops. */
    static final long DRAIN_MILLIS = 2_000;

    @Override
    public void close() {
        close(DRAIN_MILLIS);
    }

    /**
     * Stops listening, then the workers, then the connections and event loops: a handler still running
     * hands its answer to its connection's event loop, so those stop only after the workers (or after
     * {@code drainMillis}: an answer later than that is traced as never written).
     */
    void close(long drainMillis) {
        updates.close(); // streams say goodbye (SSE's last chunk, WebSocket's 1001) before their connections close
        if (listener != null) listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        if (tlsListener != null) tlsListener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, drainMillis, TimeUnit.MILLISECONDS).awaitUninterruptibly(drainMillis, TimeUnit.MILLISECONDS);
        // Netty 4.2's event loop closes its channels when it stops, but not always: a task that runs in the
        // same turn as the shutdown lets it end with a socket left open. Each close is queued after the answers.
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        boss.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
        loops.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
        users.close();
    }
}
