package dev.roundtrip.server;

import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.TraceClock;
import dev.roundtrip.wire.H2Frames;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Decides on the cleartext port whether a connection speaks HTTP/1.1 (the pipeline as built) or
 * HTTP/2 with prior knowledge (h2c): our own client says so through its link; an outside client's
 * first bytes say so (the 24-byte connection preface). Until they do, its bytes wait here, and then
 * go on whole to the wire tap of the protocol chosen, as the one socket read they were.
 */
final class Http2Switch extends ChannelInboundHandlerAdapter {
    /** The HTTP/1.1 handlers that HTTP/2 replaces. */
    static final List<String> HTTP1 = List.of("idle", "tap", "framing", "codec", "aggregator", "handler");

    private final ConnectionDirectory directory;
    private final TraceClock clock;
    /** Puts the HTTP/2 handlers in (given when the connection was ready) once the HTTP/1.1 ones are out. */
    private final LongFunction<H2Connection> toHttp2;
    private ByteBuf seen;
    private long activeNanos;

    Http2Switch(ConnectionDirectory directory, TraceClock clock, LongFunction<H2Connection> toHttp2) {
        this.directory = directory;
        this.clock = clock;
        this.toHttp2 = toHttp2;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        activeNanos = clock.now();
        ConnectionDirectory.Link link = directory.find((InetSocketAddress) ctx.channel().remoteAddress()).orElse(null);
        if (link != null && link.http2()) toHttp2(ctx);
        ctx.fireChannelActive();
        if (link != null) ctx.pipeline().remove(this); // our client's HTTP/1.1 reads wait for the parse gate: nothing to sniff
    }

    private void toHttp2(ChannelHandlerContext ctx) {
        for (String name : HTTP1) {
            if (ctx.pipeline().get(name) != null) ctx.pipeline().remove(name);
        }
        toHttp2.apply(activeNanos);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (seen == null) seen = buf;
        else {
            ByteBuf both = ctx.alloc().buffer(seen.readableBytes() + buf.readableBytes());
            both.writeBytes(seen).writeBytes(buf);
            seen.release();
            buf.release();
            seen = both;
        }
        boolean maybe = H2Frames.startsWithPreface(seen);
        if (maybe && seen.readableBytes() < H2Frames.PREFACE.length) return; // not sure yet: the next read says
        ByteBuf first = seen;
        seen = null;
        if (maybe) toHttp2(ctx);
        ctx.fireChannelRead(first);
        ctx.fireChannelReadComplete();
        ctx.pipeline().remove(this);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // held back until the protocol is known; fired with the bytes then
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (seen != null) {
            seen.release();
            seen = null;
        }
    }
}
