package dev.roundtrip.bench;

import dev.roundtrip.probe.KernelProbe;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one kernel readout costs: reading this socket's row from /proc/net/tcp6 (and tcp), against
 * a plain getsockopt-class call (SO_RCVBUF) on the same socket in the same run, and against the
 * ioctl readout (SIOCINQ + SIOCOUTQ) of a live epoll socket, which the engine uses on Linux.
 */
final class KernelCost {
    private KernelCost() {}

    static void main() throws Exception {
        KernelProbe probe = new KernelProbe();
        try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket c = new Socket(InetAddress.getLoopbackAddress(), ss.getLocalPort());
             Socket s = ss.accept()) {
            InetSocketAddress local = (InetSocketAddress) s.getLocalSocketAddress();
            InetSocketAddress remote = (InetSocketAddress) s.getRemoteSocketAddress();
            int n = Integer.getInteger("bench.kernelReads", 2000);
            for (int i = 0; i < n / 4; i++) probe.read(local, remote, null, null); // warm-up
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) probe.read(local, remote, null, null);
            long probeNs = (System.nanoTime() - t0) / n;
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) Files.readAllBytes(Path.of("/proc/net/tcp6"));
            long tcp6Ns = (System.nanoTime() - t1) / n;
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) Files.readAllBytes(Path.of("/proc/net/tcp"));
            long tcpNs = (System.nanoTime() - t2) / n;
            long t3 = System.nanoTime();
            int sum = 0;
            for (int i = 0; i < n * 10; i++) sum += s.getReceiveBufferSize();
            long optNs = (System.nanoTime() - t3) / (n * 10L);
            System.out.printf("sockets in /proc/net/tcp6: %d, tcp: %d%n", lines("/proc/net/tcp6"), lines("/proc/net/tcp"));
            System.out.printf("one kernel readout (KernelProbe.read, row found): %.1f µs%n", probeNs / 1000.0);
            System.out.printf("  of which reading /proc/net/tcp6: %.1f µs, /proc/net/tcp: %.1f µs%n", tcp6Ns / 1000.0, tcpNs / 1000.0);
            System.out.printf("one SO_RCVBUF getsockopt: %.2f µs  (readout / getsockopt = %.0fx)%n", optNs / 1000.0, (double) probeNs / Math.max(1, optNs));
            if (sum == 42) System.out.println();
            ioctl(n * 10);
            InputStream unused = c.getInputStream();
            unused.available();
        }
    }

    /** The readout the engine takes on Linux: two ioctl calls on a connected epoll socket's descriptor. */
    private static void ioctl(int n) throws Exception {
        if (!io.netty.channel.epoll.Epoll.isAvailable() || !dev.roundtrip.probe.SocketQueueIoctl.available()) {
            System.out.println("ioctl readout: not available here (epoll or JNA missing)");
            return;
        }
        io.netty.channel.EventLoopGroup g = dev.roundtrip.wire.Transport.EPOLL.group(1, new io.netty.util.concurrent.DefaultThreadFactory("kernel-cost", true));
        try {
            io.netty.channel.Channel server = new io.netty.bootstrap.ServerBootstrap().group(g)
                    .channel(io.netty.channel.epoll.EpollServerSocketChannel.class)
                    .childHandler(new io.netty.channel.ChannelInboundHandlerAdapter())
                    .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            io.netty.channel.Channel client = new io.netty.bootstrap.Bootstrap().group(g)
                    .channel(io.netty.channel.epoll.EpollSocketChannel.class)
                    .handler(new io.netty.channel.ChannelInboundHandlerAdapter())
                    .connect(server.localAddress()).sync().channel();
            int fd = dev.roundtrip.wire.Transport.fd(client);
            KernelProbe probe = new KernelProbe();
            for (int i = 0; i < n / 4; i++) probe.read(fd, null, null, null, null); // warm-up
            long t0 = System.nanoTime();
            long rx = 0;
            for (int i = 0; i < n; i++) rx += probe.read(fd, null, null, null, null).rxQueue();
            long ns = (System.nanoTime() - t0) / n;
            System.out.printf("one ioctl readout (SIOCINQ + SIOCOUTQ through JNA, epoll socket, %d reads): %.2f µs%n", n, ns / 1000.0);
            if (rx < 0) System.out.println();
            client.close().sync();
            server.close().sync();
        } finally {
            g.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
        }
    }

    private static long lines(String p) throws java.io.IOException {
        return Files.readAllLines(Path.of(p)).size() - 1;
    }
}
