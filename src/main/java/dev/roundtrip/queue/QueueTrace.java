package dev.roundtrip.queue;

import dev.roundtrip.trace.AppendOnlyList;
import dev.roundtrip.trace.TraceClock;
import java.util.List;

/**
 * Every event of one queue run, append-only, readable from any thread while it grows (as a live
 * {@link dev.roundtrip.record.Recording} is). Appends are serialised here, so events are in the
 * order they happened.
 */
public final class QueueTrace {
    private final TraceClock clock;
    private final AppendOnlyList<JobEvent> events = new AppendOnlyList<>();

    public QueueTrace(TraceClock clock) {
        this.clock = clock;
    }

    public TraceClock clock() {
        return clock;
    }

    synchronized void append(JobEvent e) {
        events.add(e);
    }

    public List<JobEvent> events() {
        return events.snapshot();
    }

    /** Grows with every event: a reader polls it to know whether to look again. */
    public int size() {
        return events.size();
    }
}
