package dev.roundtrip.trace;

/**
 * One kind of phrase said again and again by one speaker (a connection's "socket read #1: 78 bytes"
 * of every keep-alive request): the same instance while its arguments repeat, so a repeated event
 * builds no phrase and its sharing ({@link SharedTexts}) costs no lookup. Not thread-safe: one per
 * connection, used on its event loop.
 */
public final class RepeatedPhrase {
    private final String key;
    private Phrase last;

    public RepeatedPhrase(String key) {
        this.key = key;
    }

    /** {@code Phrase.of(key, args)}, or the last one when it had equal arguments. */
    public Phrase of(Object... args) {
        Phrase p = last;
        if (p != null && p.hasArgs(args)) return p;
        p = Phrase.of(key, args);
        last = p;
        return p;
    }
}
