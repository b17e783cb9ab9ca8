package dev.roundtrip.trace;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One HTTP header line, in the order and spelling it had. */
public record Header(String name, String value) {
    private static final int MAX_SHARED = 4096;
    private static final int MAX_SHARED_LENGTH = 64;
    private static final Map<String, String> SHARED = new ConcurrentHashMap<>();

    /**
     * A header whose name and (short) value are shared with earlier ones of the same text: the
     * same few headers come in every exchange, and a long recording keeps them all (bounded table).
     */
    public static Header shared(String name, String value) {
        return new Header(share(name), share(value));
    }

    /** True when {@code lines} are {@code known}, line by line (name, value and order): a repeated head is kept once. */
    public static boolean sameAs(java.util.List<Header> known, Iterable<? extends Map.Entry<String, String>> lines) {
        int i = 0;
        for (Map.Entry<String, String> h : lines) {
            if (i >= known.size()) return false;
            Header was = known.get(i++);
            if (!was.name.equals(h.getKey()) || !was.value.equals(h.getValue())) return false;
        }
        return i == known.size();
    }

    private static String share(String s) {
        if (s == null || s.length() > MAX_SHARED_LENGTH) return s;
        String known = SHARED.get(s);
        if (known != null) return known;
        if (SHARED.size() < MAX_SHARED) {
            known = SHARED.putIfAbsent(s, s);
            if (known != null) return known;
        }
        return s;
    }
}
