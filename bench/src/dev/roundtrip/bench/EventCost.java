package dev.roundtrip.bench;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.LabOptions;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * What one recorded event costs, from real traffic (wrk, keep-alive, GET /, kernel readouts off unless said):
 * <ul>
 *   <li>CPU: this JVM's CPU time per request (wrk runs in its own process), traced minus untraced in
 *       the same run, divided by the events a request produces;</li>
 *   <li>CPU three times: with the app's default retention (older exchanges evicted), kernel readouts off and on
 *       (sampled: the app's default), and with every event kept;</li>
 *   <li>heap: heap after GC with every event kept (no eviction) minus heap after GC of the same lab
 *       before the load, divided by the events recorded. This is everything a recorded event keeps
 *       alive: the event, its readouts, its share of the exchange, request and response.</li>
 * </ul>
 */
final class EventCost {
    private EventCost() {}

    /**
     * Load until the JIT has settled (it compiled for less than 5 % of the last 2 s, at most 10 runs): the
     * compiler's work on first-time paths is a cost of the JVM's start, not of an event.
     */
    private static void warmUp(int port) throws Exception {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int run = 1; run <= 10; run++) {
            long before = jit.getTotalCompilationTime();
            Wrk.run(port, "/", 32, 2);
            long compiled = jit.getTotalCompilationTime() - before;
            if (compiled < 100 || run == 10) {
                System.out.println("warm-up: " + run + " x 2 s, the JIT compiled " + compiled + " ms in the last");
                return;
            }
        }
    }

    static void main() throws Exception {
        Wrk.requireInstalled();
        int seconds = Integer.getInteger("bench.seconds", 5);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double untracedNs;
        try (Lab lab = Lab.start(LabOptions.defaults().withKernelReadouts(false))) {
            lab.serverSettings().setTraced(false);
            warmUp(lab.port());
            long cpu0 = os.getProcessCpuTime();
            java.util.Map<String, Long> threads0 = ThreadCpu.byKind();
            Wrk.Result r = Wrk.run(lab.port(), "/", 32, seconds);
            untracedNs = (os.getProcessCpuTime() - cpu0) / (double) r.requests();
            System.out.println("untraced, CPU per request by thread: " + ThreadCpu.split(threads0, ThreadCpu.byKind(), os.getProcessCpuTime() - cpu0, r.requests()));
        }
        traced(os, seconds, untracedNs, LabOptions.DEFAULT_RETAINED_EXCHANGES, false);
        traced(os, seconds, untracedNs, LabOptions.DEFAULT_RETAINED_EXCHANGES, true);
        traced(os, seconds, untracedNs, Integer.MAX_VALUE, false);
    }

    /**
     * The traced server keeping {@code retained} exchanges: the app's default (older exchanges evicted, as a
     * session runs) for what an event costs in use, and every one kept for the heap an event holds (its CPU then
     * includes the collector copying an ever larger recording, the worst case).
     */
    private static void traced(com.sun.management.OperatingSystemMXBean os, int seconds, double untracedNs, int retained, boolean kernel) throws Exception {
        String kept = (retained == Integer.MAX_VALUE ? "every exchange kept" : retained + " exchanges kept (the app's default)")
                + (kernel ? ", kernel readouts on (sampled, the default)" : ", kernel readouts off");
        try (Lab lab = Lab.start(LabOptions.defaults().withKernelReadouts(kernel))) {
            warmUp(lab.port()); // its events are counted out below, and evicted: kept, they filled the heap before the window
            lab.recording().setRetainedExchanges(retained);
            lab.bus().awaitDelivered(Duration.ofSeconds(60));
            long heap0 = Load.heapAfterGc();
            long events0 = lab.recording().applied();
            long cpu0 = os.getProcessCpuTime();
            java.util.Map<String, Long> threads0 = ThreadCpu.byKind();
            Wrk.Result r = Wrk.run(lab.port(), "/", 32, seconds);
            lab.bus().awaitDelivered(Duration.ofSeconds(60));
            long cpu = os.getProcessCpuTime() - cpu0;
            System.out.println("traced, " + kept + ", CPU per request by thread: " + ThreadCpu.split(threads0, ThreadCpu.byKind(), cpu, r.requests()));
            long events = lab.recording().applied() - events0;
            double tracedNs = cpu / (double) r.requests();
            double perRequest = events / (double) r.requests();
            System.out.printf("CPU per request in this JVM: untraced %.1f µs, traced %.1f µs (ratio %.2f)%n",
                    untracedNs / 1000, tracedNs / 1000, tracedNs / untracedNs);
            System.out.printf("events per request: %.1f; CPU per recorded event: %.0f ns (traced minus untraced, spread over the events; %s)%n",
                    perRequest, (tracedNs - untracedNs) / perRequest, kept);
            if (retained == Integer.MAX_VALUE) {
                long heap1 = Load.heapAfterGc();
                System.out.printf("heap kept per recorded event: %.0f bytes (%d events, heap after GC %.1f MB -> %.1f MB)%n",
                        (heap1 - heap0) / (double) events, events, heap0 / 1e6, heap1 / 1e6);
            }
            if (lab.recording().dropped() > 0) System.out.println("(" + lab.recording().dropped() + " events dropped)");
        }
    }
}
