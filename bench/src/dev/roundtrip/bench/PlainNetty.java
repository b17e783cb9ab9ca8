package dev.roundtrip.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import dev.roundtrip.wire.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Netty's own HTTP hello-world example (io.netty.example.http.helloworld), no instrumentation:
 * the peer our server is measured against. One accept loop and one event loop, as our server has,
 * on the same transport as ours ({@link Transport#preferred()}: epoll on Linux, NIO with
 * {@code -Droundtrip.transport=nio}), so the comparison is not flattered by epoll against NIO.
 */
final class PlainNetty implements AutoCloseable {
    private static final byte[] CONTENT = "Hello, world!".getBytes(StandardCharsets.US_ASCII);
    private final Transport transport = Transport.preferred();
    private final EventLoopGroup boss = transport.group(1, new DefaultThreadFactory("plain-accept", true));
    private final EventLoopGroup loops = transport.group(1, new DefaultThreadFactory("plain-server", true));
    private final Channel listener;
    private volatile String childChannel = "none accepted yet";

    PlainNetty() throws InterruptedException {
        listener = new ServerBootstrap().group(boss, loops).channel(transport.serverChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        childChannel = ch.getClass().getSimpleName();
                        ch.pipeline().addLast(new HttpServerCodec()).addLast(new Hello());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    /** The listening and the last accepted channel's classes, to check the transport really is what was asked. */
    String channels() {
        return listener.getClass().getSimpleName() + " / " + childChannel;
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    private static final class Hello extends SimpleChannelInboundHandler<HttpObject> {
        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (!(msg instanceof HttpRequest req)) return;
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(CONTENT));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8").setInt(HttpHeaderNames.CONTENT_LENGTH, CONTENT.length);
            if (keepAlive) {
                r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.write(r);
            } else {
                ctx.write(r).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
