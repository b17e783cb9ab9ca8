package dev.roundtrip.trace;

/**
 * Shares equal detail texts between events: under repeated traffic most details are the same few
 * texts ("socket read #1: 78 bytes"), and a recording holding a million events would otherwise keep
 * a million copies of them. A small direct-mapped cache: a text is looked up by its hash and the
 * kept instance returned when equal; a different text in the same slot replaces it (no growth, no
 * lock). Only identity changes: the text an event returns is always equal to the one it was given.
 */
final class SharedTexts {
    private static final int SLOTS = 4096;
    private static final int MAX_LENGTH = 160;
    // racy on purpose: Strings are immutable and safely published through their final fields
    private static final String[] slots = new String[SLOTS];
    private static final Phrase[] phrases = new Phrase[SLOTS];

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
        int h = phrase.hashCode();
        int i = (h ^ (h >>> 16)) & (SLOTS - 1);
        Phrase kept = phrases[i];
        if (kept != null && kept.equals(phrase)) return kept;
        phrases[i] = phrase;
        return phrase;
    }
}
