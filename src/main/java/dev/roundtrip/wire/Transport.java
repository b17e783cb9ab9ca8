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
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;

/**
 * Which Netty transport the server and client use. Linux gets epoll: its channels expose their file
 * descriptor, so a kernel readout is an ioctl on that socket, not a walk of {@code /proc/net/tcp6}.
 * Elsewhere, or with {@code -Droundtrip.transport=nio}, NIO (whose readouts come from /proc).
 */
public enum Transport {
    EPOLL, NIO;

    /** System property that forces NIO ({@code nio}); anything else lets epoll be used where it runs. */
    public static final String PROPERTY = "roundtrip.transport";

    /** Epoll where it runs, unless the system property asks for NIO. */
    public static Transport preferred() {
        return choose(System.getProperty(PROPERTY), Epoll.isAvailable());
    }

    /** The choice itself: NIO when {@code asked} says {@code nio} or epoll cannot run here, else epoll. */
    static Transport choose(String asked, boolean epollAvailable) {
        boolean nio = asked != null && asked.trim().toLowerCase(Locale.ROOT).equals("nio");
        return !nio && epollAvailable ? EPOLL : NIO;
    }

    /** Event loops of this transport (Netty 4.2: one group class, the transport is its I/O handler). */
    public EventLoopGroup group(int threads, ThreadFactory factory) {
        return new MultiThreadIoEventLoopGroup(threads, factory, ioHandler());
    }

    /** What an event loop of this transport waits on: epoll_wait, or a NIO selector. */
    public IoHandlerFactory ioHandler() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    public Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public Class<? extends Channel> socketChannel() {
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** The channel's file descriptor, or -1 when the transport hides it (NIO) or it is closed. */
    public static int fd(Channel ch) {
        // a closed descriptor's number may already belong to another socket
        return ch instanceof EpollSocketChannel e && e.fd().isOpen() ? e.fd().intValue() : -1;
    }
}
