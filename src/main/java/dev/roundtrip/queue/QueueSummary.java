package dev.roundtrip.queue;

import dev.roundtrip.trace.Phase;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures of one queue run, computed from its {@link QueueTrace} (never counted on the side).
 *
 * @param jobsDone jobs whose WORK ended
 * @param consumersUsed consumer lanes that finished at least one job
 * @param maxDepth most jobs in the queue at once
 * @param maxWaitNanos longest WAIT (queued to taken)
 * @param producerBlockedNanos time the producer spent waiting for room, summed
 * @param totalNanos first PRODUCE BEGIN to last WORK END
 */
public record QueueSummary(int jobsDone, int consumersUsed, int maxDepth, long maxWaitNanos,
                           long producerBlockedNanos, long totalNanos) {

    public static QueueSummary of(List<JobEvent> events) {
        int done = 0;
        int maxDepth = 0;
        Set<String> lanes = new HashSet<>();
        Map<Long, Long> waitBegin = new HashMap<>();
        Map<Long, Long> produceBegin = new HashMap<>();
        long maxWait = 0;
        long blocked = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (JobEvent e : events) {
            maxDepth = Math.max(maxDepth, e.queueDepth());
            if (e.stage() == JobStage.PRODUCE && e.phase() == Phase.BEGIN) {
                produceBegin.put(e.jobId(), e.tNanos());
                first = Math.min(first, e.tNanos());
            } else if (e.stage() == JobStage.PRODUCE && e.phase() == Phase.END) {
                Long b = produceBegin.get(e.jobId());
                if (b != null) blocked += e.tNanos() - b;
            } else if (e.stage() == JobStage.WAIT && e.phase() == Phase.BEGIN) {
                waitBegin.put(e.jobId(), e.tNanos());
            } else if (e.stage() == JobStage.WAIT && e.phase() == Phase.END) {
                Long b = waitBegin.get(e.jobId());
                if (b != null) maxWait = Math.max(maxWait, e.tNanos() - b);
            } else if (e.stage() == JobStage.WORK && e.phase() == Phase.END) {
                done++;
                lanes.add(e.lane());
                last = Math.max(last, e.tNanos());
            }
        }
        long total = done == 0 || first == Long.MAX_VALUE ? 0 : last - first;
        return new QueueSummary(done, lanes.size(), maxDepth, maxWait, blocked, total);
    }
}
