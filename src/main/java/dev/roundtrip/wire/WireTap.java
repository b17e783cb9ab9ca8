package dev.roundtrip.wire;

import dev.roundtrip.trace.BufferReadout;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.ChannelPromise;

/**
 * The first handler after the socket: it sees every raw {@link ByteBuf} read from the socket (one
 * {@code channelRead} per read syscall) and every one written to it. A write is followed through a
 * progressive promise, so each socket write (a partial write of a large buffer included) is reported
 * once, after the kernel took those bytes.
 *
 * <pre>
 *  socket ⇄ [WireTap] ⇄ [HTTP codec] ⇄ [aggregator] ⇄ [application]
 * </pre>
 */
public final class WireTap extends ChannelDuplexHandler {

    /** Told about each socket read and write; always called on the channel's event loop. */
    public interface Observer {
        /** One socket read, before the codec sees it. */
        void onRead(ChannelHandlerContext ctx, ByteBuf buf);

        /** A burst of reads is over (the codec has seen them all). */
        default void onReadComplete(ChannelHandlerContext ctx) {}

        /**
         * The kernel took {@code count} bytes of a buffer: {@code all} is the whole buffer as it was
         * written, {@code offset} where this piece starts.
         */
        void onWritten(ChannelHandlerContext ctx, byte[] all, int offset, int count, BufferReadout buffer);

        /** A buffer could not be written (the peer reset the connection, the channel was closed). */
        void onWriteFailed(ChannelHandlerContext ctx, Throwable cause, int unsent);
    }

    private final Observer observer;

    public WireTap(Observer observer) {
        this.observer = observer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) observer.onRead(ctx, buf);
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.fireChannelReadComplete();
        observer.onReadComplete(ctx);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf buf) || !buf.isReadable()) {
            ctx.write(msg, promise);
            return;
        }
        int total = buf.readableBytes();
        byte[] all = new byte[total];
        buf.getBytes(buf.readerIndex(), all);
        BufferReadout readout = Probes.buffer(buf);
        ChannelPromise outer = promise.unvoid();
        ChannelProgressivePromise tracked = ctx.newProgressivePromise();
        tracked.addListener(new ChannelProgressiveFutureListener() {
            private long done;

            @Override
            public void operationProgressed(ChannelProgressiveFuture f, long progress, long ignored) {
                if (progress <= done) return;
                observer.onWritten(ctx, all, (int) done, (int) (progress - done), readout);
                done = progress;
            }

            @Override
            public void operationComplete(ChannelProgressiveFuture f) {
                if (f.isSuccess()) {
                    if (done < total) observer.onWritten(ctx, all, (int) done, (int) (total - done), readout);
                    done = total;
                    outer.trySuccess();
                } else {
                    observer.onWriteFailed(ctx, f.cause(), (int) (total - done));
                    outer.tryFailure(f.cause());
                }
            }
        });
        ctx.write(msg, tracked);
    }
}
