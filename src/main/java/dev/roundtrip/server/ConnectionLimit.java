package dev.roundtrip.server;

import dev.roundtrip.trace.ConnectionDirectory;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first handler of every accepted connection: counts the open connections of outside clients
 * and turns away the one past {@link ServerSettings#maxConnections()} with a 503 before anything
 * else sees it (it is not traced: a flood of such connections must not fill the recording).
 *
 * <p>A turned-away connection is closed gently: the answer is written, our side shut down (FIN),
 * and what the client sends is read and dropped until it closes or {@link #LINGER_SECONDS} pass.
 * Closing with its request unread would make the kernel answer with a reset, which can destroy the
 * 503 before the client reads it.
 */
final class ConnectionLimit extends ChannelInboundHandlerAdapter {
    static final int RETRY_AFTER_SECONDS = 5;
    static final int LINGER_SECONDS = 2;

    private final ConnectionDirectory directory;
    private final ServerSettings settings;
    private final AtomicInteger open;
    private final AtomicInteger turnedAway;
    private boolean counted;
    private boolean refused;

    ConnectionLimit(ConnectionDirectory directory, ServerSettings settings, AtomicInteger open, AtomicInteger turnedAway) {
        this.directory = directory;
        this.settings = settings;
        this.open = open;
        this.turnedAway = turnedAway;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (directory.find((InetSocketAddress) ctx.channel().remoteAddress()).isPresent()) {
            ctx.pipeline().remove(this); // our own client's connection: not counted
            ctx.fireChannelActive();
            return;
        }
        counted = true;
        int now = open.incrementAndGet();
        int max = settings.maxConnections();
        if (now <= max) {
            ctx.fireChannelActive();
            return;
        }
        refused = true;
        turnedAway.incrementAndGet();
        // nothing after this handler ever hears of the connection
        while (ctx.pipeline().last() != this) ctx.pipeline().removeLast();
        byte[] body = ("Service Unavailable: this server already has " + max + " open connections, its limit;"
                + " try again in " + RETRY_AFTER_SECONDS + " s\n").getBytes(StandardCharsets.US_ASCII);
        String head = "HTTP/1.1 503 Service Unavailable\r\nServer: roundtrip\r\nRetry-After: " + RETRY_AFTER_SECONDS
                + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        SocketChannel ch = (SocketChannel) ctx.channel();
        ctx.writeAndFlush(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body)).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                ch.close();
                return;
            }
            ch.shutdownOutput();
            ch.config().setAutoRead(true);
            ch.eventLoop().schedule(() -> ch.close(), LINGER_SECONDS, TimeUnit.SECONDS);
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (refused) {
            if (evt instanceof ChannelInputShutdownEvent) ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (refused) {
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (counted) {
            counted = false;
            open.decrementAndGet();
        }
        ctx.fireChannelInactive();
    }
}
