package dev.roundtrip.wire;

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

    /** Event loops of this transport (Netty 4.2: one group class, the transport is its I/O handler). */
    public EventLoopGroup group(int threads, ThreadFactory factory) {
        return new MultiThreadIoEventLoopGroup(threads, factory, ioHandler());
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
