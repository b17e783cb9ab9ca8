package dev.roundtrip.wire;

import dev.roundtrip.probe.KernelBudget;
import dev.roundtrip.probe.KernelProbe;
import dev.roundtrip.probe.MemoryProbe;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.RecentBytes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.socket.SocketChannelConfig;
import io.netty.util.internal.PlatformDependent;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Readouts taken from a Netty channel and its buffers: the probes, fed with Netty's facts. */
public final class Probes {
    private final KernelProbe kernel;
    private final MemoryProbe memory;
    private final int maxKeptBytes;
    private final KernelBudget budget;
    private final KernelBudget ioctlBudget;
    private final Transport transport;
    private final KernelReadout sampledOut;
    private final KernelReadout ioctlSampledOut;
    private final java.util.concurrent.atomic.AtomicLong kernelReads = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong kernelSkipped = new java.util.concurrent.atomic.AtomicLong();

    public Probes(KernelProbe kernel, int maxKeptBytes) {
        this(kernel, maxKeptBytes, KernelBudget.unlimited());
    }

    /** @param budget how many /proc readouts the per-read/write path may take (gates always read) */
    public Probes(KernelProbe kernel, int maxKeptBytes, KernelBudget budget) {
        this(kernel, maxKeptBytes, budget, Transport.preferred());
    }

    /** @param transport the Netty transport server and client use (epoll lets readouts be ioctl calls) */
    public Probes(KernelProbe kernel, int maxKeptBytes, KernelBudget budget, Transport transport) {
        this(kernel, maxKeptBytes, budget, budget.unlimitedBudget() ? KernelBudget.unlimited() : KernelBudget.ioctlSampled(), transport);
    }

    /** @param ioctlBudget how many ioctl readouts the per-read/write path may take */
    Probes(KernelProbe kernel, int maxKeptBytes, KernelBudget budget, KernelBudget ioctlBudget, Transport transport) {
        this.kernel = kernel;
        this.kernelOff = kernel.enabled() ? null : kernel.read(null, null, null, null);
        this.transport = transport;
        // binding the ioctl loads JNA (tens of ms): done now, not inside the first traced socket write
        if (kernel.enabled() && transport != Transport.NIO) dev.roundtrip.probe.SocketQueueIoctl.available();
        this.budget = budget;
        this.ioctlBudget = ioctlBudget;
        // one shared instance each: a sampled-out readout costs no heap per event
        this.sampledOut = sampledOut(budget);
        this.ioctlSampledOut = sampledOut(ioctlBudget);
        // Netty allocates direct memory outside the JDK's pool when it can; that counter is its own.
        this.memory = new MemoryProbe(() -> Math.max(0, PlatformDependent.usedDirectMemory()));
        this.maxKeptBytes = maxKeptBytes;
    }

    public Probes() {
        this(new KernelProbe(), 1 << 20);
    }

    public MemoryProbe memory() {
        return memory;
    }

    public Transport transport() {
        return transport;
    }

    public KernelProbe kernelProbe() {
        return kernel;
    }

    public int maxKeptBytes() {
        return maxKeptBytes;
    }

    /** This channel's socket as the kernel sees it now. */
    public KernelReadout kernel(Channel ch) {
        if (kernel.enabled()) kernelReads.incrementAndGet();
        memory.instrumentStart();
        try {
            return readKernel(ch);
        } finally {
            memory.instrumentStop();
        }
    }

    /**
     * The readout at a socket read or write while its budget allows (an ioctl readout's {@link
     * KernelBudget#ioctlSampled()}, a /proc one's the {@link KernelBudget} given), otherwise a shared
     * "sampled" readout that says so.
     * Switched-off probes answer at once either way.
     */
    public KernelReadout kernelSampled(Channel ch) {
        if (!kernel.enabled()) return kernel(ch);
        boolean ioctl = kernel.cheap(Transport.fd(ch));
        if ((ioctl ? ioctlBudget : budget).take()) return kernel(ch);
        kernelSkipped.incrementAndGet();
        return ioctl ? ioctlSampledOut : sampledOut;
    }

    private static KernelReadout sampledOut(KernelBudget b) {
        return KernelReadout.unavailable(dev.roundtrip.trace.Unavailable.SAMPLED, "not read at this socket read/write: kernel readouts are sampled under load ("
                + b + "); a held exchange is always measured", null, null);
    }

    /** Kernel readouts taken, and per-read/write readouts left out by sampling. */
    public long kernelReads() {
        return kernelReads.get();
    }

    public long kernelSkipped() {
        return kernelSkipped.get();
    }

    private KernelReadout readKernel(Channel ch) {
        if (!kernel.enabled()) return kernelOff;
        if (ch.isActive()) { // connected: an unconnected socket is told apart below
            KernelReadout k = kernel.readByDescriptor(Transport.fd(ch)); // one call fewer than asking the buffer sizes apart
            if (k != null) return k;
        }
        Integer rcv = null;
        Integer snd = null;
        if (ch.config() instanceof SocketChannelConfig c && ch.isOpen()) {
            try {
                rcv = c.getReceiveBufferSize();
                snd = c.getSendBufferSize();
            } catch (ChannelException e) {
                // closed under our feet: the queues below will say so
            }
        }
        SocketAddress local = ch.localAddress();
        SocketAddress remote = ch.remoteAddress();
        if (!(local instanceof InetSocketAddress l) || !(remote instanceof InetSocketAddress r)) {
            return KernelReadout.unavailable(dev.roundtrip.trace.Unavailable.CLOSED, "the socket is not connected", rcv, snd);
        }
        return kernel.read(Transport.fd(ch), l, r, rcv, snd);
    }

    /**
     * Switched off, the kernel is not asked at all, the buffer sizes neither (the probe's own "switched off"
     * readout, one for all): two getsockopt calls at every socket read and write made "kernel readouts off"
     * slower than the sampled readouts it was meant to spare.
     */
    private final KernelReadout kernelOff;

    private static final String[] TCP_STATES = {"", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
            "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"};

    /**
     * The connection's TCP_INFO: read by the epoll transport's getsockopt (Linux); on NIO the JDK
     * offers no way to it, and the readout says so.
     */
    public dev.roundtrip.trace.TcpReadout tcp(Channel ch) {
        memory.instrumentStart();
        try {
            return readTcp(ch);
        } finally {
            memory.instrumentStop();
        }
    }

    /**
     * The connection's TCP_INFO at a stage's end: read while {@link #TCP_BUDGET_BURST} back to back and
     * {@link #TCP_BUDGET_PER_SECOND} a second under load allow (a getsockopt each, about a microsecond;
     * a class's exchanges are always measured), else a shared readout that says it was sampled out.
     */
    public dev.roundtrip.trace.TcpReadout tcpAtStageEnd(Channel ch) {
        if (!kernel.enabled()) return TCP_OFF;
        if (!(ch instanceof io.netty.channel.epoll.EpollSocketChannel)) return TCP_NOT_HERE;
        return tcpBudget.take() ? tcp(ch) : TCP_SAMPLED;
    }

    static final int TCP_BUDGET_BURST = 64;
    static final int TCP_BUDGET_PER_SECOND = 200;
    private final dev.roundtrip.probe.KernelBudget tcpBudget = new dev.roundtrip.probe.KernelBudget(TCP_BUDGET_BURST, TCP_BUDGET_PER_SECOND);
    private static final dev.roundtrip.trace.TcpReadout TCP_SAMPLED = dev.roundtrip.trace.TcpReadout.unavailable(dev.roundtrip.trace.Unavailable.SAMPLED,
            "TCP_INFO is read at most " + TCP_BUDGET_PER_SECOND + " times a second under load, and not at this stage's end");
    private static final dev.roundtrip.trace.TcpReadout TCP_OFF = dev.roundtrip.trace.TcpReadout.unavailable(dev.roundtrip.trace.Unavailable.OFF,
            "kernel readouts are switched off");
    private static final dev.roundtrip.trace.TcpReadout TCP_NOT_HERE = dev.roundtrip.trace.TcpReadout.unavailable(dev.roundtrip.trace.Unavailable.PLATFORM,
            "TCP_INFO is read through Netty's epoll transport (Linux); this connection uses NIO, whose JDK sockets do not expose it");

    private static dev.roundtrip.trace.TcpReadout readTcp(Channel ch) {
        if (!(ch instanceof io.netty.channel.epoll.EpollSocketChannel e)) return TCP_NOT_HERE;
        if (!e.isOpen() || !e.fd().isOpen()) {
            return dev.roundtrip.trace.TcpReadout.unavailable(dev.roundtrip.trace.Unavailable.CLOSED, "the socket is closed");
        }
        try {
            io.netty.channel.epoll.EpollTcpInfo i = e.tcpInfo();
            int s = i.state();
            String state = s > 0 && s < TCP_STATES.length ? TCP_STATES[s] : "state " + s;
            return new dev.roundtrip.trace.TcpReadout(state, i.rtt(), i.rttvar(), i.sndCwnd(), i.sndMss(), i.totalRetrans(),
                    i.unacked(), null);
        } catch (ChannelException ex) {
            return dev.roundtrip.trace.TcpReadout.unavailable(dev.roundtrip.trace.Unavailable.CLOSED,
                    "getsockopt(TCP_INFO) failed: " + ex.getMessage());
        }
    }

    /** The readable bytes of {@code buf}, without moving its indexes. */
    public BytesReadout bytes(ByteBuf buf) {
        return bytes(buf, maxKeptBytes);
    }

    /**
     * The readable bytes of {@code buf}, as one of the connection's {@code recent} readouts when it holds the
     * same bytes (no new readout, and the event costs no lookup to share it).
     */
    public BytesReadout bytes(ByteBuf buf, RecentBytes recent) {
        memory.instrumentStart();
        try {
            return recent.of(buf.readableBytes(), keep(buf, maxKeptBytes));
        } finally {
            memory.instrumentStop();
        }
    }

    /** The same, keeping at most {@code keepAtMost} bytes (and never more than the cap): a caller's own budget. */
    public BytesReadout bytes(ByteBuf buf, int keepAtMost) {
        memory.instrumentStart();
        try {
            return copy(buf, Math.min(keepAtMost, maxKeptBytes));
        } finally {
            memory.instrumentStop();
        }
    }

    private static BytesReadout copy(ByteBuf buf, int cap) {
        return BytesReadout.adopting(buf.readableBytes(), keep(buf, cap));
    }

    private static byte[] keep(ByteBuf buf, int cap) {
        byte[] kept = new byte[Math.max(0, Math.min(buf.readableBytes(), cap))];
        buf.getBytes(buf.readerIndex(), kept);
        return kept;
    }

    public static BufferReadout buffer(ByteBuf buf) {
        return new BufferReadout(buf.capacity(), buf.readerIndex(), buf.writerIndex());
    }
}
