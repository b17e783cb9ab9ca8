package dev.roundtrip.trace;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A list that one thread appends to while any thread reads it without locks: readers see a prefix
 * that only grows. This is how a live recording is read by the UI while the engine writes it.
 */
public final class AppendOnlyList<T> {
    private static final Object[] NONE = new Object[0];
    // allocated on the first add: most exchanges have no gate events, and a long recording keeps them all
    private volatile Object[] items = NONE;
    private volatile int size;

    /** Single writer only. */
    public void add(T item) {
        Object[] a = items;
        int n = size;
        if (n == a.length) {
            a = Arrays.copyOf(a, n == 0 ? 8 : n * 2);
            items = a;
        }
        a[n] = item;
        size = n + 1;
    }

    public int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    public T get(int i) {
        int n = size;
        if (i < 0 || i >= n) throw new IndexOutOfBoundsException(i + " of " + n);
        return (T) items[i];
    }

    /** An unmodifiable view of what is there now; later appends do not show in it. */
    public List<T> snapshot() {
        int n = size;
        Object[] a = items;
        return new Prefix<>(a, n);
    }

    private static final class Prefix<T> extends AbstractList<T> implements RandomAccess {
        private final Object[] a;
        private final int n;

        Prefix(Object[] a, int n) {
            this.a = a;
            this.n = n;
        }

        @SuppressWarnings("unchecked")
        @Override
        public T get(int i) {
            if (i < 0 || i >= n) throw new IndexOutOfBoundsException(i + " of " + n);
            return (T) a[i];
        }

        @Override
        public int size() {
            return n;
        }
    }
}
