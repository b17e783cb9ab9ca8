package dev.roundtrip.server;

import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.TcpReadout;
import dev.roundtrip.wire.Probes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One database connection as the relay carries it: the bytes in each direction, kept as turns (a turn
 * ends where the other side starts to send). H2's protocol is strictly request-response (the client
 * writes, then waits for the whole answer), so when a JDBC call returns, every byte of it has crossed
 * the relay already and {@link #drain()} holds exactly that call's traffic.
 * Written on the relay's event loop, drained by the worker that made the call.
 */
final class RelayedLink {
    /** Bytes that went one way without a break by the other side. */
    record Turn(boolean toDatabase, long count, byte[] kept, long firstNanos, long lastNanos, KernelReadout kernel) {}

    private final Probes probes;
    private final dev.roundtrip.trace.TraceClock clock;
    /** The relay's end of the JDBC client's connection: its kernel readouts are the server's database socket. */
    final Channel client;
    private final List<Turn> turns = new ArrayList<>();
    private Boolean open; // direction of the turn being filled, null: none
    private long count;
    private ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long first;
    private long last;
    private KernelReadout kernel;

    RelayedLink(Probes probes, dev.roundtrip.trace.TraceClock clock, Channel client) {
        this.probes = probes;
        this.clock = clock;
        this.client = client;
    }

    /** On the relay's event loop, before the bytes are passed on. */
    synchronized void crossed(boolean toDatabase, ByteBuf buf) {
        long now = clock.now();
        if (open == null || open != toDatabase) {
            close();
            open = toDatabase;
            first = now;
        }
        int n = buf.readableBytes();
        int room = Math.max(0, probes.maxKeptBytes() - kept.size());
        if (room > 0) {
            byte[] b = new byte[Math.min(room, n)];
            buf.getBytes(buf.readerIndex(), b);
            kept.writeBytes(b);
        }
        count += n;
        last = now;
        kernel = probes.kernelSampled(client);
    }

    private void close() {
        if (open == null) return;
        turns.add(new Turn(open, count, kept.toByteArray(), first, last, kernel));
        open = null;
        count = 0;
        kept = new ByteArrayOutputStream();
        kernel = null;
    }

    /** The turns since the last drain, the one being filled included. */
    synchronized List<Turn> drain() {
        close();
        List<Turn> out = List.copyOf(turns);
        turns.clear();
        return out;
    }

    TcpReadout tcp() {
        return probes.tcp(client);
    }

    KernelReadout kernel() {
        return probes.kernel(client);
    }
}
