package dev.roundtrip.trace;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's detail after a missing readout's code ({@code "sampled: not read at this socket
 * read/write: ..."}), in the user's language. The recording keeps the engine's English byte for byte,
 * so the details the engine writes today are known here (each group a variable part: a number, an
 * address, an OS message) with a key whose English is that text unchanged; a detail it does not know
 * (an older or newer recording) is shown as recorded. {@code MissingReadoutWordsTest} builds the details
 * through the engine's own code, so a changed English text fails there. A phrase (keys {@code trace.missing.*}),
 * so the inspector, a lesson's step report and anything else say it in the language they are asked for.
 */
public final class MissingReadoutWords {
    private MissingReadoutWords() {}

    /** The engine's English (each group an argument) and the key, under {@code trace.missing.}, that says it. */
    private record Known(Pattern english, String key) {}

    private static final List<Known> KNOWN = List.of(
            // wire.Probes
            known("not read at this socket read/write: kernel readouts are sampled under load \\(at most (\\d{1,10}) back to back,"
                    + " (\\d{1,10}) per second under load\\); a held exchange is always measured", "kernelSampled"),
            known("kernel readouts are switched off", "kernelOff"),
            known("the socket is not connected", "notConnected"),
            known("TCP_INFO is read at most (\\d{1,10}) times a second under load, and not at this stage's end", "tcpSampled"),
            known("TCP_INFO is read through Netty's epoll transport \\(Linux\\); this connection uses NIO, whose JDK sockets do not expose it", "tcpNio"),
            known("the socket is closed", "socketClosed"),
            known("getsockopt\\(TCP_INFO\\) failed: (.*)", "tcpFailed"),
            // probe.KernelProbe, probe.OsFamily, probe.SocketQueueIoctl
            known("the socket's descriptor answered no queue sizes \\(closed\\?\\)", "descriptorNoQueues"),
            known("macOS tells the queues through getsockopt\\(SO_NREAD, SO_NWRITE\\), which could not be called:"
                    + " JNA could not bind the C library's calls: (.*)", "macNoBinding"),
            known("connection (\\S+) -> (\\S+) is not in /proc/net/tcp \\(already closed\\?\\)", "notInProc"),
            known("/proc/net/tcp is not readable here, and the transport hides the socket's descriptor that ioctl\\(SIOCINQ/SIOCOUTQ\\) needs", "linuxNoProc"),
            known("macOS tells a socket's queues \\(getsockopt SO_NREAD, SO_NWRITE\\) only through its descriptor, which the NIO transport hides"
                    + " \\(the kqueue transport shows it\\)", "macNio"),
            known("Windows tells a socket's queues only through its handle \\(ioctlsocket FIONREAD; SIO_TCP_INFO for the bytes in flight\\),"
                    + " which Java's NIO transport hides", "windowsNio"),
            known("(.+) has no socket-queue readout that Roundtrip knows", "otherOs"),
            // client.ClientConnection, client.H2ClientConnection
            known("the connection is not open yet", "notOpenYet"),
            // probe.MemoryProbe
            known("this JVM does not count the bytes each thread allocates", "noAllocationCounter"),
            known("the stage had not begun on this side: no allocation to count from", "stageNotBegun"),
            known("the stage began on another thread: a thread's allocation counter says nothing of another's", "otherThread"),
            known("the thread's allocation counter gave (-?\\d{1,19}) bytes for the program and (-?\\d{1,19}) for the instrument since the"
                    + " stage began \\(a negative difference: the split of instrument work is wrong\\)", "negativeAllocation"));

    private static Known known(String regex, String key) {
        return new Known(Pattern.compile(regex, Pattern.DOTALL), "trace.missing." + key);
    }

    /**
     * A readout's whole {@code unavailable} text ("sampled: not read at this socket read/write: ...") as
     * people read it: the code in words, the engine's detail too in the same language where it is one the
     * engine writes today, else as recorded; a detail that only repeats the code's words is said once.
     * A text with no code (a recording from before codes) is shown as it is.
     */
    public static Phrase reason(String unavailable) {
        Optional<Unavailable> code = Unavailable.of(unavailable);
        if (code.isEmpty()) return Phrase.of("trace.asRecorded", String.valueOf(unavailable));
        String key = "trace.why." + code.get().code();
        int colon = unavailable.indexOf(':');
        String detail = colon < 0 ? "" : unavailable.substring(colon + 1).trim();
        Phrase known = detail.isEmpty() ? null : phrase(detail);
        if (detail.isEmpty() || known != null && known.english().equalsIgnoreCase(Phrase.of(key, 0, "").english())) return Phrase.of(key, 0, "");
        return Phrase.of(key, 1, known != null ? known : detail);
    }

    /** {@code detail} as a phrase, or null when it is not one the engine writes (then it is shown as recorded). */
    public static Phrase phrase(String detail) {
        for (Known k : KNOWN) {
            Object[] args = arguments(k, detail);
            if (args != null) return Phrase.of(k.key, args);
        }
        return null;
    }

    /** {@code detail} in the language in use, or as recorded when it is not one the engine writes. */
    public static String said(String detail) {
        Phrase p = phrase(detail);
        return p == null ? detail : p.inUse();
    }

    /** {@code detail} in {@code language}, or as recorded when it is not one the engine writes. */
    public static String said(String detail, Locale language) {
        Phrase p = phrase(detail);
        return p == null ? detail : p.in(language);
    }

    /** True when {@code detail} is one the engine writes (for the test that keeps this list and the engine together). */
    public static boolean knows(String detail) {
        return phrase(detail) != null;
    }

    /** The variable parts of {@code detail} when it is {@code k}'s, else null. */
    private static Object[] arguments(Known k, String detail) {
        Matcher m = k.english.matcher(detail);
        if (!m.matches()) return null;
        Object[] args = new Object[m.groupCount()];
        for (int i = 0; i < args.length; i++) args[i] = m.group(i + 1);
        // a key whose English drifted from the engine's would misreport a recording: then it is not known
        return Phrase.of(k.key, args).english().equals(detail) ? args : null;
    }
}
