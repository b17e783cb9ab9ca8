package dev.roundtrip.trace;

import java.util.Arrays;

/**
 * One socket read or write. {@code count} is what crossed the socket; {@code data} holds those
 * bytes, or only their first part when a cap on kept bytes applied ({@link #truncated()}).
 *
 * <p>A final class with the accessors, equality and text of the record it was, so that the probe's
 * fresh copy of the bytes is adopted ({@link #adopting}) rather than copied once more.
 */
public final class BytesReadout {
    private final int count;
    private final byte[] data;
    /** The instance {@link SharedTexts} keeps for these bytes: an event given it again need not look it up (racy, benign). */
    boolean shared;

    public BytesReadout(int count, byte[] data) {
        this(data.clone(), count);
    }

    private BytesReadout(byte[] data, int count) {
        if (count < 0) throw new IllegalArgumentException("count < 0");
        if (data.length > count) throw new IllegalArgumentException("more data than count");
        this.count = count;
        this.data = data;
    }

    /** A readout that keeps {@code data} itself: the caller made it for this readout and lets it go. */
    public static BytesReadout adopting(int count, byte[] data) {
        return new BytesReadout(data, count);
    }

    /** These bytes, {@code count} of them crossed: what {@code data} of a fresh copy would make. */
    public boolean holds(int count, byte[] data) {
        return count == this.count && Arrays.equals(data, this.data);
    }

    public int count() {
        return count;
    }

    /** A copy of the bytes kept. */
    public byte[] data() {
        return data.clone();
    }

    public boolean truncated() {
        return data.length < count;
    }

    /** The byte at {@code i} without copying the array. */
    public byte byteAt(int i) {
        return data[i];
    }

    public int keptLength() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BytesReadout b && b.count == count && Arrays.equals(b.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * count + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "BytesReadout[count=" + count + ", kept=" + data.length + "]";
    }
}
