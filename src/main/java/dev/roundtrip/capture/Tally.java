package dev.roundtrip.capture;

import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.wire.Probes;
import io.netty.buffer.ByteBuf;

/**
 * One stage's socket reads or writes in a captured exchange, with the caps that keep a long body's
 * recording small: the first {@value #EACH} are recorded one by one, later ones as one event per
 * {@value #EVERY}; the bytes themselves are kept up to a budget per stage. Counts are always exact.
 */
final class Tally {
    static final int EACH = 200;
    static final int EVERY = 256;

    private final Probes probes;
    private int budget;
    /** Socket reads or writes so far. */
    int ops;
    long bytes;
    /** Counted but not yet in an event (the summarised stretch). */
    private int pendingOps;
    private int pendingBytes;
    /** Allocation mark at the stage's begin, for its memory readouts. */
    dev.roundtrip.probe.MemoryProbe.Mark mark;

    Tally(Probes probes, int budget) {
        this.probes = probes;
        this.budget = budget;
    }

    /** Counts one read or write; true when it gets an event of its own. */
    boolean count(int n) {
        ops++;
        bytes += n;
        if (ops <= EACH) return true;
        pendingOps++;
        pendingBytes += n;
        return false;
    }

    /** True when the summarised stretch is long enough for its event. */
    boolean summaryDue() {
        return pendingOps >= EVERY;
    }

    boolean hasPending() {
        return pendingOps > 0;
    }

    /** The summarised stretch as "socket reads #201–#456: 16777216 bytes", counted bytes kept none; resets it. */
    Phrase takeSummary(String what, BytesReadout[] readout) {
        Phrase text = Phrase.of("read".equals(what) ? "capture.readsSummary" : "capture.writesSummary", ops - pendingOps + 1, ops, pendingBytes,
                EACH, EVERY);
        readout[0] = new BytesReadout(pendingBytes, new byte[0]);
        pendingOps = 0;
        pendingBytes = 0;
        return text;
    }

    BytesReadout keep(ByteBuf buf) {
        BytesReadout r = probes.bytes(buf, budget);
        budget -= r.keptLength();
        return r;
    }
}
