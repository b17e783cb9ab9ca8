package dev.roundtrip.wire;

import dev.roundtrip.probe.MemoryProbe;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.kqueue.KQueue;
import io.netty.channel.kqueue.KQueueIoHandler;
import io.netty.channel.kqueue.KQueueServerSocketChannel;
import io.netty.channel.kqueue.KQueueSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;

/**
 * Which Netty transport the server and client use. Linux gets epoll and macOS kqueue: their channels
 * expose the socket's file descriptor, so a kernel readout is a system call on that socket (not a walk
 * of {@code /proc/net/tcp6}, and on macOS the only way at all). Elsewhere (Windows), when the native
 * library does not load, or with {@code -Droundtrip.transport=nio}, NIO: its readouts come from
 * {@code /proc} on Linux and say why they are missing on other systems.
 */
public enum Transport {
    EPOLL, KQUEUE, NIO;

    /** System property that forces NIO ({@code nio}); anything else lets the native transport be used where it runs. */
    public static final String PROPERTY = "roundtrip.transport";

    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");

    /** The native transport where it runs, unless the system property asks for NIO. */
    public static Transport preferred() {
        String asked = System.getProperty(PROPERTY);
        if (nioAsked(asked)) return NIO;
        // each check loads its native library: kqueue's only on macOS, where epoll never runs
        return choose(asked, Epoll.isAvailable(), MAC && KQueue.isAvailable());
    }

    /** The choice itself: NIO when {@code asked} says {@code nio} or no native transport runs here. */
    static Transport choose(String asked, boolean epollAvailable, boolean kqueueAvailable) {
        if (nioAsked(asked)) return NIO;
        return epollAvailable ? EPOLL : kqueueAvailable ? KQUEUE : NIO;
    }

    private static boolean nioAsked(String asked) {
        return asked != null && asked.trim().toLowerCase(Locale.ROOT).equals("nio");
    }

    /**
     * Event loops of this transport (Netty 4.2: one group class, the transport is its I/O handler),
     * each thread warmed ({@link #warm}) before the group is returned.
     */
    public EventLoopGroup group(int threads, ThreadFactory factory) {
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, factory, ioHandler());
        for (io.netty.util.concurrent.EventExecutor loop : group) warm((io.netty.channel.EventLoop) loop);
        return group;
    }

    /**
     * A thread's first socket write and read fill its thread-local state (the allocator's cache, the
     * transport's I/O vectors, recycled outbound entries): about 15 KB of heap, which the first stage
     * on a fresh event loop showed as its own (a {@code GET /}'s send: 16.6 KB, 1.8 KB on the next).
     * So each new loop first serves one loopback connection of its own (127.0.0.1, an ephemeral port,
     * 256 bytes each way through a decoder, closed) and then counts as warm ({@link MemoryProbe#threadWarmed()}).
     * Best effort: a loop that could not be warmed stays unmarked, and its first readouts say cold.
     */
    private void warm(io.netty.channel.EventLoop loop) {
        Channel server = null;
        Channel client = null;
        try {
            server = new io.netty.bootstrap.ServerBootstrap().group(loop, loop).channel(serverChannel())
                    .childHandler(new io.netty.channel.ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new PassOn(), new io.netty.channel.ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
                                    ctx.writeAndFlush(msg); // back: the loop writes too
                                }
                            });
                        }
                    })
                    .bind(java.net.InetAddress.getLoopbackAddress(), 0).sync().channel();
            io.netty.util.concurrent.Promise<Void> echoed = loop.newPromise();
            client = new io.netty.bootstrap.Bootstrap().group(loop).channel(socketChannel())
                    .handler(new io.netty.channel.ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new PassOn());
                        }
                    })
                    .connect(server.localAddress()).sync().channel();
            client.pipeline().addLast(new io.netty.channel.ChannelInboundHandlerAdapter() {
                        private int read;

                        @Override
                        public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
                            read += ((io.netty.buffer.ByteBuf) msg).readableBytes();
                            io.netty.util.ReferenceCountUtil.release(msg);
                            if (read >= 256) echoed.trySuccess(null);
                        }
                    });
            client.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(new byte[256])).sync();
            if (echoed.await(5, java.util.concurrent.TimeUnit.SECONDS)) loop.submit(Transport::warmAllocator).sync();
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        } finally {
            if (client != null) client.close().awaitUninterruptibly(2, java.util.concurrent.TimeUnit.SECONDS);
            if (server != null) server.close().awaitUninterruptibly(2, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** A decoder that passes the bytes on: codecs keep a per-thread pool of output lists, filled by the first one. */
    private static final class PassOn extends io.netty.handler.codec.ByteToMessageDecoder {
        @Override
        protected void decode(io.netty.channel.ChannelHandlerContext ctx, io.netty.buffer.ByteBuf in, java.util.List<Object> out) {
            out.add(in.readRetainedSlice(in.readableBytes()));
        }
    }

    /** Each size class of the allocator once (its first buffer of a size makes the class's chunk), then the thread is warm. */
    private static void warmAllocator() {
        io.netty.buffer.ByteBufAllocator alloc = io.netty.buffer.ByteBufAllocator.DEFAULT;
        for (int size = 16; size <= 1 << 17; size += Math.max(16, size / 4)) {
            alloc.directBuffer(size).release();
            alloc.heapBuffer(size).release();
        }
        MemoryProbe.threadWarmed();
    }

    /** What an event loop of this transport waits on: epoll_wait, kevent, or a NIO selector. */
    public IoHandlerFactory ioHandler() {
        switch (this) {
            case EPOLL: return EpollIoHandler.newFactory();
            case KQUEUE: return KQueueIoHandler.newFactory();
            default: return NioIoHandler.newFactory();
        }
    }

    public Class<? extends ServerChannel> serverChannel() {
        switch (this) {
            case EPOLL: return EpollServerSocketChannel.class;
            case KQUEUE: return KQueueServerSocketChannel.class;
            default: return NioServerSocketChannel.class;
        }
    }

    public Class<? extends Channel> socketChannel() {
        switch (this) {
            case EPOLL: return EpollSocketChannel.class;
            case KQUEUE: return KQueueSocketChannel.class;
            default: return NioSocketChannel.class;
        }
    }

    /** The channel's file descriptor, or -1 when the transport hides it (NIO) or it is closed. */
    public static int fd(Channel ch) {
        // a closed descriptor's number may already belong to another socket
        if (ch instanceof EpollSocketChannel e) return e.fd().isOpen() ? e.fd().intValue() : -1;
        if (ch instanceof KQueueSocketChannel k) return k.fd().isOpen() ? k.fd().intValue() : -1;
        return -1;
    }
}
