package dev.roundtrip.client;

import dev.roundtrip.gate.GateListener;
import dev.roundtrip.gate.Hold;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.wire.Tracing;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * The embedded HTTP/1.1 client, traced at send and interpret. One exchange per connection at a
 * time; a keep-alive connection goes back to a small pool and is reused by the next request.
 * {@link #send} never blocks: all socket work happens on the client's event loop.
 */
public final class RoundtripClient implements AutoCloseable {
    private final Tracing t;
    private final InetSocketAddress server;
    private final InetSocketAddress tlsServer;
    private final io.netty.handler.ssl.SslContext tls;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Bootstrap template;
    private final ConcurrentLinkedDeque<ClientConnection> idle = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<ClientConnection> idleTls = new ConcurrentLinkedDeque<>();
    private final Map<Long, ClientExchange> active = new ConcurrentHashMap<>();
    private final Map<Long, ClientConnection> connectionOf = new ConcurrentHashMap<>();
    private final Map<ClientConnection, Boolean> open = new ConcurrentHashMap<>();
    /** Sockets not closed yet (a closed one leaves by itself): {@link #close()} closes them. */
    private final ChannelGroup channels = new DefaultChannelGroup("roundtrip-client", GlobalEventExecutor.INSTANCE);
    private final GateListener holds;
    private final H2Client h2;

    public RoundtripClient(Tracing t, InetSocketAddress server) {
        this(t, server, null, (io.netty.handler.ssl.SslContext) null);
    }

    /**
     * @param tlsServer where requests with {@link RequestSpec#tls()} go, or null (then they are refused)
     * @param tls the client's TLS settings for it ({@code wire.TlsContexts.client})
     */
    /** With https to {@code tlsServer}, trusting exactly {@code trusted} (null: no https). */
    public RoundtripClient(Tracing t, InetSocketAddress server, InetSocketAddress tlsServer, java.security.cert.X509Certificate trusted)
            throws javax.net.ssl.SSLException {
        this(t, server, tlsServer, trusted == null ? null : dev.roundtrip.wire.TlsContexts.client(trusted),
                trusted == null ? null : dev.roundtrip.wire.TlsContexts.clientH2(trusted));
    }

    /** With these TLS settings for HTTP/1.1 over TLS; h2 over TLS needs the other constructor (ALPN h2). */
    public RoundtripClient(Tracing t, InetSocketAddress server, InetSocketAddress tlsServer, io.netty.handler.ssl.SslContext tls) {
        this(t, server, tlsServer, tls, null);
    }

    private RoundtripClient(Tracing t, InetSocketAddress server, InetSocketAddress tlsServer, io.netty.handler.ssl.SslContext tls,
                            io.netty.handler.ssl.SslContext h2Tls) {
        this.t = t;
        this.server = server;
        this.tlsServer = tlsServer;
        this.tls = tls;
        this.group = t.probes().transport().group(1, new DefaultThreadFactory("roundtrip-client", true));
        this.loop = group.next();
        this.template = new Bootstrap().group(loop).channel(t.probes().transport().socketChannel())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true);
        this.h2 = new H2Client(t, this, template, h2Tls);
        this.holds = new GateListener() {
            @Override
            public void onHeld(Hold h) {
                ClientExchange x = active.get(h.exchangeId());
                if (x != null) loop.execute(x::held);
            }

            @Override
            public void onReleased(Hold h) {
                ClientExchange x = active.get(h.exchangeId());
                if (x != null) loop.execute(x::released);
            }
        };
        t.gates().addListener(holds);
    }

    public InetSocketAddress server() {
        return server;
    }

    /** Where https requests go, if this client has a TLS server. */
    public java.util.Optional<InetSocketAddress> tlsServer() {
        return java.util.Optional.ofNullable(tlsServer);
    }

    /** Starts an exchange and returns at once; its ExchangeStarted is published before this returns. */
    public ExchangeHandle send(RequestSpec spec) {
        if (spec.tls() && tlsServer == null) throw new IllegalArgumentException("this client has no TLS server to send " + spec + " to");
        InetSocketAddress to = spec.tls() ? tlsServer : server;
        long id = t.ids().nextExchangeId();
        ClientConnection reused = spec.isRaw() ? null : takeIdle(spec.tls()); // raw bytes get a connection of their own
        ClientConnection conn = reused != null ? reused : new ClientConnection(t, this, t.ids().nextConnectionId(), spec.tls() ? tls : null);
        String host = to.getAddress().getHostAddress() + ":" + to.getPort();
        ClientExchange x = new ClientExchange(id, spec, RequestEncoder.encode(spec, host), RequestEncoder.describe(spec, host), conn, this);
        active.put(id, x);
        connectionOf.put(id, conn);
        open.put(conn, Boolean.TRUE);
        t.publish(new ExchangeStarted(id, conn.connectionId, t.clock().now(), x.info));
        loop.execute(() -> {
            x.startTimer();
            if (reused != null) conn.send(x);
            else conn.open(template, to, x);
        });
        return x;
    }

    /**
     * Starts an exchange over HTTP/2 and returns at once: h2c with prior knowledge (http), or h2 by ALPN
     * ({@link RequestSpec#tls()}). Requests sent while a connection is open go on it, each a stream of its own.
     */
    public ExchangeHandle sendHttp2(RequestSpec spec) {
        if (spec.isRaw()) throw new IllegalArgumentException("raw bytes are HTTP/1.1: HTTP/2 sends frames");
        if (spec.tls() && (tlsServer == null || !h2.tls())) {
            throw new IllegalArgumentException("this client has no TLS server to send " + spec + " to over h2");
        }
        return h2.send(spec, spec.tls() ? tlsServer : server);
    }

    public void cancel(long exchangeId) {
        ClientExchange x = active.get(exchangeId);
        if (x != null) loop.execute(() -> x.conn.cancelled(x));
        else h2.cancel(exchangeId);
    }

    /** A fresh readout of the client socket that carries this exchange. */
    public Optional<KernelReadout> kernelReadout(long exchangeId) {
        ClientConnection c = connectionOf.get(exchangeId);
        return c == null ? h2.kernelReadout(exchangeId) : Optional.of(c.kernel());
    }

    public Optional<ExchangeHandle> handle(long exchangeId) {
        ClientExchange x = active.get(exchangeId);
        return x != null ? Optional.of(x) : h2.handle(exchangeId);
    }

    /** Connections open (in use or idle). */
    public int openConnections() {
        return open.size();
    }

    EventLoop loop() {
        return loop;
    }

    void opened(Channel ch) {
        channels.add(ch);
    }

    void idle(ClientConnection c) {
        (c.tls() ? idleTls : idle).addFirst(c);
    }

    void ended(ClientExchange x) {
        active.remove(x.id);
    }

    void forget(ClientConnection c) {
        (c.tls() ? idleTls : idle).remove(c);
        open.remove(c);
    }

    private ClientConnection takeIdle(boolean tls) {
        ClientConnection c;
        while ((c = (tls ? idleTls : idle).pollFirst()) != null) {
            if (c.reusable()) return c;
        }
        return null;
    }

    @Override
    public void close() {
        t.gates().removeListener(holds);
        for (ClientExchange x : active.values()) cancel(x.id);
        for (Long id : h2.activeIds()) cancel(id);
        // queued after the cancels; Netty 4.2's loop may stop without closing a socket whose task ran in its last turn
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
