package dev.roundtrip.probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the Linux {@code /proc/net/tcp} and {@code /proc/net/tcp6} format. Addresses there are
 * hex words in host byte order (little-endian on x86 and arm64), so 127.0.0.1 reads
 * {@code 0100007F}; ports are plain hex. An IPv4 socket opened as a dual-stack IPv6 socket shows
 * in {@code tcp6} as {@code ::ffff:127.0.0.1}.
 */
public final class TcpTable {
    private TcpTable() {}

    /** One socket line: the fields this project reads. */
    public record Row(byte[] localAddress, int localPort, byte[] remoteAddress, int remotePort, int state,
                      long txQueue, long rxQueue) {
        public boolean matches(InetSocketAddress local, InetSocketAddress remote) {
            return localPort == local.getPort() && remotePort == remote.getPort()
                    && sameHost(localAddress, local.getAddress()) && sameHost(remoteAddress, remote.getAddress());
        }
    }

    /** Finds the row of this 4-tuple in the text of one table, if it is there. */
    public static Optional<Row> find(String table, InetSocketAddress local, InetSocketAddress remote) {
        String localPort = String.format(java.util.Locale.ROOT, ":%04X ", local.getPort());
        int at = table.indexOf('\n'); // line 0 is the column header
        while (at >= 0 && at < table.length() - 1) {
            int end = table.indexOf('\n', at + 1);
            String line = table.substring(at + 1, end < 0 ? table.length() : end);
            at = end;
            if (!line.contains(localPort)) continue; // cheap test first: most lines are other sockets
            Row row = parse(line);
            if (row != null && row.matches(local, remote)) return Optional.of(row);
        }
        return Optional.empty();
    }

    /** Parses one line, or null when it is not a socket line. */
    public static Row parse(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 5 || !f[0].endsWith(":")) return null;
        try {
            String[] local = f[1].split(":");
            String[] remote = f[2].split(":");
            String[] queues = f[4].split(":");
            return new Row(address(local[0]), Integer.parseInt(local[1], 16), address(remote[0]),
                    Integer.parseInt(remote[1], 16), Integer.parseInt(f[3], 16),
                    Long.parseLong(queues[0], 16), Long.parseLong(queues[1], 16));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Hex words in host (little-endian) order to network-order address bytes. */
    static byte[] address(String hex) {
        if ((hex.length() != 8 && hex.length() != 32) || !hex.matches("[0-9A-Fa-f]+")) {
            throw new IllegalArgumentException("not an address: " + hex);
        }
        int n = hex.length() / 2;
        byte[] b = new byte[n];
        for (int word = 0; word < n / 4; word++) {
            for (int j = 0; j < 4; j++) {
                int at = (word * 4 + j) * 2;
                b[word * 4 + (3 - j)] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return b;
    }

    private static boolean sameHost(byte[] inTable, InetAddress address) {
        byte[] want = address.getAddress();
        if (Arrays.equals(inTable, want)) return true;
        return want.length == 4 && inTable.length == 16 && Arrays.equals(inTable, mapped(want));
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, b, 12, 4);
        return b;
    }
}
