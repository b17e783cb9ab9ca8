package dev.roundtrip.probe;

import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Unavailable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads this connection's socket queues as the kernel sees them, the way its OS tells them
 * ({@link OsFamily}); where it cannot, or when the socket is gone, the readout says why instead of
 * inventing a zero.
 *
 * <p>With the socket's file descriptor (Netty's epoll transport on Linux, kqueue on macOS) the queues
 * come from two system calls ({@link SocketQueueIoctl}). Without it (NIO), only Linux still tells them,
 * through {@code /proc/net/tcp} and {@code /proc/net/tcp6}: each read makes the kernel walk its whole
 * table of TCP sockets (about 0.2 ms on an idle laptop, several ms on a busy machine), so the engine
 * reads it once per socket read or write and at each hold, not at every stage boundary, and samples
 * under load. macOS and Windows without a descriptor say "platform:" and why.
 */
public final class KernelProbe {
    /** TCP states in /proc/net/tcp (include/net/tcp_states.h). */
    public static final int ESTABLISHED = 1, CLOSE_WAIT = 8;

    private final Path tcp;
    private final Path tcp6;
    private final boolean enabled;
    private final OsFamily os;

    public KernelProbe() {
        this(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    }

    public KernelProbe(Path tcp, Path tcp6) {
        this(tcp, tcp6, true, OsFamily.current());
    }

    private KernelProbe(Path tcp, Path tcp6, boolean enabled, OsFamily os) {
        this.tcp = tcp;
        this.tcp6 = tcp6;
        this.enabled = enabled;
        this.os = os;
    }

    /** A probe that never reads the kernel tables (they cost time on a busy machine); every readout says so. */
    public static KernelProbe switchedOff() {
        return new KernelProbe(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"), false, OsFamily.current());
    }

    /**
     * The probe as it reads on {@code os}: the readouts and their reasons that OS gives. On another OS
     * than this JVM's it makes no system call (a test of what a Windows or macOS class would see).
     */
    public static KernelProbe on(OsFamily os) {
        return new KernelProbe(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"), true, os);
    }

    public OsFamily os() {
        return os;
    }

    /** False for a {@link #switchedOff()} probe. */
    public boolean enabled() {
        return enabled;
    }

    /** True when the /proc tables can be read (Linux). */
    public boolean available() {
        return enabled && os == OsFamily.LINUX && (Files.isReadable(tcp) || Files.isReadable(tcp6));
    }

    /**
     * The readout of the socket open as {@code fd}: by ioctl when it can ({@link SocketQueueIoctl},
     * about a microsecond), else from {@code /proc} like {@link #read(InetSocketAddress, InetSocketAddress, Integer, Integer)}.
     *
     * @param fd the socket's file descriptor, or -1 when the transport does not expose it
     */
    public KernelReadout read(int fd, InetSocketAddress local, InetSocketAddress remote, Integer rcvBuf, Integer sndBuf) {
        if (enabled && fd >= 0 && os == OsFamily.current()) {
            if (SocketQueueIoctl.available()) {
                SocketQueueIoctl.Queues q = SocketQueueIoctl.read(fd);
                if (q != null) return new KernelReadout(q.rxQueue(), q.txQueue(), rcvBuf, sndBuf, null);
                if (os != OsFamily.LINUX) { // no /proc to ask instead
                    return KernelReadout.unavailable(Unavailable.CLOSED, "the socket's descriptor answered no queue sizes (closed?)", rcvBuf, sndBuf);
                }
            } else if (os == OsFamily.MAC) {
                return KernelReadout.unavailable(Unavailable.PLATFORM, "macOS tells the queues through getsockopt(SO_NREAD, SO_NWRITE), which could not be called: "
                        + SocketQueueIoctl.unavailableBecause(), rcvBuf, sndBuf);
            }
        }
        return read(local, remote, rcvBuf, sndBuf);
    }

    /**
     * The whole readout of the socket open as {@code fd} from its descriptor alone (Linux: the queues and
     * the buffer limits, three system calls), or null when that cannot be had here: then {@link #read(int,
     * InetSocketAddress, InetSocketAddress, Integer, Integer)} says why.
     */
    public KernelReadout readByDescriptor(int fd) {
        if (!enabled || os != OsFamily.LINUX || os != OsFamily.current()) return null;
        SocketQueueIoctl.QueuesAndBuffers q = SocketQueueIoctl.readWithBuffers(fd);
        return q == null ? null : new KernelReadout(q.rxQueue(), q.txQueue(), q.rcvBuf(), q.sndBuf(), null);
    }

    /** True when a readout of the socket open as {@code fd} costs a system call, not a table walk. */
    public boolean cheap(int fd) {
        return enabled && fd >= 0 && os == OsFamily.current() && SocketQueueIoctl.available();
    }

    /**
     * @param local this side's address of the connection
     * @param remote the peer's address
     * @param rcvBuf SO_RCVBUF as the socket reports it, or null
     * @param sndBuf SO_SNDBUF as the socket reports it, or null
     */
    public KernelReadout read(InetSocketAddress local, InetSocketAddress remote, Integer rcvBuf, Integer sndBuf) {
        if (!enabled) return KernelReadout.unavailable(Unavailable.OFF, "kernel readouts are switched off", rcvBuf, sndBuf);
        if (!available()) return KernelReadout.unavailable(Unavailable.PLATFORM, os.whyNoQueuesWithoutDescriptor(), rcvBuf, sndBuf);
        Optional<TcpTable.Row> row = row(local, remote);
        if (row.isEmpty()) {
            return KernelReadout.unavailable(Unavailable.CLOSED, "connection " + local + " -> " + remote
                    + " is not in /proc/net/tcp (already closed?)", rcvBuf, sndBuf);
        }
        return new KernelReadout(row.get().rxQueue(), row.get().txQueue(), rcvBuf, sndBuf, null);
    }

    /** The socket's line, or empty when it is not there (closed, or not Linux). */
    public Optional<TcpTable.Row> row(InetSocketAddress local, InetSocketAddress remote) {
        if (local == null || remote == null) return Optional.empty();
        for (Path p : new Path[] {tcp6, tcp}) { // Java opens dual-stack sockets: tcp6 first
            String text = readTable(p);
            if (text == null) continue;
            Optional<TcpTable.Row> row = TcpTable.find(text, local, remote);
            if (row.isPresent()) return row;
        }
        return Optional.empty();
    }

    private static String readTable(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.US_ASCII);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
