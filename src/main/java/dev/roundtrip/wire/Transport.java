package dev.roundtrip.wire;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
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
        String asked = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        return !asked.equals("nio") && Epoll.isAvailable() ? EPOLL : NIO;
    }

    public EventLoopGroup group(int threads, ThreadFactory factory) {
        return this == EPOLL ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
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
