package dev.roundtrip.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.kqueue.KQueue;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which transport runs, the fallback from epoll or kqueue to NIO, and that each carries a connection. */
class TransportTest {

    @Test
    void theNativeTransportIsUsedWhereItRunsUnlessNioIsAsked() {
        assertThat(Transport.choose(null, true, false)).isEqualTo(Transport.EPOLL);
        assertThat(Transport.choose("", true, false)).isEqualTo(Transport.EPOLL);
        assertThat(Transport.choose("epoll", true, false)).isEqualTo(Transport.EPOLL);
        assertThat(Transport.choose(null, false, true)).isEqualTo(Transport.KQUEUE);
        assertThat(Transport.choose(" NIO ", true, false)).isEqualTo(Transport.NIO);
        assertThat(Transport.choose("nio", false, true)).isEqualTo(Transport.NIO);
    }

    @Test
    void withoutANativeTransportItFallsBackToNio() {
        assertThat(Transport.choose(null, false, false)).isEqualTo(Transport.NIO);
        assertThat(Transport.choose("epoll", false, false)).isEqualTo(Transport.NIO);
        assertThat(Transport.choose("nio", false, false)).isEqualTo(Transport.NIO);
    }

    /** The native library ships for Linux x86_64 and aarch64; there it must load, or the ioctl readouts silently become /proc. */
    @Test
    void onLinuxTheNativeEpollLibraryLoads() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        assumeTrue(os.contains("linux") && List.of("amd64", "x86_64", "aarch64").contains(arch), "netty-transport-native-epoll ships linux x86_64 and aarch64");
        assertThat(Epoll.isAvailable()).as("epoll unavailable: %s", Epoll.unavailabilityCause()).isTrue();
        if (!"nio".equalsIgnoreCase(System.getProperty(Transport.PROPERTY, "").trim())) {
            assertThat(Transport.preferred()).isEqualTo(Transport.EPOLL);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void eachTransportConnectsOnLoopbackAndOnlyTheNativeOnesShowTheDescriptor(Transport transport) throws Exception {
        assumeTrue(transport != Transport.EPOLL || Epoll.isAvailable(), "epoll runs on Linux only");
        assumeTrue(transport != Transport.KQUEUE || KQueue.isAvailable(), "kqueue runs on macOS (and the BSDs) only");
        EventLoopGroup group = transport.group(1, new DefaultThreadFactory("transport-test", true));
        try {
            Channel server = new ServerBootstrap().group(group).channel(transport.serverChannel())
                    .childHandler(new ChannelInboundHandlerAdapter())
                    .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            Channel client = new Bootstrap().group(group).channel(transport.socketChannel())
                    .handler(new ChannelInboundHandlerAdapter())
                    .connect(server.localAddress()).sync().channel();
            assertThat(client.isActive()).isTrue();
            if (transport != Transport.NIO) assertThat(Transport.fd(client)).isPositive();
            else assertThat(Transport.fd(client)).isEqualTo(-1);
            client.close().sync();
            assertThat(Transport.fd(client)).isEqualTo(-1);
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
