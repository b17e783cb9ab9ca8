package dev.roundtrip.trace;

import java.util.Arrays;
import java.util.List;

/**
 * Shares equal detail texts between events (and equal phrases, kept socket bytes, bodies and header
 * lists): under repeated traffic most details are the same few texts ("socket read #1: 78 bytes") and
 * most exchanges the same request and response, and a recording holding a million events would
 * otherwise keep a million copies of them. A small direct-mapped cache: a text is looked up by its hash and the
 * kept instance returned when equal; a different text in the same slot replaces it (no growth, no
 * lock). Only identity changes: the text an event returns is always equal to the one it was given.
 */
final class SharedTexts {
    private static final int SLOTS = 4096;
    private static final int MAX_LENGTH = 160;
    // racy on purpose: Strings are immutable and safely published through their final fields
    private static final String[] slots = new String[SLOTS];
    private static final Phrase[] phrases = new Phrase[SLOTS];
    // a byte array has no final fields to publish it: its slots hand it over with release/acquire
    private static final java.util.concurrent.atomic.AtomicReferenceArray<byte[]> bytes = new java.util.concurrent.atomic.AtomicReferenceArray<>(SLOTS);
    private static final BytesReadout[] readouts = new BytesReadout[SLOTS];
    private static final List<?>[] headerLists = new List<?>[SLOTS];
    /** Longer byte arrays are rarely the same twice (and comparing them costs what sharing saves). */
    static final int MAX_SHARED_BYTES = 512;

    private SharedTexts() {}

    static String share(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) return text;
        int h = text.hashCode();
        int i = (h ^ (h >>> 16)) & (SLOTS - 1);
        String kept = slots[i];
        if (kept != null && kept.equals(text)) return kept;
        slots[i] = text;
        return text;
    }

    /** The same for phrases (key and arguments): a million "socket read #1: 78 bytes" keep one phrase. */
    static Phrase share(Phrase phrase) {
        if (phrase.shared) return phrase;
        int h = phrase.hashCode();
        int i = (h ^ (h >>> 16)) & (SLOTS - 1);
        Phrase kept = phrases[i];
        if (kept != null && kept.equals(phrase)) return kept;
        phrase.shared = true;
        phrases[i] = phrase;
        return phrase;
    }

    /**
     * A byte array equal to {@code fresh}: a kept one, or {@code fresh} itself, kept from now on. Only for
     * arrays nobody writes to any more (a readout's own copy): the same request and the same response
     * come again and again, and each exchange kept its own copy of their bytes.
     */
    static byte[] share(byte[] fresh) {
        if (fresh.length == 0) return NO_BYTES;
        if (fresh.length > MAX_SHARED_BYTES) return fresh;
        int h = Arrays.hashCode(fresh);
        int i = (h ^ (h >>> 16)) & (SLOTS - 1);
        byte[] kept = bytes.getAcquire(i);
        if (kept != null && Arrays.equals(kept, fresh)) return kept;
        bytes.setRelease(i, fresh);
        return fresh;
    }

    static final byte[] NO_BYTES = new byte[0];

    /** A socket read or write equal to {@code fresh} (same count, same bytes kept), or {@code fresh}, kept from now on. */
    static BytesReadout share(BytesReadout fresh) {
        if (fresh.shared || fresh.keptLength() > MAX_SHARED_BYTES) return fresh;
        int h = fresh.hashCode();
        int i = (h ^ (h >>> 16)) & (SLOTS - 1);
        BytesReadout kept = readouts[i];
        if (kept != null && kept.equals(fresh)) return kept;
        fresh.shared = true;
        readouts[i] = fresh;
        return fresh;
    }

    /** An immutable header list equal to {@code headers}: the same response heads come in every exchange. */
    @SuppressWarnings("unchecked")
    static List<Header> shareHeaders(List<Header> headers) {
        if (headers instanceof KeptHeaders) return headers; // given again: nothing to look up
        if (headers.isEmpty()) return List.of();
        int h = headers.hashCode();
        int i = (h ^ (h >>> 16)) & (SLOTS - 1);
        List<Header> kept = (List<Header>) headerLists[i];
        if (kept != null && kept.equals(headers)) return kept;
        List<Header> copy = new KeptHeaders(headers.toArray(new Header[0]));
        headerLists[i] = copy;
        return copy;
    }

    /** An immutable header list as {@link #shareHeaders} keeps it, so that it knows it again. */
    private static final class KeptHeaders extends java.util.AbstractList<Header> implements java.util.RandomAccess {
        private final Header[] headers;

        KeptHeaders(Header[] headers) {
            for (Header h : headers) java.util.Objects.requireNonNull(h, "a header");
            this.headers = headers;
        }

        @Override
        public Header get(int index) {
            return headers[index];
        }

        @Override
        public int size() {
            return headers.length;
        }
    }
}
