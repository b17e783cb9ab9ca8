package dev.roundtrip.bench;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.LabOptions;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Outcome;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * 100,000 requests at concurrency 32 (wrk, keep-alive, GET /) against the traced server with its
 * default options: every event is accounted for, no request fails, and the heap stays bounded by
 * the recording's retention ring ({@link LabOptions#DEFAULT_RETAINED_EXCHANGES} exchanges) and the
 * cap on kept bytes per socket read or write.
 */
final class Load {
    private Load() {}

    static void main() throws Exception {
        Wrk.requireInstalled();
        int total = Integer.getInteger("bench.requests", 100_000);
        long heapBefore = heapAfterGc();
        run(total, heapBefore);
        System.out.printf("heap after GC once the lab is closed: %.1f MB%n", heapAfterGc() / 1e6);
    }

    private static void run(int total, long heapBefore) throws Exception {
        try (Lab lab = Lab.start(LabOptions.defaults())) {
            long t0 = System.nanoTime();
            Recording live = lab.recording();
            Wrk.Result r = Wrk.runRequests(lab.port(), "/", 32, total, () -> live.exchanges().size() + live.evictedExchanges());
            double secs = (System.nanoTime() - t0) / 1e9;
            boolean idle = lab.bus().awaitDelivered(Duration.ofSeconds(60));
            Recording rec = lab.recording();
            long started = 0;
            long failed = 0;
            long pending = 0;
            for (Exchange x : rec.exchanges()) {
                if (x.outcome() == Outcome.FAILED) failed++;
                if (x.outcome() == Outcome.PENDING) pending++;
                started++;
            }
            long published = lab.bus().published();
            long applied = rec.applied();
            long dropped = rec.dropped();
            long heapLive = heapAfterGc();
            System.out.printf("wrk: %d requests in %.1f s (%.0f/s), %d errors (non-2xx + socket errors)%n",
                    r.requests(), secs, r.requests() / secs, r.errors());
            System.out.printf("events: published %d = recorded %d + dropped %d  -> %s (delivery %s)%n", published, applied, dropped,
                    published == applied + dropped ? "all accounted for" : "MISMATCH by " + (published - applied - dropped),
                    idle ? "idle" : "still busy after 60 s");
            System.out.printf("recording: %d exchanges kept (%d failed, %d pending), %d evicted with their %d events, %d orphan events%n",
                    started, failed, pending, rec.evictedExchanges(), rec.evictedEvents(), rec.orphans());
            System.out.printf("exchanges seen: kept + evicted = %d (wrk counted %d responses; a few more may have been in flight when it stopped)%n",
                    started + rec.evictedExchanges(), r.requests());
            System.out.printf("kernel readouts: %d taken, %d sampled out%n", lab.probes().kernelReads(), lab.probes().kernelSkipped());
            System.out.printf("heap after GC: %.1f MB before the lab, %.1f MB at the end with the lab open (bound: %d retained exchanges)%n",
                    heapBefore / 1e6, heapLive / 1e6, rec.retainedExchanges());
        }
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
