package dev.roundtrip.lesson;

/**
 * How far an answer may be from the measured value and still count: an absolute amount
 * ({@code tolerance: 5}) or a percentage of the measured value ({@code tolerance: 10%}).
 */
public record Tolerance(double amount, boolean percent) {
    public static final Tolerance EXACT = new Tolerance(0, false);

    public Tolerance {
        if (amount < 0 || Double.isNaN(amount)) throw new IllegalArgumentException("tolerance must be >= 0");
    }

    /** The largest distance allowed from {@code measured}. */
    public double allowedDistance(double measured) {
        return percent ? Math.abs(measured) * amount / 100.0 : amount;
    }

    public boolean accepts(double answer, double measured) {
        // A hair of slack so that 0.1 + 0.2 style rounding never refuses an exact answer.
        return Math.abs(answer - measured) <= allowedDistance(measured) + 1e-9;
    }

    @Override
    public String toString() {
        String n = amount == Math.rint(amount) ? Long.toString((long) amount) : Double.toString(amount);
        return percent ? n + "%" : n;
    }
}
