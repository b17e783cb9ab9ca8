package dev.roundtrip.bench;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.LabOptions;
import dev.roundtrip.wire.Transport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests per second on loopback with keep-alive (wrk, 1 thread, 32 connections, GET /), for
 * every server in the same run, interleaved round by round so drift on the machine hits all of
 * them alike. The figure is each server's ratio to plain Netty in the same round.
 */
final class Throughput {
    static final int CONNECTIONS = 32;

    interface Target extends AutoCloseable {
        int port();

        default String after() {
            return "";
        }

        @Override
        void close();
    }

    private Throughput() {}

    static void main() throws Exception {
        Wrk.requireInstalled();
        int seconds = Integer.getInteger("bench.seconds", 5);
        int rounds = Integer.getInteger("bench.rounds", 3);
        Map<String, ThrowingSupplier> servers = new LinkedHashMap<>();
        servers.put("plain Netty", () -> {
            PlainNetty n = new PlainNetty();
            return target(n::port, n::close, () -> " [" + n.channels() + "]");
        });
        servers.put("JDK httpserver", () -> {
            JdkHttp j = new JdkHttp();
            return target(j::port, j::close, () -> "");
        });
        servers.put("ours untraced", () -> {
            Lab lab = Lab.start(LabOptions.defaults());
            lab.serverSettings().setTraced(false);
            return labTarget(lab);
        });
        servers.put("ours traced, kernel off", () -> labTarget(Lab.start(LabOptions.defaults().withKernelReadouts(false))));
        servers.put("ours traced, default", () -> labTarget(Lab.start(LabOptions.defaults())));
        servers.put("ours traced, every handler on a worker", () -> {
            Lab lab = Lab.start(LabOptions.defaults());
            lab.serverSettings().setNonBlockingOnEventLoop(false); // as before: a hop to a worker and back per request
            return labTarget(lab);
        });
        if (Transport.preferred() == Transport.NIO) { // on epoll every read/write is measured by ioctl already: the same as the default
            servers.put("ours traced, kernel every read/write", () -> labTarget(Lab.start(LabOptions.defaults().withKernelSampled(false))));
        }
        String only = System.getProperty("bench.servers", ""); // e.g. "untraced,default": those (by the end of their name) and plain Netty
        if (!only.isBlank()) {
            servers.keySet().removeIf(name -> !name.equals("plain Netty")
                    && java.util.Arrays.stream(only.split(",")).noneMatch(w -> name.endsWith(w.strip())));
        }
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> rps = new LinkedHashMap<>();
        for (String name : servers.keySet()) {
            ratios.put(name, new ArrayList<>());
            rps.put(name, new ArrayList<>());
        }
        System.out.printf("wrk -t1 -c%d -d%ds GET /, %d rounds (+1 warm-up round not counted), transport %s for ours and plain Netty%n",
                CONNECTIONS, seconds, rounds, Transport.preferred());
        for (int round = 0; round <= rounds; round++) {
            // every other round in reverse order (plain Netty last), so drift within a round does not favour one side
            List<String> order = new ArrayList<>(servers.keySet());
            if (round % 2 == 0) java.util.Collections.reverse(order);
            Map<String, Double> measured = new LinkedHashMap<>();
            Map<String, String> notes = new LinkedHashMap<>();
            for (String name : order) {
                try (Target t = servers.get(name).get()) {
                    Wrk.run(t.port(), "/", CONNECTIONS, 1); // warm the connections and the JIT for this server
                    Wrk.Result r = Wrk.run(t.port(), "/", CONNECTIONS, round == 0 ? 2 : seconds);
                    measured.put(name, r.requestsPerSecond());
                    notes.put(name, (r.errors() > 0 ? " [" + r.errors() + " errors]" : "") + t.after());
                }
                System.gc();
            }
            double netty = measured.get("plain Netty");
            StringBuilder line = new StringBuilder(round == 0 ? "warm-up " : "round " + round + ": ");
            for (String name : order) {
                double ratio = measured.get(name) / netty;
                line.append(String.format("%s %.0f/s (%.2fx)%s; ", name, measured.get(name), ratio, notes.get(name)));
                if (round > 0) {
                    ratios.get(name).add(ratio);
                    rps.get(name).add(measured.get(name));
                }
            }
            System.out.println(line);
        }
        System.out.println();
        System.out.println("| server | req/s (range) | ratio to plain Netty: median (range) |");
        System.out.println("|---|---|---|");
        for (String name : servers.keySet()) {
            System.out.printf("| %s | %s | %.2f (%s) |%n", name, range(rps.get(name), "%.0f"), median(ratios.get(name)), range(ratios.get(name), "%.2f"));
        }
    }

    static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        if (s.isEmpty()) return 0;
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static String range(List<Double> v, String fmt) {
        double lo = v.stream().mapToDouble(d -> d).min().orElse(0);
        double hi = v.stream().mapToDouble(d -> d).max().orElse(0);
        return String.format(fmt, lo) + " – " + String.format(fmt, hi);
    }

    interface ThrowingSupplier {
        Target get() throws Exception;
    }

    static Target target(java.util.function.IntSupplier port, Runnable close, java.util.function.Supplier<String> after) {
        return new Target() {
            public int port() { return port.getAsInt(); }
            public String after() { return after.get(); }
            public void close() { close.run(); }
        };
    }

    static Target labTarget(Lab lab) {
        return target(lab::port, lab::close, () -> lab.serverSettings().traced()
                ? String.format(" [%s, %d events, %d dropped, %d kernel readouts, %d sampled out]", lab.probes().transport(), lab.bus().published(),
                        lab.recording().dropped(), lab.probes().kernelReads(), lab.probes().kernelSkipped()) : "");
    }
}
