package dev.roundtrip.ui.diagram.queue;

import dev.roundtrip.queue.JobEvent;
import dev.roundtrip.queue.JobStage;
import dev.roundtrip.queue.QueueSetup;
import dev.roundtrip.queue.QueueSummary;
import dev.roundtrip.trace.Phase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the queue diagram draws for one queue run, read from its {@link dev.roundtrip.queue.QueueTrace}
 * only: one row per job with its times (ns on the lab's clock, -1 while not yet happened), the
 * consumer that took it, and the slot its wait is drawn in on the queue lifeline (jobs waiting at
 * the same time stand side by side, so the depth is visible).
 */
public record QueueDiagramScript(QueueSetup setup, List<Job> jobs, long startNanos, long endNanos, QueueSummary summary) {
    public record Job(long id, long produceBegin, long produceEnd, long waitEnd, int consumer, long workBegin,
                      long workEnd, int slot) {
        public boolean queued() { return produceEnd >= 0; }
        public boolean taken() { return waitEnd >= 0; }
        public boolean done() { return workEnd >= 0; }
        /** Time the producer waited for room before the queue took this job (back-pressure). */
        public long blockedNanos() { return queued() ? produceEnd - produceBegin : 0; }
        public long waitNanos() { return taken() ? waitEnd - produceEnd : 0; }
    }

    public QueueDiagramScript {
        jobs = List.copyOf(jobs);
    }

    public int consumers() {
        return setup.consumers();
    }

    public long spanNanos() {
        return Math.max(1, endNanos - startNanos);
    }

    public static QueueDiagramScript of(QueueSetup setup, List<JobEvent> events) {
        Map<Long, long[]> t = new LinkedHashMap<>();  // produceBegin, produceEnd, waitEnd, workBegin, workEnd, consumer
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (JobEvent e : events) {
            long[] a = t.computeIfAbsent(e.jobId(), id -> new long[] {-1, -1, -1, -1, -1, 0});
            start = Math.min(start, e.tNanos());
            end = Math.max(end, e.tNanos());
            if (e.stage() == JobStage.PRODUCE) a[e.phase() == Phase.BEGIN ? 0 : 1] = e.tNanos();
            else if (e.stage() == JobStage.WAIT && e.phase() == Phase.END) {
                a[2] = e.tNanos();
                a[5] = consumerNumber(e.lane());
            } else if (e.stage() == JobStage.WORK) {
                a[e.phase() == Phase.BEGIN ? 3 : 4] = e.tNanos();
                a[5] = consumerNumber(e.lane());
            }
        }
        if (start == Long.MAX_VALUE) start = end = 0;
        List<Job> jobs = new ArrayList<>();
        List<Long> slotFreeAt = new ArrayList<>();
        for (Map.Entry<Long, long[]> en : t.entrySet()) {
            long[] a = en.getValue();
            int slot = -1;
            if (a[1] >= 0) {
                // the first slot whose previous job had left the queue when this one came in
                for (int i = 0; i < slotFreeAt.size() && slot < 0; i++) if (slotFreeAt.get(i) >= 0 && slotFreeAt.get(i) <= a[1]) slot = i;
                if (slot < 0) {
                    slot = slotFreeAt.size();
                    slotFreeAt.add(0L);
                }
                slotFreeAt.set(slot, a[2] >= 0 ? a[2] : -1);
            }
            jobs.add(new Job(en.getKey(), a[0], a[1], a[2], (int) a[5], a[3], a[4], slot));
        }
        return new QueueDiagramScript(setup, jobs, start, end, QueueSummary.of(events));
    }

    private static int consumerNumber(String lane) {
        try {
            return Integer.parseInt(lane.substring(lane.lastIndexOf('-') + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public int slots() {
        return jobs.stream().mapToInt(Job::slot).max().orElse(-1) + 1;
    }
}
