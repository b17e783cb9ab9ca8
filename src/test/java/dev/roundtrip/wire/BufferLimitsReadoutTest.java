package dev.roundtrip.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roundtrip.probe.KernelProbe;
import dev.roundtrip.probe.SocketQueueIoctl;
import dev.roundtrip.trace.KernelReadout;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.socket.SocketChannelConfig;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On epoll the readout's buffer limits come from one getsockopt(SO_MEMINFO) instead of SO_RCVBUF and
 * SO_SNDBUF apart: they must be the same figures, also after they were set (the kernel doubles what is asked).
 */
class BufferLimitsReadoutTest {

    @Test
    void theBufferLimitsOfAnEpollReadoutAreWhatSoRcvbufAndSoSndbufAnswer() throws Exception {
        assumeTrue(Epoll.isAvailable() && SocketQueueIoctl.available(), "ioctl readouts are Linux (epoll) only");
        EventLoopGroup group = Transport.EPOLL.group(1, new DefaultThreadFactory("limits-test", true));
        try {
            Channel server = new ServerBootstrap().group(group).channel(Transport.EPOLL.serverChannel())
                    .childHandler(new ChannelInboundHandlerAdapter())
                    .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            Channel client = new Bootstrap().group(group).channel(Transport.EPOLL.socketChannel())
                    .handler(new ChannelInboundHandlerAdapter())
                    .connect(server.localAddress()).sync().channel();
            Probes probes = new Probes(new KernelProbe(), 1024, dev.roundtrip.probe.KernelBudget.unlimited(), Transport.EPOLL);
            SocketChannelConfig c = (SocketChannelConfig) client.config();
            assertSame(probes.kernel(client), c);
            c.setReceiveBufferSize(40_000);
            c.setSendBufferSize(30_000);
            KernelReadout set = probes.kernel(client);
            assertSame(set, c);
            assertThat(set.rcvBuf()).isEqualTo(80_000); // Linux doubles the value asked for (room for its bookkeeping)
            assertThat(set.rxQueue()).isZero();
            assertThat(set.txQueue()).isZero();
            client.close().sync();
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static void assertSame(KernelReadout k, SocketChannelConfig c) {
        assertThat(k.unavailable()).isNull();
        assertThat(k.rcvBuf()).isEqualTo(c.getReceiveBufferSize());
        assertThat(k.sndBuf()).isEqualTo(c.getSendBufferSize());
    }
}
