package dev.roundtrip.bench;

import java.util.List;

/**
 * Runs the benchmarks named on the command line (see bench/README.md). Each one compares two or
 * more things measured in the same run, because a shared machine is noisy: the ratio is the figure.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        List<String> names = args.length == 0 || args[0].equals("all")
                ? List.of("kernel", "throughput", "load", "events", "open", "frame", "h2")
                : List.of(args[0].split(","));
        for (String n : names) {
            System.out.println("=== " + n + " ===");
            if (n.startsWith("profile")) { // profile, profile:kernel-off, profile:untraced
                Profile.main(n.contains(":") ? n.substring(n.indexOf(':') + 1) : "default");
                continue;
            }
            switch (n) {
                case "throughput": Throughput.main(); break;
                case "kernel": KernelCost.main(); break;
                case "load": Load.main(); break;
                case "events": EventCost.main(); break;
                case "open": OpenRecording.main(); break;
                case "frame": FrameCost.main(); break;
                case "h2": H2Throughput.main(); break;
                default: throw new IllegalArgumentException("unknown benchmark " + n
                        + " (throughput, kernel, load, events, open, frame, h2, all)");
            }
        }
        System.exit(0); // Netty and JavaFX threads may linger
    }
}
