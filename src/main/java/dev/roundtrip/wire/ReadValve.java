package dev.roundtrip.wire;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import java.util.function.BooleanSupplier;

/**
 * Between the socket and the TLS handler: decides which socket reads happen. The connection's own
 * reads ({@link #read()}) always pass; reads the TLS handler asks for pass only while
 * {@code tlsMayRead} says so (during the handshake). Once the handshake is done, Netty's SslHandler
 * asks for a read after every burst, which with autoRead off would pull a request out of the kernel
 * before its gate let it through.
 *
 * <pre>
 *  socket ⇄ [WireTap] ⇄ [ReadValve] ⇄ [SslHandler] ⇄ [PlainTap] ⇄ [HTTP codec] ...
 * </pre>
 */
public final class ReadValve extends ChannelOutboundHandlerAdapter {
    private final BooleanSupplier tlsMayRead;
    private ChannelHandlerContext ctx;

    public ReadValve(BooleanSupplier tlsMayRead) {
        this.tlsMayRead = tlsMayRead;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (tlsMayRead.getAsBoolean()) ctx.read();
    }

    /** A read the connection asked for itself: goes to the socket from here, past this valve. */
    public void read() {
        ctx.read();
    }
}
