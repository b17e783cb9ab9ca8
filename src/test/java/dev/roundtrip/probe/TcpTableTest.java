package dev.roundtrip.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roundtrip.trace.KernelReadout;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TcpTableTest {
    private static final String HEADER =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    private static InetSocketAddress at(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    @Test
    void readsLittleEndianIpv4AddressesAndBothQueues() throws Exception {
        String table = HEADER
                + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1 1 0 100 0 0 10 0\n"
                + "   1: 0100007F:A3C2 0100007F:1F90 01 0000002A:0000005F 00:00000000 00000000  1000        0 2 1 0 20 4 30 10 -1\n";
        TcpTable.Row row = TcpTable.find(table, at("127.0.0.1", 0xA3C2), at("127.0.0.1", 8080)).orElseThrow();
        assertThat(row.txQueue()).isEqualTo(0x2A);
        assertThat(row.rxQueue()).isEqualTo(0x5F);
        assertThat(row.state()).isEqualTo(KernelProbe.ESTABLISHED);
        assertThat(TcpTable.find(table, at("127.0.0.1", 8080), at("127.0.0.1", 0xA3C2))).isEmpty();
    }

    @Test
    void matchesAnIpv4MappedAddressInTcp6() throws Exception {
        String table = HEADER
                + "   0: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:A3C2 01 00000000:00000007 00:00000000 00000000  0 0 3 1\n";
        TcpTable.Row row = TcpTable.find(table, at("127.0.0.1", 8080), at("127.0.0.1", 0xA3C2)).orElseThrow();
        assertThat(row.rxQueue()).isEqualTo(7);
    }

    @Test
    void readsIpv6Loopback() throws Exception {
        String table = HEADER
                + "   0: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:C000 01 00000003:00000000 00:00000000 00000000  0 0 3 1\n";
        assertThat(TcpTable.find(table, at("::1", 8080), at("::1", 0xC000))).map(TcpTable.Row::txQueue).contains(3L);
    }

    @Test
    void ignoresLinesThatAreNotSockets() {
        assertThat(TcpTable.parse("garbage")).isNull();
        assertThat(TcpTable.parse("  0: zz:1 00:00 01 0:0")).isNull();
    }

    @Test
    void saysWhyWhenTheTablesAreMissing(@TempDir Path dir) throws Exception {
        KernelProbe probe = new KernelProbe(dir.resolve("tcp"), dir.resolve("tcp6"));
        KernelReadout k = probe.read(at("127.0.0.1", 1), at("127.0.0.1", 2), 100, 200);
        assertThat(k.queuesAvailable()).isFalse();
        assertThat(k.rxQueue()).isNull();
        assertThat(k.unavailable()).startsWith("platform: ");
        if (probe.os() == OsFamily.LINUX) assertThat(k.unavailable()).contains("/proc/net/tcp is not readable here");
        assertThat(k.rcvBuf()).isEqualTo(100);
    }

    @Test
    void saysWhyWhenTheConnectionIsNotThere(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tcp"), HEADER);
        KernelReadout k = new KernelProbe(dir.resolve("tcp"), dir.resolve("tcp6")).read(at("127.0.0.1", 1), at("127.0.0.1", 2), null, null);
        assertThat(k.queuesAvailable()).isFalse();
        assertThat(k.unavailable()).startsWith("closed: ").contains("not in /proc/net/tcp");
    }

    @Test
    void seesUnreadBytesOfARealConnection() throws Exception {
        KernelProbe probe = new KernelProbe();
        assumeTrue(probe.available(), "kernel queues are readable on Linux only");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             Socket server = listener.accept()) {
            OutputStream out = client.getOutputStream();
            out.write(new byte[1234]);
            out.flush();
            InetSocketAddress local = (InetSocketAddress) server.getLocalSocketAddress();
            InetSocketAddress remote = (InetSocketAddress) server.getRemoteSocketAddress();
            KernelReadout k = null;
            for (int i = 0; i < 200; i++) { // the bytes cross loopback almost at once; allow a little
                k = probe.read(local, remote, server.getReceiveBufferSize(), server.getSendBufferSize());
                if (k.queuesAvailable() && k.rxQueue() == 1234) break;
                Thread.sleep(5);
            }
            assertThat(k.rxQueue()).isEqualTo(1234);
            InputStream in = server.getInputStream();
            assertThat(in.readNBytes(1234)).hasSize(1234);
            assertThat(probe.read(local, remote, null, null).rxQueue()).isZero();
        }
    }
}
