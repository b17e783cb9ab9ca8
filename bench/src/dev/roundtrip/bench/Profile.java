package dev.roundtrip.bench;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.LabOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the traced server's time goes under load: JFR samples every millisecond while wrk drives
 * {@code GET /} at the traced server with its default readouts, then the methods that were on top of
 * the samples (self), the innermost of our own frames, and on the stack (total), per thread group
 * ({@code -Dbench=profile:kernel-off} or {@code profile:untraced} for the other servers of {@code throughput}). Not a figure of the targets: a map
 * for where to cut. The recording stays in {@code target/bench-profile.jfr} for {@code jfr print}.
 */
final class Profile {
    private Profile() {}

    static void main(String server) throws Exception {
        Wrk.requireInstalled();
        int seconds = Integer.getInteger("bench.seconds", 5);
        Path file = Path.of("target", "bench-profile.jfr");
        LabOptions options = server.equals("kernel-off") ? LabOptions.defaults().withKernelReadouts(false) : LabOptions.defaults();
        System.out.println("server: traced " + server);
        try (Lab lab = Lab.start(options)) {
            if (server.equals("untraced")) lab.serverSettings().setTraced(false);
            Wrk.run(lab.port(), "/", Throughput.CONNECTIONS, 3); // warm the JIT
            try (Recording r = new Recording()) {
                r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                r.start();
                Wrk.Result w = Wrk.run(lab.port(), "/", Throughput.CONNECTIONS, seconds);
                r.stop();
                r.dump(file);
                System.out.printf("%.0f req/s while sampled%n", w.requestsPerSecond());
            }
        }
        Map<String, Map<String, Integer>> self = new HashMap<>();
        Map<String, Map<String, Integer>> total = new HashMap<>();
        Map<String, Integer> samples = new HashMap<>();
        Map<String, Map<String, Integer>> ownSelf = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getStackTrace() == null || e.getThread("sampledThread") == null) continue;
            String thread = e.getThread("sampledThread").getJavaName();
            String group = thread == null ? "?" : thread.replaceAll("-?\\d+$", "");
            samples.merge(group, 1, Integer::sum);
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) continue;
            self.computeIfAbsent(group, k -> new HashMap<>()).merge(name(frames.get(0)), 1, Integer::sum);
            // the innermost of our own frames: what of ours (with the JDK and Netty code it called) was running
            for (RecordedFrame f : frames) {
                if (name(f).startsWith("dev.roundtrip")) {
                    ownSelf.computeIfAbsent(group, k -> new HashMap<>()).merge(name(f), 1, Integer::sum);
                    break;
                }
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) total.computeIfAbsent(group, k -> new HashMap<>()).merge(n, 1, Integer::sum);
            }
        }
        samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(4).forEach(g -> {
            System.out.printf("%n%s: %d samples%n  self:%n", g.getKey(), g.getValue());
            top(self.get(g.getKey()), g.getValue(), 25);
            System.out.println("  innermost dev.roundtrip frame (it and what it called):");
            top(ownSelf.get(g.getKey()), g.getValue(), 40);
            System.out.println("  total (on the stack), dev.roundtrip only:");
            Map<String, Integer> ours = new HashMap<>();
            total.get(g.getKey()).forEach((k, v) -> {
                if (k.startsWith("dev.roundtrip")) ours.put(k, v);
            });
            top(ours, g.getValue(), 40);
        });
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void top(Map<String, Integer> counts, int all, int n) {
        if (counts == null) return;
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(c -> System.out.printf("  %5.1f %%  %s%n", 100.0 * c.getValue() / all, c.getKey()));
    }
}
