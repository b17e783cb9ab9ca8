package dev.roundtrip.ui.diagram;

/**
 * Maps a real stage duration (often a few microseconds) to how long its animation lasts on screen:
 * every step gets a minimum a class can follow, longer stages last proportionally longer, up to a
 * cap so a 2-second /slow does not stall the lesson. Labels always show the real figure.
 */
public final class VisibleTime {
    public static final double MIN_MILLIS = 900;
    public static final double MAX_MILLIS = 4_000;

    private VisibleTime() {}

    /** Visible milliseconds at speed 1 for a stage that really took {@code realNanos}. */
    public static double millis(long realNanos) {
        if (realNanos < 0) return MIN_MILLIS;
        double realMillis = realNanos / 1e6;
        return Math.min(MAX_MILLIS, MIN_MILLIS + realMillis);
    }
}
