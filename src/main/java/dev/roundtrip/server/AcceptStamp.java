package dev.roundtrip.server;

import dev.roundtrip.trace.TraceClock;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;

/**
 * On the listening socket, on the accepting thread: stamps each accepted connection with the moment
 * accept() returned it, before it is handed to its event loop. The connect stage shows that moment
 * and how long the connection then waited to be ready.
 */
@ChannelHandler.Sharable
final class AcceptStamp extends ChannelInboundHandlerAdapter {
    /** When accept() returned, and on which thread. */
    record Stamp(long tNanos, String thread) {}

    static final AttributeKey<Stamp> KEY = AttributeKey.valueOf("roundtrip.accepted");

    private final TraceClock clock;

    AcceptStamp(TraceClock clock) {
        this.clock = clock;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Channel child) child.attr(KEY).set(new Stamp(clock.now(), Thread.currentThread().getName()));
        ctx.fireChannelRead(msg);
    }
}
