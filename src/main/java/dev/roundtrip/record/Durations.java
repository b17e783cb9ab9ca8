package dev.roundtrip.record;

import java.util.Locale;

/** Durations as students read them: "812 ns", "0.086 ms", "5.805 ms", "1.250 s". */
public final class Durations {
    private Durations() {}

    public static String format(long nanos) {
        if (nanos < 0) return "-" + format(-nanos);
        if (nanos < 10_000) return nanos + " ns";
        if (nanos < 1_000_000_000L) return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
