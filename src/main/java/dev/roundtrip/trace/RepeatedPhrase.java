package dev.roundtrip.trace;

/**
 * One kind of phrase said again and again by one speaker (a connection's "socket read #1: 27 bytes" of
 * every keep-alive request; "socket write #1" .. "#3" of a response written in pieces): the same shared instance while its
 * arguments repeat one of the last few, so a repeated event builds no phrase and its sharing
 * ({@link SharedTexts}) costs no lookup. Not thread-safe: one per connection, used on its event loop.
 */
public final class RepeatedPhrase {
    /** A response written in several pieces says several phrases in turn: with one remembered, none repeated. */
    static final int REMEMBERED = 4;
    private final String key;
    private final Phrase[] recent = new Phrase[REMEMBERED];
    private int next;

    public RepeatedPhrase(String key) {
        this.key = key;
    }

    /** {@code Phrase.of(key, args)}, or one of the last ones when it had equal arguments. */
    public Phrase of(Object... args) {
        for (Phrase p : recent) {
            if (p != null && p.hasArgs(args)) return p;
        }
        // the shared instance, not ours: another connection may have said it first, and an event given ours would look it up every time
        Phrase p = SharedTexts.share(Phrase.of(key, args));
        recent[next] = p;
        next = (next + 1) % REMEMBERED;
        return p;
    }
}
