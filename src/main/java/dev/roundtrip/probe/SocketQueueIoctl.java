package dev.roundtrip.probe;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/**
 * This socket's queues straight from the kernel: {@code ioctl(fd, SIOCINQ)} (bytes received and not
 * yet read) and {@code ioctl(fd, SIOCOUTQ)} (bytes sent and not yet acknowledged), the same figures as
 * the rx_queue and tx_queue of {@code /proc/net/tcp} for an established socket. Two system calls,
 * about a microsecond, where reading {@code /proc/net/tcp6} walks every socket of the machine.
 * Java cannot call ioctl, so this goes through JNA; only Linux, only with the socket's descriptor.
 */
public final class SocketQueueIoctl {
    /** linux/sockios.h: SIOCINQ = FIONREAD, SIOCOUTQ = TIOCOUTQ. */
    private static final NativeLong SIOCINQ = new NativeLong(0x541B), SIOCOUTQ = new NativeLong(0x5411);

    /** The two queues, in bytes. */
    public record Queues(long rxQueue, long txQueue) {}

    private static final boolean AVAILABLE = load();

    private SocketQueueIoctl() {}

    private static boolean load() {
        if (!Platform.isLinux()) return false;
        try {
            Native.register(SocketQueueIoctl.class, Platform.C_LIBRARY_NAME);
            return true;
        } catch (Throwable e) { // no JNA native part for this CPU, or no libc: /proc is the way then
            return false;
        }
    }

    /** Direct mapping; an int[1] is passed as a pointer to an int (no native Memory allocated per call). */
    private static native int ioctl(int fd, NativeLong request, int[] out);

    /** True on Linux when the ioctl could be bound. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** The queues of the socket open as {@code fd}, or null when it cannot tell (not Linux, closed, not a TCP socket). */
    public static Queues read(int fd) {
        if (!AVAILABLE || fd < 0) return null;
        int[] in = new int[1];
        int[] out = new int[1];
        if (ioctl(fd, SIOCINQ, in) != 0) return null;
        if (ioctl(fd, SIOCOUTQ, out) != 0) return null;
        return new Queues(Integer.toUnsignedLong(in[0]), Integer.toUnsignedLong(out[0]));
    }
}
