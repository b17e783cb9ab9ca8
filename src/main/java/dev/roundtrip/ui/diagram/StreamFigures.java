package dev.roundtrip.ui.diagram;

import dev.roundtrip.text.Units;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.StageEvent;
import java.util.List;

/**
 * An HTTP/2 stage's figures, which the socket's alone would get wrong: one read or write carries the
 * frames of several streams and is recorded once, on the first stream's exchange, so a stream's stage
 * may own no socket call at all. Its figures are its own frames' bytes, and the socket call that
 * carried them: "35 B in 2 frames · in s3's socket read · 0.7 ms".
 */
final class StreamFigures {
    private StreamFigures() {}

    /** {@code step} with an h2 stage's figures, or as it is when none of {@code events} is a frame of its stream. */
    static DiagramStep of(DiagramStep step, Exchange x, List<StageEvent> events, List<Exchange> all) {
        StageEvent first = null;
        long bytes = 0;
        int frames = 0;
        for (StageEvent e : events) {
            if (e.frame() == null || e.frame().connectionLevel()) continue;
            if (first == null) first = e;
            bytes += e.frame().wireLength();
            frames++;
        }
        if (first == null) return step;
        String noun = step.stage() == dev.roundtrip.trace.Stage.SEND || step.stage() == dev.roundtrip.trace.Stage.RESPOND ? "writes" : "reads";
        String carried;
        if (step.socketOps() == 0) {
            Integer stream = carrier(x, first, all);
            carried = stream == null ? DiagramScript.T.get("h2.carried.unknown." + noun)
                    : stream == 0 ? DiagramScript.T.get("h2.carried.connection." + noun)
                    : DiagramScript.T.get("h2.carried." + noun, String.valueOf(stream));
        } else {
            String count = DiagramScript.T.get("count." + noun, step.socketOps());
            carried = step.bytes() == bytes ? count : DiagramScript.T.get("h2.socket", count, Units.bytes(step.bytes()));
        }
        String figures = DiagramScript.T.get("h2.frames", Units.bytes(bytes), frames) + " · " + carried + " · "
                + Units.duration(step.durationNanos());
        return DiagramScript.withFigures(step, figures);
    }

    /**
     * The stream whose exchange holds the socket call that carried {@code frame}: the last one of the same
     * side on the same connection before it (a call is recorded just before the frames that end in it).
     * 0: the connection's (before any stream); null: not in {@code all}.
     */
    private static Integer carrier(Exchange x, StageEvent frame, List<Exchange> all) {
        StageEvent best = null;
        Exchange owner = null;
        for (Exchange other : all) {
            if (other.id() == x.id()) continue;
            for (StageEvent e : other.events()) {
                if (e.connectionId() != frame.connectionId() || e.actor() != frame.actor() || e.tNanos() > frame.tNanos()) continue;
                if (e.bytes() == null && e.plain() == null) continue;
                if (best == null || e.tNanos() >= best.tNanos()) {
                    best = e;
                    owner = other;
                }
            }
        }
        return owner == null ? null : ConnectionFrames.streamOf(owner);
    }
}
