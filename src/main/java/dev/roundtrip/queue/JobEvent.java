package dev.roundtrip.queue;

import dev.roundtrip.trace.Phase;

/**
 * One measured step of one job: the queue's parallel of {@link dev.roundtrip.trace.StageEvent}.
 * Times come from the same {@link dev.roundtrip.trace.TraceClock} as the HTTP exchanges, so both
 * can be drawn on one time axis.
 *
 * @param lane the lifeline: {@code producer}, {@code queue} or {@code consumer-1}, {@code consumer-2}, ...
 * @param queueDepth jobs in the queue right after this event
 */
public record JobEvent(long jobId, JobStage stage, Phase phase, String lane, long tNanos, String thread, int queueDepth) {
    public static final String PRODUCER = "producer";
    public static final String QUEUE = "queue";

    public static String consumer(int n) {
        return "consumer-" + n;
    }
}
