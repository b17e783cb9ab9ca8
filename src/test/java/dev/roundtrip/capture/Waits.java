package dev.roundtrip.capture;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import java.util.List;

/** Bounded waits on a recording: a condition, polled, never a sleep for its own sake. */
final class Waits {
    private Waits() {}

    /** The first {@code n} exchanges once all have ended; fails after 20 s. */
    static List<Exchange> ended(Recording r, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Exchange> xs = r.exchanges();
            if (xs.size() >= n && xs.stream().limit(n).allMatch(x -> x.end().isPresent())) return xs.subList(0, n);
            Thread.sleep(5);
        }
        throw new AssertionError("expected " + n + " ended exchanges, recording has " + r.exchanges().size() + ": "
                + r.exchanges().stream().map(x -> x.id() + " " + x.outcome() + " " + x.events().size() + " events").toList());
    }
}
