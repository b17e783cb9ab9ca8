package dev.roundtrip.lab;

import dev.roundtrip.probe.KernelBudget;
import dev.roundtrip.server.DatabaseMode;
import java.net.InetAddress;

/**
 * How a {@link Lab} starts.
 *
 * @param bindAddress where the server listens: a loopback address only (default 127.0.0.1); anything
 *     else is refused, since only {@code roundtrip serve --bind ADDRESS} may expose the server
 * @param port the server port, 0 for any free one
 * @param maxKeptBytes at most this many bytes are kept per socket read or write (the count is always exact)
 * @param busCapacity events queued per listener before they are counted as dropped
 * @param kernelReadouts read the socket's kernel queues at each socket read or write: on Linux with
 *     the epoll transport two ioctl calls (about 2 µs); on NIO ({@code -Droundtrip.transport=nio}) or
 *     where ioctl fails, a read of /proc/net/tcp that costs 0.2 ms (idle laptop) to several ms (busy
 *     machine), which shows in stage durations
 * @param retainedExchanges the live recording keeps about this many exchanges and evicts (and
 *     counts) the oldest finished ones beyond it, so heap stays bounded under load
 * @param kernelSampled readouts at socket reads and writes follow {@link KernelBudget#sampled()} (/proc)
 *     and {@link KernelBudget#ioctlSampled()} (ioctl): every one for a lone exchange, a sample under load;
 *     false: every read and write is measured.
 *     Readouts at a gate and on demand are always taken.
 * @param warmupExchanges before the lab starts, this JVM must have run at least this many exchanges of
 *     its own on a private lab (see {@link Warmup}), so the first exchange a user sees does not show class
 *     loading and JIT as its cost; JVM-wide, so usually only the first lab of a JVM runs them. Default
 *     {@link Warmup#DEFAULT_EXCHANGES} (or {@code -Droundtrip.warmup=N}); 0 switches it off. Never in the lab's recording, ids or counters.
 * @param database where the demo database runs: {@link DatabaseMode#SOCKET} (H2's TCP server on loopback,
 *     each SQL call traced on its own socket) or {@link DatabaseMode#EMBEDDED} (in the JVM, no socket);
 *     default {@code -Droundtrip.database=socket|embedded}, else socket
 */
public record LabOptions(InetAddress bindAddress, int port, int maxKeptBytes, int busCapacity, boolean kernelReadouts,
                         int retainedExchanges, boolean kernelSampled, int warmupExchanges, DatabaseMode database) {
    /** About 40 MB of heap for ordinary exchanges; far more than a class sends in a session. */
    public static final int DEFAULT_RETAINED_EXCHANGES = 10_000;

    public LabOptions {
        if (bindAddress == null) bindAddress = InetAddress.getLoopbackAddress();
        dev.roundtrip.server.RoundtripServer.requireLoopback(bindAddress);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
        if (maxKeptBytes < 0) throw new IllegalArgumentException("maxKeptBytes must be >= 0, was " + maxKeptBytes);
        if (busCapacity < 1) throw new IllegalArgumentException("busCapacity must be >= 1, was " + busCapacity);
        if (retainedExchanges < 1) throw new IllegalArgumentException("retainedExchanges must be >= 1, was " + retainedExchanges);
        if (warmupExchanges < 0) throw new IllegalArgumentException("warmupExchanges must be >= 0, was " + warmupExchanges);
        if (database == null) database = DatabaseMode.fromProperty();
    }

    /** The options before the database had a socket: the mode {@code -Droundtrip.database} names applies. */
    public LabOptions(InetAddress bindAddress, int port, int maxKeptBytes, int busCapacity, boolean kernelReadouts,
                      int retainedExchanges, boolean kernelSampled, int warmupExchanges) {
        this(bindAddress, port, maxKeptBytes, busCapacity, kernelReadouts, retainedExchanges, kernelSampled, warmupExchanges, null);
    }

    /** The demo database embedded or over its own socket. */
    public LabOptions withDatabase(DatabaseMode mode) {
        return new LabOptions(bindAddress, port, maxKeptBytes, busCapacity, kernelReadouts, retainedExchanges, kernelSampled, warmupExchanges, mode);
    }

    /** The options before the warm-up existed: the default warm-up applies ({@link Warmup#defaultExchanges()}). */
    public LabOptions(InetAddress bindAddress, int port, int maxKeptBytes, int busCapacity, boolean kernelReadouts,
                      int retainedExchanges, boolean kernelSampled) {
        this(bindAddress, port, maxKeptBytes, busCapacity, kernelReadouts, retainedExchanges, kernelSampled, Warmup.defaultExchanges());
    }

    /** The options before the retention limit existed: the default limit applies. */
    public LabOptions(InetAddress bindAddress, int port, int maxKeptBytes, int busCapacity, boolean kernelReadouts) {
        this(bindAddress, port, maxKeptBytes, busCapacity, kernelReadouts, DEFAULT_RETAINED_EXCHANGES, true);
    }

    public LabOptions withKernelSampled(boolean on) {
        return new LabOptions(bindAddress, port, maxKeptBytes, busCapacity, kernelReadouts, retainedExchanges, on, warmupExchanges, database);
    }

    /** A fresh budget for one lab's per-read/write kernel readouts. */
    public KernelBudget kernelBudget() {
        return kernelSampled ? KernelBudget.sampled() : KernelBudget.unlimited();
    }

    public LabOptions withRetainedExchanges(int n) {
        return new LabOptions(bindAddress, port, maxKeptBytes, busCapacity, kernelReadouts, n, kernelSampled, warmupExchanges, database);
    }

    public static LabOptions defaults() {
        return new LabOptions(InetAddress.getLoopbackAddress(), 0, 1 << 20, dev.roundtrip.trace.TraceBus.DEFAULT_CAPACITY, true,
                DEFAULT_RETAINED_EXCHANGES, true, Warmup.defaultExchanges(), DatabaseMode.fromProperty());
    }

    public LabOptions withBindAddress(InetAddress a) {
        return new LabOptions(a, port, maxKeptBytes, busCapacity, kernelReadouts, retainedExchanges, kernelSampled, warmupExchanges, database);
    }

    public LabOptions withPort(int p) {
        return new LabOptions(bindAddress, p, maxKeptBytes, busCapacity, kernelReadouts, retainedExchanges, kernelSampled, warmupExchanges, database);
    }

    public LabOptions withMaxKeptBytes(int n) {
        return new LabOptions(bindAddress, port, n, busCapacity, kernelReadouts, retainedExchanges, kernelSampled, warmupExchanges, database);
    }

    public LabOptions withBusCapacity(int n) {
        return new LabOptions(bindAddress, port, maxKeptBytes, n, kernelReadouts, retainedExchanges, kernelSampled, warmupExchanges, database);
    }

    /** How many warm-up exchanges this JVM must have run before the lab starts; 0: no warm-up. */
    public LabOptions withWarmupExchanges(int n) {
        return new LabOptions(bindAddress, port, maxKeptBytes, busCapacity, kernelReadouts, retainedExchanges, kernelSampled, n, database);
    }

    public LabOptions withKernelReadouts(boolean on) {
        return new LabOptions(bindAddress, port, maxKeptBytes, busCapacity, on, retainedExchanges, kernelSampled, warmupExchanges, database);
    }
}
