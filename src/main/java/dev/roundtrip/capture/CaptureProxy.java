package dev.roundtrip.capture;

import dev.roundtrip.gate.Gates;
import dev.roundtrip.probe.KernelBudget;
import dev.roundtrip.probe.KernelProbe;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.trace.TraceClock;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import dev.roundtrip.wire.Transport;
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
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Roundtrip between a foreign client and a foreign server: an HTTP/1.1 proxy (reverse, in front of one
 * server; or forward, for clients that set it as their proxy) whose two hops are traced with the engine's
 * own instrumentation ({@link WireTap}, {@link Probes}) into one recording. Bodies stream through: each
 * side is read only when the other has taken the last write, so memory stays bounded by one socket read
 * per direction and connection, whatever the body's size.
 *
 * <pre>
 *  foreign client ⇄ [WireTap ⇄ HttpServerCodec ⇄ ClientLeg] ⇄ [UpstreamLeg ⇄ HttpClientCodec ⇄ WireTap] ⇄ foreign server
 *                    PARSE .. RESPOND (actor SERVER)            SEND .. INTERPRET (actor CLIENT)     PROCESS (FOREIGN_SERVER)
 * </pre>
 */
public final class CaptureProxy implements AutoCloseable {
    /** As the lab's: a browser left behind the proxy all day keeps about this many exchanges, the oldest finished ones go. */
    public static final int RETAINED_EXCHANGES = 10_000;
    private final CaptureOptions options;
    private final TraceBus bus;
    private final Recording recording;
    private final TraceBus.Subscription subscription;
    private final Tracing tracing;
    private final EventLoopGroup boss;
    private final EventLoopGroup loops;
    private final ChannelGroup channels = new DefaultChannelGroup("roundtrip-capture", GlobalEventExecutor.INSTANCE);
    private final Channel listener;
    private final boolean ownsBus;
    private volatile boolean stopping;

    CaptureProxy(CaptureOptions options, boolean warm) throws IOException {
        this(options, null, null, warm);
    }

    /**
     * @param shared the engine's tracing to record into (its bus, ids, probes), or null for a capture of
     *               its own; with it, {@code into} is the recording that bus feeds
     */
    private CaptureProxy(CaptureOptions options, Tracing shared, Recording into, boolean warm) throws IOException {
        if (warm) CaptureWarmup.ensure();
        this.options = options;
        ownsBus = shared == null;
        if (shared != null) {
            bus = shared.bus();
            recording = into;
            subscription = null;
            tracing = shared;
        } else {
            TraceClock clock = new TraceClock();
            bus = new TraceBus(clock);
            recording = new Recording(clock.startedAt());
            recording.setRetainedExchanges(RETAINED_EXCHANGES);
            subscription = bus.subscribe(recording);
            Probes probes = new Probes(new KernelProbe(), Math.max(options.maxKeptBytes(), 1), KernelBudget.sampled());
            tracing = new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), probes);
        }
        Probes probes = tracing.probes();
        Transport transport = probes.transport();
        boss = transport.group(1, new DefaultThreadFactory("roundtrip-capture-accept", true));
        loops = transport.group(2, new DefaultThreadFactory("roundtrip-capture", true));
        ServerBootstrap b = new ServerBootstrap().group(boss, loops).channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        ClientLeg leg = new ClientLeg(CaptureProxy.this);
                        ch.pipeline().addLast("tap", new WireTap(leg, tracing().probes().memory()))
                                .addLast("codec", new HttpServerCodec(8192, 16 * 1024, 64 * 1024))
                                .addLast("leg", leg);
                    }
                });
        InetSocketAddress bind = new InetSocketAddress(options.listen(), options.port());
        try {
            listener = b.bind(bind).sync().channel();
        } catch (Exception e) {
            close();
            // Netty's native transport names its system call first ("bind(..) failed with error(-98): "): the OS's words are what counts
            String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceFirst("^\\w+\\(\\.\\.\\) failed with error\\(-?\\d+\\): ", "");
            throw new dev.roundtrip.trace.SaidIOException(Phrase.of("capture.listen.failed", bind.getPort(), bind.getAddress().getHostAddress(), cause), e);
        }
    }

    /**
     * Listens, after this JVM's first proxy has warmed the capture code ({@link CaptureWarmup}); the caller
     * has checked (and warned about) non-loopback addresses through {@link CaptureOptions}.
     */
    public static CaptureProxy start(CaptureOptions options) throws IOException {
        return new CaptureProxy(options, true);
    }

    /**
     * A capture that records into an engine's recording through its tracing (ids, clock, probes), so its
     * exchanges sit beside the engine's own: a lesson compares a server of the student's with the demo
     * server. Closing it leaves the engine's bus open.
     */
    public static CaptureProxy startInto(CaptureOptions options, Tracing engine, Recording recording) throws IOException {
        return new CaptureProxy(options, engine, recording, true);
    }

    public CaptureOptions options() {
        return options;
    }

    /** The live recording of every captured exchange; its {@code dropped} count is brought up to date on each call. */
    public Recording recording() {
        if (subscription != null) {
            long d = subscription.dropped();
            if (d != recording.dropped()) recording.setDropped(d);
        }
        return recording;
    }

    public TraceBus bus() {
        return bus;
    }

    Tracing tracing() {
        return tracing;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    void opened(Channel ch) {
        channels.add(ch);
    }

    /** True once {@link #close()} began: connections then end because the capture stops, not by their peers. */
    boolean stopping() {
        return stopping;
    }

    @Override
    public void close() {
        stopping = true;
        if (listener != null) listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        boss.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
        loops.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
        if (!ownsBus) return;
        try {
            bus.awaitDelivered(java.time.Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bus.close();
    }
}
