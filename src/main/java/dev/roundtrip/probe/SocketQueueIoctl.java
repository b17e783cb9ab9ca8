package dev.roundtrip.probe;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/**
 * This socket's queues straight from the kernel, through its file descriptor: bytes received and not
 * yet read, and bytes sent and not yet acknowledged. Two system calls, about a microsecond, where
 * reading {@code /proc/net/tcp6} walks every socket of the machine. Java cannot make these calls, so
 * this goes through JNA.
 * <ul>
 *   <li>Linux: {@code ioctl(fd, SIOCINQ)} and {@code ioctl(fd, SIOCOUTQ)}, the rx_queue and tx_queue of
 *       {@code /proc/net/tcp} for an established socket.
 *   <li>macOS: {@code getsockopt(fd, SOL_SOCKET, SO_NREAD)} (for a stream socket the bytes in the receive
 *       buffer, what FIONREAD answers) and {@code SO_NWRITE} (the send buffer's bytes not yet acknowledged).
 *       getsockopt, not the variadic ioctl: on Apple silicon variadic arguments travel on the stack, and a
 *       direct JNA mapping would pass them in registers.
 * </ul>
 * Windows has no descriptor here (Java's NIO hides the socket handle): no call is made.
 */
public final class SocketQueueIoctl {
    /** linux/sockios.h: SIOCINQ = FIONREAD, SIOCOUTQ = TIOCOUTQ. */
    private static final NativeLong SIOCINQ = new NativeLong(0x541B), SIOCOUTQ = new NativeLong(0x5411);
    /** macOS sys/socket.h. */
    private static final int SOL_SOCKET = 0xffff, SO_NREAD = 0x1020, SO_NWRITE = 0x1024;

    /** The two queues, in bytes. */
    public record Queues(long rxQueue, long txQueue) {}

    /** The two queues and the two buffer limits, in bytes. */
    public record QueuesAndBuffers(long rxQueue, long txQueue, int rcvBuf, int sndBuf) {}

    /** linux/sock_diag.h: SO_MEMINFO answers u32[SK_MEMINFO_VARS]; RCVBUF and SNDBUF are sk_rcvbuf and sk_sndbuf. */
    private static final int LINUX_SOL_SOCKET = 1, SO_MEMINFO = 55, SK_MEMINFO_VARS = 9, SK_MEMINFO_RCVBUF = 1, SK_MEMINFO_SNDBUF = 3;

    private static final OsFamily OS = OsFamily.current();
    /** Null when the calls are bound, else why not. */
    private static final String UNBOUND = bind();

    private SocketQueueIoctl() {}

    private static String bind() {
        if (OS != OsFamily.LINUX && OS != OsFamily.MAC) return OS + " gives no socket queues through a descriptor";
        try {
            Native.register(SocketQueueIoctl.class, Platform.C_LIBRARY_NAME);
            return null;
        } catch (Throwable e) { // no JNA native part for this CPU, or no libc: /proc (Linux) or "not available"
            return "JNA could not bind the C library's calls: " + e;
        }
    }

    /** Direct mapping; an int[1] is passed as a pointer to an int (no native Memory allocated per call). */
    private static native int ioctl(int fd, NativeLong request, int[] out);

    private static native int getsockopt(int fd, int level, int name, int[] value, int[] length);

    /** True on Linux and macOS when the calls could be bound. */
    public static boolean available() {
        return UNBOUND == null;
    }

    /** Why {@link #available()} is false, or null. */
    public static String unavailableBecause() {
        return UNBOUND;
    }

    /** The queues of the socket open as {@code fd}, or null when it cannot tell (no calls here, closed, not a TCP socket). */
    public static Queues read(int fd) {
        if (UNBOUND != null || fd < 0) return null;
        int[] in = new int[1];
        int[] out = new int[1];
        if (OS == OsFamily.MAC) {
            int[] length = {4};
            if (getsockopt(fd, SOL_SOCKET, SO_NREAD, in, length) != 0) return null;
            length[0] = 4;
            if (getsockopt(fd, SOL_SOCKET, SO_NWRITE, out, length) != 0) return null;
        } else {
            if (ioctl(fd, SIOCINQ, in) != 0) return null;
            if (ioctl(fd, SIOCOUTQ, out) != 0) return null;
        }
        return new Queues(Integer.toUnsignedLong(in[0]), Integer.toUnsignedLong(out[0]));
    }

    /**
     * Linux: the queues and, in one more call, both buffer limits: {@code getsockopt(SO_MEMINFO)}'s
     * RCVBUF and SNDBUF are the same {@code sk_rcvbuf} and {@code sk_sndbuf} that {@code getsockopt(SO_RCVBUF)}
     * and {@code SO_SNDBUF} answer, so three system calls give what four gave. Null elsewhere or when it cannot tell.
     */
    public static QueuesAndBuffers readWithBuffers(int fd) {
        if (UNBOUND != null || fd < 0 || OS != OsFamily.LINUX) return null;
        int[] in = new int[1];
        int[] out = new int[1];
        int[] mem = new int[SK_MEMINFO_VARS];
        int[] length = {SK_MEMINFO_VARS * 4};
        if (ioctl(fd, SIOCINQ, in) != 0 || ioctl(fd, SIOCOUTQ, out) != 0) return null;
        if (getsockopt(fd, LINUX_SOL_SOCKET, SO_MEMINFO, mem, length) != 0 || length[0] <= SK_MEMINFO_SNDBUF * 4) return null;
        return new QueuesAndBuffers(Integer.toUnsignedLong(in[0]), Integer.toUnsignedLong(out[0]), mem[SK_MEMINFO_RCVBUF], mem[SK_MEMINFO_SNDBUF]);
    }
}
