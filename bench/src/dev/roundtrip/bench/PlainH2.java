package dev.roundtrip.bench;

import dev.roundtrip.wire.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Netty's HTTP/2 hello-world (h2c with prior knowledge; Http2FrameCodec + Http2MultiplexHandler, one
 * child channel per stream, as io.netty.example.http2.helloworld.frame), no instrumentation, on
 * the same transport and one event loop like ours: what the traced server is compared with.
 */
final class PlainH2 implements AutoCloseable {
    private static final byte[] CONTENT = "Hello, world!".getBytes(StandardCharsets.US_ASCII);
    private final Transport transport = Transport.preferred();
    private final EventLoopGroup boss = transport.group(1, new DefaultThreadFactory("plain-h2-accept", true));
    private final EventLoopGroup loops = transport.group(1, new DefaultThreadFactory("plain-h2-server", true));
    private final Channel listener;

    PlainH2() throws InterruptedException {
        listener = new ServerBootstrap().group(boss, loops).channel(transport.serverChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(), new Http2MultiplexHandler(
                                new ChannelInitializer<Http2StreamChannel>() {
                                    @Override
                                    protected void initChannel(Http2StreamChannel s) {
                                        s.pipeline().addLast(new Hello());
                                    }
                                }));
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    private static final class Hello extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            boolean end = msg instanceof Http2HeadersFrame h && h.isEndStream()
                    || msg instanceof io.netty.handler.codec.http2.Http2DataFrame d && d.isEndStream();
            ReferenceCountUtil.release(msg);
            if (!end) return;
            ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
                    .set("content-type", "text/plain; charset=utf-8").setInt("content-length", CONTENT.length)));
            ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(CONTENT), true));
        }
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        boss.shutdownGracefully();
        loops.shutdownGracefully();
    }
}
