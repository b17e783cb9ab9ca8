package dev.roundtrip.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.probe.MemoryProbe;
import dev.roundtrip.trace.BufferReadout;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A socket write as the wire tap reports it is one system call: the buffers of one flush together, each partial write apart. */
class WireTapTest {

    /** One reported write: its bytes and the buffer readout taken when the kernel had them. */
    record Written(byte[] bytes, BufferReadout buffer) {}

    private static List<Written> serve(byte[] head, byte[] body, int sndBuf) throws Exception {
        Transport transport = Transport.preferred();
        EventLoopGroup loop = transport.group(1, new DefaultThreadFactory("tap-test", true));
        List<Written> written = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        WireTap.Observer observer = new WireTap.Observer() {
            @Override
            public void onRead(ChannelHandlerContext ctx, ByteBuf buf) {}

            @Override
            public void onWritten(ChannelHandlerContext ctx, ByteBuf piece, BufferReadout buffer) {
                written.add(new Written(ByteBufUtil.getBytes(piece), buffer));
            }

            @Override
            public void onWriteFailed(ChannelHandlerContext ctx, Throwable cause, int unsent) {
                done.completeExceptionally(cause);
            }
        };
        try {
            Channel server = new ServerBootstrap().group(loop).channel(transport.serverChannel())
                    .childOption(ChannelOption.SO_SNDBUF, sndBuf)
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new WireTap(observer, new MemoryProbe()), new io.netty.channel.ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelActive(ChannelHandlerContext ctx) {
                                    // the way an HTTP codec answers: a head (direct) and a body (heap), then one flush
                                    ctx.write(ctx.alloc().directBuffer(head.length).writeBytes(head));
                                    ctx.writeAndFlush(Unpooled.wrappedBuffer(body)).addListener(f -> {
                                        if (f.isSuccess()) done.complete(null);
                                        else done.completeExceptionally(f.cause());
                                    });
                                }
                            });
                        }
                    })
                    .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            int port = ((java.net.InetSocketAddress) server.localAddress()).getPort();
            byte[] received;
            try (Socket s = new Socket()) {
                s.setReceiveBufferSize(sndBuf);
                s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                s.setSoTimeout(10_000);
                InputStream in = s.getInputStream();
                received = in.readNBytes(head.length + body.length);
            }
            done.get(10, TimeUnit.SECONDS);
            server.close().sync();
            byte[] all = concat(head, body);
            assertThat(received).isEqualTo(all);
            return written;
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void theBuffersOfOneFlushAreOneSocketWrite() throws Exception {
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<Written> w = serve(head, body, 64 * 1024);
        assertThat(w).hasSize(1);
        assertThat(w.get(0).bytes()).isEqualTo(concat(head, body));
        BufferReadout b = w.get(0).buffer();
        assertThat(b.readerIndex()).as("taken once the kernel had the bytes: just past them").isEqualTo(b.writerIndex());
    }

    @Test
    void eachPartialWriteIsItsOwnWithItsOwnBufferReadout() throws Exception {
        byte[] head = "HTTP/1.1 200 OK\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = new byte[4 << 20];
        for (int i = 0; i < body.length; i++) body[i] = (byte) i;
        List<Written> w = serve(head, body, 16 * 1024); // 4 MiB through small socket buffers: the kernel takes it in pieces
        assertThat(w.size()).isGreaterThan(1);
        byte[] all = concat(head, body);
        int at = 0;
        int lastReader = -1;
        for (Written piece : w) {
            assertThat(piece.bytes()).isEqualTo(Arrays.copyOfRange(all, at, at + piece.bytes().length));
            at += piece.bytes().length;
            // the buffer as the kernel left it after this piece: its readerIndex moved past exactly these bytes
            assertThat(piece.buffer().writerIndex() - piece.buffer().readerIndex()).isEqualTo(all.length - at);
            assertThat(piece.buffer().readerIndex()).isGreaterThan(lastReader);
            lastReader = piece.buffer().readerIndex();
        }
        assertThat(at).isEqualTo(all.length);
    }
}
