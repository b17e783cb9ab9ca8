package dev.roundtrip.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Just inside the TLS handler: sees the plaintext the program writes (before it is encrypted) and
 * reads (after it is decrypted), while the {@link WireTap} outside it sees the ciphertext records
 * that cross the socket.
 */
public final class PlainTap extends ChannelDuplexHandler {

    /** Told about each piece of plaintext; always called on the channel's event loop. */
    public interface Observer {
        /** TLS decrypted these bytes for the program. */
        void onPlainRead(ChannelHandlerContext ctx, ByteBuf buf);

        /** The program wrote these bytes; TLS encrypts them next. */
        void onPlainWrite(ChannelHandlerContext ctx, ByteBuf buf);
    }

    private final Observer observer;

    public PlainTap(Observer observer) {
        this.observer = observer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf && buf.isReadable()) observer.onPlainRead(ctx, buf);
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf && buf.isReadable()) observer.onPlainWrite(ctx, buf);
        ctx.write(msg, promise);
    }
}
