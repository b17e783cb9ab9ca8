package dev.roundtrip.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The one way Roundtrip writes a measured duration, a size or a count for people to read: the GUI,
 * the CLI, the Mermaid and PlantUML diagrams and the messages all use these rules.
 *
 * <h2>Durations ({@link #duration(long)}, in nanoseconds)</h2>
 * <ul>
 *   <li>The unit is the largest of ns, µs, ms, s that keeps the figure at 1 or more; below 1 µs the
 *       nanoseconds are shown whole. Seconds are the largest unit (no minutes).</li>
 *   <li>At most three significant digits: two decimals below 10, one below 100, none from 100 up;
 *       trailing zeros after the point are dropped ("1.5 s", not "1.50 s").</li>
 *   <li>Rounding that reaches 1000 moves to the next unit ("999.9 µs" is "1 ms", never "1000 µs").</li>
 *   <li>A negative duration is one that has not ended (or was not measured): {@code "…"}.</li>
 * </ul>
 * Examples: 0 → "0 ns", 812 → "812 ns", 999 → "999 ns", 1_000 → "1 µs", 4_500 → "4.5 µs",
 * 48_000 → "48 µs", 86_420 → "86.4 µs", 999_999 → "1 ms", 1_234_000 → "1.23 ms",
 * 12_345_678 → "12.3 ms", 318_940_000 → "319 ms", 1_500_000_000 → "1.5 s", 72_000_000_000 → "72 s",
 * -1 → "…".
 *
 * <h2>Sizes ({@link #bytes(long)}, in bytes)</h2>
 * The same digits rule with binary units B, KiB (1024 B), MiB, GiB: below 1024 the bytes are shown
 * whole; a rounding that reaches 1024 moves to the next unit.
 * Examples: 0 → "0 B", 78 → "78 B", 1023 → "1023 B", 1024 → "1 KiB", 1536 → "1.5 KiB",
 * 12_800 → "12.5 KiB", 524_288 → "512 KiB", 1_048_575 → "1 MiB", 209_715_200 → "200 MiB",
 * 5_368_709_120 → "5 GiB".
 *
 * <h2>Counts ({@link #count(long, String)})</h2>
 * The number, a space and the noun, with an "s" unless the number is 1: "1 read", "0 reads",
 * "3 SQL calls".
 *
 * <p>The decimal separator is the one of the language in use ({@link Texts#locale()}): "1,5 KiB" in
 * German and French.
 */
public final class Units {
    private static final String[] TIME_UNITS = {"ns", "µs", "ms", "s"};
    private static final String[] SIZE_UNITS = {"B", "KiB", "MiB", "GiB"};

    private Units() {}

    /** A duration in nanoseconds, e.g. "48 µs", "1.23 ms"; negative (not ended) is "…". */
    public static String duration(long nanos) {
        return duration(nanos, Texts.locale());
    }

    /** The same in {@code language} (its decimal separator). */
    public static String duration(long nanos, Locale language) {
        if (nanos < 0) return "…";
        return scaled(nanos, 1000, TIME_UNITS, language);
    }

    /** A duration given in whole milliseconds (a setting such as a timeout), by the same rules. */
    public static String millis(long millis) {
        return duration(Math.multiplyExact(millis, 1_000_000L));
    }

    /** A size in bytes, e.g. "78 B", "12.5 KiB", "200 MiB". */
    public static String bytes(long bytes) {
        return bytes(bytes, Texts.locale());
    }

    /** The same in {@code language} (its decimal separator). */
    public static String bytes(long bytes, Locale language) {
        if (bytes < 0) throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        return scaled(bytes, 1024, SIZE_UNITS, language);
    }

    /** "1 read", "3 reads". */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String scaled(long amount, int step, String[] units, Locale language) {
        if (amount < step) return amount + " " + units[0];
        BigDecimal v = BigDecimal.valueOf(amount);
        BigDecimal base = BigDecimal.valueOf(step);
        int unit = 0;
        while (unit < units.length - 1 && v.compareTo(base) >= 0) {
            v = v.divide(base);
            unit++;
        }
        BigDecimal shown = round(v);
        if (shown.compareTo(base) >= 0 && unit < units.length - 1) {
            shown = round(v.divide(base));
            unit++;
        }
        String digits = shown.stripTrailingZeros().toPlainString();
        char point = DecimalFormatSymbols.getInstance(language).getDecimalSeparator();
        return (point == '.' ? digits : digits.replace('.', point)) + " " + units[unit];
    }

    private static BigDecimal round(BigDecimal v) {
        int decimals = v.compareTo(BigDecimal.TEN) < 0 ? 2 : v.compareTo(BigDecimal.valueOf(100)) < 0 ? 1 : 0;
        return v.setScale(decimals, RoundingMode.HALF_UP);
    }
}
