package dev.roundtrip.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/** This JVM's CPU time by kind of thread (event loops, trace delivery, the rest of Java's): what the process's figure is made of. */
final class ThreadCpu {
    private ThreadCpu() {}

    /** Nanoseconds of CPU so far, summed per kind of live Java thread; with the collectors' and the JIT's counters (not CPU: pauses, counts and compile time). */
    static Map<String, Long> byKind() {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new TreeMap<>();
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            cpu.put("~gc " + gc.getName() + " count", gc.getCollectionCount());
            cpu.put("~gc " + gc.getName() + " ms", gc.getCollectionTime());
        }
        cpu.put("~jit ms", ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
        for (long id : t.getAllThreadIds()) {
            ThreadInfo i = t.getThreadInfo(id);
            long ns = t.getThreadCpuTime(id);
            if (i == null || ns < 0) continue;
            cpu.merge(kind(i.getThreadName()), ns, Long::sum);
        }
        return cpu;
    }

    private static String kind(String name) {
        if (name.startsWith("roundtrip-server") || name.startsWith("roundtrip-accept")) return "server loops";
        if (name.startsWith("trace-delivery")) return "delivery";
        if (name.startsWith("roundtrip-worker") || name.startsWith("roundtrip-")) return "other roundtrip";
        return "other java";
    }

    /** "server loops 9.1 µs, delivery 2.0 µs, ..., outside Java threads (GC, JIT) 3.3 µs" per request between two readings. */
    static String split(Map<String, Long> before, Map<String, Long> after, long processNs, long requests) {
        StringBuilder b = new StringBuilder();
        long java = 0;
        StringBuilder counters = new StringBuilder();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long ns = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (e.getKey().startsWith("~")) {
                counters.append(", ").append(e.getKey().substring(1)).append(' ').append(ns);
                continue;
            }
            java += ns;
            b.append(String.format("%s %.1f µs, ", e.getKey(), ns / 1000.0 / requests));
        }
        return b.append(String.format("outside Java threads (GC, JIT) %.1f µs", (processNs - java) / 1000.0 / requests)).append(counters).toString();
    }
}
