package dev.roundtrip.server;

import dev.roundtrip.trace.TraceClock;
import dev.roundtrip.wire.Probes;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A byte relay of ours between the JDBC client and H2's TCP server, both on loopback: it is where the
 * database traffic is seen, the way the capture proxy sees HTTP. It forwards bytes unchanged, reads a
 * side only when the other has taken the last write (memory stays one socket read per direction), and
 * records each one on the connection's {@link RelayedLink}.
 *
 * <pre>
 *  worker: JDBC ⇄ socket ⇄ [relay: RelayedLink] ⇄ socket ⇄ H2 TCP server ⇄ the in-memory database
 * </pre>
 * Only the connections the pool asks for ({@link #expect()}) are relayed; another program that connects
 * to the relay's port is closed at once.
 */
final class DatabaseRelay implements AutoCloseable {
    private final Probes probes;
    private final TraceClock clock;
    private final InetSocketAddress database;
    private final EventLoopGroup loops;
    private final ChannelGroup channels = new DefaultChannelGroup("roundtrip-db-relay", GlobalEventExecutor.INSTANCE);
    private final Channel listener;
    private final ArrayDeque<CompletableFuture<RelayedLink>> expected = new ArrayDeque<>();

    DatabaseRelay(Probes probes, TraceClock clock, InetSocketAddress database) throws IOException {
        this.probes = probes;
        this.clock = clock;
        this.database = database;
        loops = probes.transport().group(1, new DefaultThreadFactory("roundtrip-db-relay", true));
        ServerBootstrap b = new ServerBootstrap().group(loops).channel(probes.transport().serverChannel())
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        accepted(ch);
                    }
                });
        try {
            listener = b.bind(new InetSocketAddress(database.getAddress(), 0)).sync().channel();
        } catch (Exception e) {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw CannotListen.relay(database.getAddress().getHostAddress(), e);
        }
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** The next connection to the relay, relayed once H2 has accepted it too; it fails if H2 cannot be reached. */
    CompletableFuture<RelayedLink> expect() {
        CompletableFuture<RelayedLink> f = new CompletableFuture<>();
        synchronized (expected) {
            expected.add(f);
        }
        return f;
    }

    /** Gives up on a connection asked for that never came. */
    void forget(CompletableFuture<RelayedLink> f) {
        synchronized (expected) {
            expected.remove(f);
        }
    }

    private void accepted(Channel client) {
        CompletableFuture<RelayedLink> f;
        synchronized (expected) {
            f = expected.poll();
        }
        if (f == null) { // not the pool's: nothing of ours reaches the database through it
            client.close();
            return;
        }
        channels.add(client);
        RelayedLink link = new RelayedLink(probes, clock, client);
        new Bootstrap().group(client.eventLoop()).channel(probes.transport().socketChannel())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(new Forward(link, client, true))
                .connect(database).addListener((ChannelFutureListener) c -> {
                    if (!c.isSuccess()) {
                        client.close();
                        f.completeExceptionally(new IOException("H2's TCP server at " + database.getAddress().getHostAddress() + ":"
                                + database.getPort() + " does not answer (" + describe(c.cause()) + ")", c.cause()));
                        return;
                    }
                    Channel db = c.channel();
                    channels.add(db);
                    client.pipeline().addLast(new Forward(link, db, false));
                    client.closeFuture().addListener(x -> db.close());
                    db.closeFuture().addListener(x -> client.close());
                    client.read();
                    db.read();
                    f.complete(link);
                });
    }

    static String describe(Throwable t) {
        String m = t == null ? null : t.getMessage();
        return m == null ? (t == null ? "no reason given" : t.getClass().getSimpleName()) : m;
    }

    /** Bytes read on one side, recorded, then written to the other; the next read once the write is done. */
    private static final class Forward extends ChannelInboundHandlerAdapter {
        private final RelayedLink link;
        private final Channel to;
        /** True on the database side: what it reads goes back to the JDBC client. */
        private final boolean fromDatabase;

        Forward(RelayedLink link, Channel to, boolean fromDatabase) {
            this.link = link;
            this.to = to;
            this.fromDatabase = fromDatabase;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof ByteBuf buf)) {
                io.netty.util.ReferenceCountUtil.release(msg);
                return;
            }
            link.crossed(!fromDatabase, buf);
            to.writeAndFlush(buf).addListener((ChannelFutureListener) w -> {
                if (w.isSuccess()) ctx.channel().read();
                else ctx.close();
            });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @Override
    public void close() {
        synchronized (expected) {
            for (CompletableFuture<RelayedLink> f : expected) f.completeExceptionally(new IOException("the database relay is closed"));
            expected.clear();
        }
        listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
