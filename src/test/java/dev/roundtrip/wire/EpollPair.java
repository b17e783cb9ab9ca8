package dev.roundtrip.wire;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roundtrip.probe.SocketQueueIoctl;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

/** A connected epoll client and server on loopback, for readouts of a live socket (skips where there is no epoll or ioctl). */
final class EpollPair implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel server;
    final Channel client;

    EpollPair(String name) throws InterruptedException {
        assumeTrue(Epoll.isAvailable() && SocketQueueIoctl.available(), "ioctl readouts are Linux (epoll) only");
        group = Transport.EPOLL.group(1, new DefaultThreadFactory(name, true));
        server = new ServerBootstrap().group(group).channel(Transport.EPOLL.serverChannel())
                .childHandler(new ChannelInboundHandlerAdapter())
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
        client = new Bootstrap().group(group).channel(Transport.EPOLL.socketChannel())
                .handler(new ChannelInboundHandlerAdapter())
                .connect(server.localAddress()).sync().channel();
    }

    @Override
    public void close() throws InterruptedException {
        client.close().sync();
        server.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
}
