package dev.roundtrip.trace;

/**
 * One connection's last socket reads or writes: the next one with the same bytes is the same readout
 * (under repeated traffic the same request and response come again and again; a large response is
 * several writes in turn). An event given a readout from here needs no lookup to share it. Not
 * thread-safe: one per connection and direction, used on its event loop.
 */
public final class RecentBytes {
    static final int REMEMBERED = 4;
    private final BytesReadout[] recent = new BytesReadout[REMEMBERED];
    private int next;

    /** A readout of {@code count} bytes crossed, {@code kept} of them kept (adopted, not copied, when new). */
    public BytesReadout of(int count, byte[] kept) {
        for (BytesReadout r : recent) {
            if (r != null && r.holds(count, kept)) return r;
        }
        BytesReadout r = SharedTexts.share(BytesReadout.adopting(count, kept));
        recent[next] = r;
        next = (next + 1) % REMEMBERED;
        return r;
    }
}
