package dev.roundtrip.record;

import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * When each stage of one exchange began and ended, read from its events: the first BEGIN and the
 * last END or ERROR. A stage the exchange never reached has no span. Used by the HAR timings, the
 * diagrams, the timeline printer and to compare a re-sent exchange with the original.
 */
public final class StageTimes {
    /**
     * One stage's span in ns since the recording began. {@code endNanos} is null while the stage has
     * not ended (or never did: the client left).
     */
    public record Span(Stage stage, long beginNanos, Long endNanos, boolean failed, long bytes) {
        /** Duration in ns, or empty when the stage did not end. */
        public Optional<Long> durationNanos() {
            return endNanos == null ? Optional.empty() : Optional.of(Math.max(0, endNanos - beginNanos));
        }
    }

    private final Map<Stage, Span> spans;

    private StageTimes(Map<Stage, Span> spans) {
        this.spans = spans;
    }

    public static StageTimes of(Exchange exchange) {
        Map<Stage, long[]> acc = new EnumMap<>(Stage.class); // begin, end, failed, bytes, hasBegin, hasEnd, beginSeen
        for (StageEvent e : exchange.events()) {
            long[] a = acc.computeIfAbsent(e.stage(), s -> new long[] {0, 0, 0, 0, 0, 0, 0});
            if (e.phase() == Phase.BEGIN && a[6] == 0) { // a BEGIN published after a progress of the other side still opens the stage
                a[0] = a[4] == 0 ? e.tNanos() : Math.min(a[0], e.tNanos());
                a[4] = 1;
                a[6] = 1;
            }
            if (a[4] == 0) { // no BEGIN seen yet: the first event of the stage stands in for it
                a[0] = e.tNanos();
                a[4] = 1;
            }
            if (e.phase() == Phase.END || e.phase() == Phase.ERROR) {
                a[1] = e.tNanos();
                a[5] = 1;
                if (e.phase() == Phase.ERROR) a[2] = 1;
            }
            if (e.bytes() != null) a[3] += e.bytes().count();
        }
        Map<Stage, Span> spans = new EnumMap<>(Stage.class);
        acc.forEach((stage, a) -> spans.put(stage, new Span(stage, a[0], a[5] == 1 ? a[1] : null, a[2] == 1, a[3])));
        return new StageTimes(spans);
    }

    public Optional<Span> get(Stage stage) {
        return Optional.ofNullable(spans.get(stage));
    }

    /** Duration of {@code stage} in ns, if it began and ended. */
    public Optional<Long> durationNanos(Stage stage) {
        return get(stage).flatMap(Span::durationNanos);
    }

    public Map<Stage, Span> all() {
        return java.util.Collections.unmodifiableMap(spans);
    }
}
