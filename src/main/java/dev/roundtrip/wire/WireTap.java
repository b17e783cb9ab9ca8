package dev.roundtrip.wire;

import dev.roundtrip.probe.MemoryProbe;
import dev.roundtrip.trace.BufferReadout;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.ChannelPromise;
import java.util.ArrayList;
import java.util.List;

/**
 * The first handler after the socket: it sees every raw {@link ByteBuf} read from the socket (one
 * {@code channelRead} per read system call) and every one written to it.
 *
 * <p><b>A socket write is one system call.</b> The buffers written between two flushes (an HTTP codec
 * writes the head and the body as two) go to the transport as one buffer (a composite, no copy), so
 * the transport hands them to the kernel in one {@code write}/{@code writev} per attempt, as it would
 * have gathered them anyway. That buffer is followed through a progressive promise: the transport
 * reports progress once per system call that took bytes, so {@link Observer#onWritten} is called once
 * per system call, each partial write of a large buffer included, after the kernel took those bytes.
 * (One exception: when the socket was full and two flushes wait, the transport may gather both into
 * one {@code writev}; then that call is reported as two writes, one per flush.)
 *
 * <p>What the tap itself does is instrument work ({@link MemoryProbe#instrumentStart()}): its
 * allocations are not the program's. It keeps a retained duplicate of what was written, not a copy.
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
         * One system call wrote {@code piece} (readable for the duration of the call only; its indexes are
         * the observer's); {@code buffer} is the buffer the transport handed to the kernel, its
         * readerIndex just past these bytes.
         */
        void onWritten(ChannelHandlerContext ctx, ByteBuf piece, BufferReadout buffer);

        /** A buffer could not be written (the peer reset the connection, the channel was closed). */
        void onWriteFailed(ChannelHandlerContext ctx, Throwable cause, int unsent);
    }

    private final Observer observer;
    private final MemoryProbe memory;
    /** Buffers written since the last flush, with their promises: one socket write once flushed. */
    private final List<ByteBuf> pending = new ArrayList<>(2);
    private final List<ChannelPromise> promises = new ArrayList<>(2);

    public WireTap(Observer observer, MemoryProbe memory) {
        this.observer = observer;
        this.memory = memory;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            memory.instrumentStart();
            try {
                observer.onRead(ctx, buf);
            } finally {
                memory.instrumentStop();
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.fireChannelReadComplete();
        memory.instrumentStart();
        try {
            observer.onReadComplete(ctx);
        } finally {
            memory.instrumentStop();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf buf)) {
            writePending(ctx); // keep the order
            ctx.write(msg, promise);
            return;
        }
        if (!buf.isReadable() && pending.isEmpty()) {
            ctx.write(msg, promise);
            return;
        }
        try (var s = memory.instrument()) {
            pending.add(buf);
            promises.add(promise.unvoid());
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        writePending(ctx);
        ctx.flush();
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        writePending(ctx); // unflushed: the transport fails them with the close, as it would have
        ctx.close(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        for (ByteBuf b : pending) b.release();
        for (ChannelPromise p : promises) p.tryFailure(new java.nio.channels.ClosedChannelException());
        pending.clear();
        promises.clear();
    }

    /** The buffers written since the last flush, as one, followed to the kernel. */
    private void writePending(ChannelHandlerContext ctx) {
        if (pending.isEmpty()) return;
        ByteBuf one = pending.size() == 1 ? pending.get(0) : join(ctx, pending);
        ChannelProgressivePromise tracked;
        try (var s = memory.instrument()) {
            List<ChannelPromise> outers = promises.size() == 1 ? List.of(promises.get(0)) : List.copyOf(promises);
            pending.clear();
            promises.clear();
            tracked = ctx.newProgressivePromise();
            tracked.addListener(new Follower(ctx, one.retainedDuplicate(), outers));
        }
        ctx.write(one, tracked);
    }

    /**
     * Direct buffers become a composite (the transport gathers its parts in one {@code writev}, no copy).
     * A heap buffer the transport would copy into a direct one before the system call, so the parts are
     * copied into one direct buffer here instead (a composite's copy would go through a merged heap
     * buffer). Either way no byte is copied more often than without the tap, and no heap is taken.
     */
    private static ByteBuf join(ChannelHandlerContext ctx, List<ByteBuf> bufs) {
        boolean direct = true;
        int total = 0;
        for (ByteBuf b : bufs) {
            direct &= b.isDirect();
            total += b.readableBytes();
        }
        if (direct) {
            CompositeByteBuf c = ctx.alloc().compositeDirectBuffer(bufs.size());
            for (ByteBuf b : bufs) c.addComponent(true, b);
            return c;
        }
        ByteBuf one = ctx.alloc().directBuffer(total);
        for (ByteBuf b : bufs) {
            one.writeBytes(b, b.readerIndex(), b.readableBytes());
            b.release();
        }
        return one;
    }

    /** Follows one socket write to the kernel: a piece per system call, then the writers' promises. */
    private final class Follower implements ChannelProgressiveFutureListener {
        private final ChannelHandlerContext ctx;
        private final ByteBuf written; // a retained duplicate: the bytes stay readable after the transport released its buffer
        private final List<ChannelPromise> outers;
        private final int total;
        private long done;

        Follower(ChannelHandlerContext ctx, ByteBuf written, List<ChannelPromise> outers) {
            this.ctx = ctx;
            this.written = written;
            this.outers = outers;
            this.total = written.readableBytes();
        }

        @Override
        public void operationProgressed(ChannelProgressiveFuture f, long progress, long ignored) {
            if (progress <= done) return;
            memory.instrumentStart();
            try {
                piece(progress);
            } finally {
                memory.instrumentStop();
            }
        }

        private void piece(long progress) {
            ByteBuf piece = written.slice(written.readerIndex() + (int) done, (int) (progress - done));
            done = progress;
            observer.onWritten(ctx, piece, kernelSide(progress));
        }

        /** The buffer the transport gave the kernel (a direct copy of a heap buffer, or ours), just past {@code progress} bytes. */
        private BufferReadout kernelSide(long progress) {
            ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
            Object current = out == null ? null : out.current();
            if (current instanceof ByteBuf b && b.writerIndex() - b.readerIndex() <= total) {
                int start = b.writerIndex() - total; // the transport moves readerIndex only after a partial write
                if (start >= 0) return new BufferReadout(b.capacity(), start + (int) progress, b.writerIndex());
            }
            return new BufferReadout(written.capacity(), written.readerIndex() + (int) progress, written.writerIndex());
        }

        @Override
        public void operationComplete(ChannelProgressiveFuture f) {
            memory.instrumentStart();
            try {
                if (f.isSuccess()) {
                    if (done < total) piece(total);
                } else {
                    observer.onWriteFailed(ctx, f.cause(), (int) (total - done));
                }
                written.release();
            } finally {
                memory.instrumentStop();
            }
            // the writers' own listeners are the program's
            for (ChannelPromise p : outers) {
                if (f.isSuccess()) p.trySuccess();
                else p.tryFailure(f.cause());
            }
        }
    }
}
