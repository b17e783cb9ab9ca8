package dev.roundtrip.probe;

import java.util.Locale;

/**
 * The operating systems whose kernels answer differently for a socket's queues: Linux through
 * {@code ioctl(SIOCINQ/SIOCOUTQ)} on the descriptor or {@code /proc/net/tcp}, macOS through
 * {@code getsockopt(SO_NREAD/SO_NWRITE)} on the descriptor, Windows only through the socket's handle.
 */
public enum OsFamily {
    LINUX, MAC, WINDOWS, OTHER;

    private static final OsFamily CURRENT = of(System.getProperty("os.name", ""));

    /** The OS this JVM runs on. */
    public static OsFamily current() {
        return CURRENT;
    }

    /** From {@code os.name}: "Linux", "Mac OS X", "Windows 11". */
    public static OsFamily of(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) return LINUX;
        if (os.startsWith("mac") || os.startsWith("darwin")) return MAC;
        if (os.startsWith("windows")) return WINDOWS;
        return OTHER;
    }

    /**
     * Why this OS gave no queues for a socket whose descriptor the transport does not show (NIO): the
     * explanation after {@code platform:}.
     */
    String whyNoQueuesWithoutDescriptor() {
        switch (this) {
            case LINUX:
                return "/proc/net/tcp is not readable here, and the transport hides the socket's descriptor that ioctl(SIOCINQ/SIOCOUTQ) needs";
            case MAC:
                return "macOS tells a socket's queues (getsockopt SO_NREAD, SO_NWRITE) only through its descriptor, which the NIO transport hides"
                        + " (the kqueue transport shows it)";
            case WINDOWS:
                return "Windows tells a socket's queues only through its handle (ioctlsocket FIONREAD; SIO_TCP_INFO for the bytes in flight),"
                        + " which Java's NIO transport hides";
            default:
                return System.getProperty("os.name", "this OS") + " has no socket-queue readout that Roundtrip knows";
        }
    }
}
