package dev.roundtrip.lab;

import java.net.InetAddress;

/**
 * How a {@link Lab} starts.
 *
 * @param bindAddress where the server listens: a loopback address only (default 127.0.0.1); anything
 *     else is refused, since only {@code roundtrip serve --bind ADDRESS} may expose the server
 * @param port the server port, 0 for any free one
 * @param maxKeptBytes at most this many bytes are kept per socket read or write (the count is always exact)
 * @param busCapacity events queued per listener before they are counted as dropped
 * @param kernelReadouts read the kernel's socket tables at each socket read or write; each read
 *     costs from 0.2 ms (idle laptop) to several ms (busy machine), which shows in stage durations
 */
public record LabOptions(InetAddress bindAddress, int port, int maxKeptBytes, int busCapacity, boolean kernelReadouts) {
    public LabOptions {
        if (bindAddress == null) bindAddress = InetAddress.getLoopbackAddress();
        dev.roundtrip.server.RoundtripServer.requireLoopback(bindAddress);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
        if (maxKeptBytes < 0) throw new IllegalArgumentException("maxKeptBytes must be >= 0, was " + maxKeptBytes);
        if (busCapacity < 1) throw new IllegalArgumentException("busCapacity must be >= 1, was " + busCapacity);
    }

    public static LabOptions defaults() {
        return new LabOptions(InetAddress.getLoopbackAddress(), 0, 1 << 20, dev.roundtrip.trace.TraceBus.DEFAULT_CAPACITY, true);
    }

    public LabOptions withBindAddress(InetAddress a) {
        return new LabOptions(a, port, maxKeptBytes, busCapacity, kernelReadouts);
    }

    public LabOptions withPort(int p) {
        return new LabOptions(bindAddress, p, maxKeptBytes, busCapacity, kernelReadouts);
    }

    public LabOptions withMaxKeptBytes(int n) {
        return new LabOptions(bindAddress, port, n, busCapacity, kernelReadouts);
    }

    public LabOptions withBusCapacity(int n) {
        return new LabOptions(bindAddress, port, maxKeptBytes, n, kernelReadouts);
    }

    public LabOptions withKernelReadouts(boolean on) {
        return new LabOptions(bindAddress, port, maxKeptBytes, busCapacity, on);
    }
}
