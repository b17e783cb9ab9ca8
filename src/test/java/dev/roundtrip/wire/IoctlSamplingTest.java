package dev.roundtrip.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roundtrip.probe.KernelBudget;
import dev.roundtrip.probe.KernelProbe;
import dev.roundtrip.probe.SocketQueueIoctl;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Unavailable;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ioctl readouts at socket reads and writes are sampled under load like the /proc ones: a burst of a
 * few hundred is read in full, beyond it a readout says "sampled"; switched to every read and write, none is.
 */
class IoctlSamplingTest {
    private static final int BURST = 4096;

    @Test
    void aBurstIsReadInFullThenReadoutsSaySampledUnlessEveryReadoutIsAsked() throws Exception {
        assumeTrue(Epoll.isAvailable() && SocketQueueIoctl.available(), "ioctl readouts are Linux (epoll) only");
        EventLoopGroup group = Transport.EPOLL.group(1, new DefaultThreadFactory("ioctl-sampling-test", true));
        try {
            Channel server = new ServerBootstrap().group(group).channel(Transport.EPOLL.serverChannel())
                    .childHandler(new ChannelInboundHandlerAdapter())
                    .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            Channel client = new Bootstrap().group(group).channel(Transport.EPOLL.socketChannel())
                    .handler(new ChannelInboundHandlerAdapter())
                    .connect(server.localAddress()).sync().channel();
            // the default: a class's burst is read in full
            assertThat(readBackToBack(new Probes(new KernelProbe(), 1024, KernelBudget.sampled(), Transport.EPOLL), client, BURST))
                    .allSatisfy(k -> assertThat(k.unavailable()).isNull());
            // beyond the bucket (3 here, none refilled) a readout says it was sampled, and why
            List<KernelReadout> small = readBackToBack(new Probes(new KernelProbe(), 1024, KernelBudget.sampled(), new KernelBudget(3, 0), Transport.EPOLL), client, 5);
            assertThat(small.subList(0, 3)).allSatisfy(k -> assertThat(k.unavailable()).isNull());
            assertThat(small.subList(3, 5)).allSatisfy(k -> {
                assertThat(k.reason()).contains(Unavailable.SAMPLED);
                assertThat(k.unavailable()).contains("at most 3 back to back");
                assertThat(k.rxQueue()).isNull();
            });
            assertThat(readBackToBack(new Probes(new KernelProbe(), 1024, KernelBudget.unlimited(), Transport.EPOLL), client, 4 * BURST))
                    .allSatisfy(k -> assertThat(k.unavailable()).isNull());
            client.close().sync();
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static List<KernelReadout> readBackToBack(Probes probes, Channel ch, int n) {
        List<KernelReadout> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) all.add(probes.kernelSampled(ch));
        return all;
    }
}
