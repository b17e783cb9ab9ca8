package dev.roundtrip.ui.util;

import java.util.Locale;

/** Real measured figures as a student reads them: "52 µs", "1.3 ms", "78 B", "12.5 KiB". */
public final class Durations {
    private Durations() {}

    /** A duration in ns; negative means "not finished yet". */
    public static String nanos(long ns) {
        if (ns < 0) return "…";
        if (ns < 1_000) return ns + " ns";
        if (ns < 10_000) return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
        if (ns < 1_000_000) return String.format(Locale.ROOT, "%d µs", Math.round(ns / 1e3));
        if (ns < 10_000_000) return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        if (ns < 100_000_000) return String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
        if (ns < 1_000_000_000) return String.format(Locale.ROOT, "%d ms", Math.round(ns / 1e6));
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }

    public static String bytes(long b) {
        if (b < 1024) return b + " B";
        if (b < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
    }

    /** "1 read", "3 reads". */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
