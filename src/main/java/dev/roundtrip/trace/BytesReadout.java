package dev.roundtrip.trace;

import java.util.Arrays;

/**
 * One socket read or write. {@code count} is what crossed the socket; {@code data} holds those
 * bytes, or only their first part when a cap on kept bytes applied ({@link #truncated()}).
 */
public record BytesReadout(int count, byte[] data) {
    public BytesReadout {
        if (count < 0) throw new IllegalArgumentException("count < 0");
        data = data.clone();
        if (data.length > count) throw new IllegalArgumentException("more data than count");
    }

    @Override
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
