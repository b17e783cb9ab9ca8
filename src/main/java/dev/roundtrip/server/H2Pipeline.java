package dev.roundtrip.server;

import dev.roundtrip.wire.Tracing;
import dev.roundtrip.wire.WireTap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * The HTTP/2 part of a server connection:
 * <pre>
 *  socket ⇄ WireTap ⇄ [TLS ⇄ PlainTap] ⇄ Http2FrameCodec ⇄ Http2MultiplexHandler ─▶ one child channel per stream: H2StreamHandler
 * </pre>
 * The limits a client cannot pass (RFC 9113 6.5.2): at most {@link #MAX_CONCURRENT_STREAMS} streams
 * open at once (one more is refused with RST_STREAM), a header list of at most {@link #MAX_HEADER_LIST_BYTES}
 * (as HTTP/1.1's 8 KiB header limit); a malformed frame is a connection error answered with GOAWAY.
 */
final class H2Pipeline {
    static final int MAX_CONCURRENT_STREAMS = 100;
    static final int MAX_HEADER_LIST_BYTES = 8192;

    private H2Pipeline() {}

    /** Adds the HTTP/2 handlers at the end of {@code ch}'s pipeline; with {@code tapped}, the wire tap first. */
    static void install(Channel ch, Tracing t, H2Connection conn, Routes app, ServerSettings settings, EventExecutorGroup workers,
                        LiveRoutes live, boolean tapped) {
        ChannelPipeline p = ch.pipeline();
        if (tapped) p.addLast("tap", new WireTap(conn, t.probes().memory()));
        Http2FrameCodec codec = Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(MAX_CONCURRENT_STREAMS)
                        .maxHeaderListSize(MAX_HEADER_LIST_BYTES))
                .validateHeaders(true)
                .build();
        // an outside client's silence ends its connection as on HTTP/1.1 (our client's may wait as long as a class needs)
        if (conn.outside()) p.addLast("idle", new Silence(conn, settings.outsideIdleSeconds()));
        p.addLast("h2", codec);
        p.addLast("streams", new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                H2Stream s = conn.stream(stream.stream().id());
                if (s != null) conn.channelOf(s, stream);
                stream.pipeline().addLast("handler", new H2StreamHandler(t, conn, app, settings, workers, live));
            }
        }));
        p.addLast("h2-end", new End(conn));
    }

    /** No byte from the outside client for a while (read idle): {@link H2Connection#silent}. */
    private static final class Silence extends io.netty.handler.timeout.IdleStateHandler {
        private final H2Connection conn;
        private final int seconds;

        Silence(H2Connection conn, int seconds) {
            super(seconds, 0, 0);
            this.conn = conn;
            this.seconds = seconds;
        }

        @Override
        protected void channelIdle(ChannelHandlerContext ctx, io.netty.handler.timeout.IdleStateEvent evt) {
            conn.silent(ctx, seconds);
        }
    }

    /** The connection's end and the codec's errors (their words name the next RST_STREAM or GOAWAY). */
    private static final class End extends ChannelInboundHandlerAdapter {
        private final H2Connection conn;

        End(H2Connection conn) {
            this.conn = conn;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            conn.codecError(cause);
            if (!(cause instanceof io.netty.handler.codec.http2.Http2Exception)
                    && !(cause instanceof io.netty.handler.codec.http2.Http2FrameStreamException)) {
                conn.closed(cause);
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            conn.closed(null);
            ctx.fireChannelInactive();
        }
    }
}
