package dev.roundtrip.cli;

import dev.roundtrip.text.Units;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.TraceEvent;
import dev.roundtrip.trace.TraceListener;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code serve} prints: every exchange's facts while they come at a pace someone can read, and
 * under load (a benchmark, a browser's burst) one summary line a second for the exchanges beyond
 * that pace, so the terminal, not the server, is never what limits the traffic and no exchange goes
 * uncounted. Which exchanges are printed in full is decided at the first fact of each: an exchange is
 * printed whole or only counted, never in part.
 */
final class ServePrinter implements TraceListener {
    /** Exchanges printed in full back to back, then {@link #PER_SECOND} a second. */
    static final int BURST = 20;
    static final int PER_SECOND = 10;
    private static final long SECOND = 1_000_000_000L;
    /** Decided exchanges kept to know their later facts; an exchange that never ends is forgotten after this many. */
    private static final int REMEMBERED = 4096;

    private final PrintWriter out;
    private final Map<Long, Boolean> printed = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private double tokens = BURST;
    private long lastRefill = Long.MIN_VALUE;
    /** The summary under way: exchanges only counted since it began, and how they ended. */
    private long summaryFrom = Long.MIN_VALUE;
    private long counted;
    private final Map<Outcome, Long> ended = new EnumMap<>(Outcome.class);

    ServePrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void onEvent(TraceEvent e) {
        long now = e.tNanos();
        Boolean full = printed.get(e.exchangeId());
        if (full == null) {
            full = take(now);
            printed.put(e.exchangeId(), full);
            if (!full) {
                if (counted == 0) summaryFrom = now;
                counted++;
            }
        }
        if (full) ServeCommand.print(e, out);
        else if (e instanceof ExchangeEnded end) ended.merge(end.outcome(), 1L, Long::sum);
        if (e instanceof ExchangeEnded) printed.remove(e.exchangeId());
        tick(now);
    }

    /** Prints the summary once it covers a second (called with each fact, and by a timer when the traffic stops). */
    synchronized void tick(long nowNanos) {
        if (counted == 0 || nowNanos - summaryFrom < SECOND) return;
        StringBuilder how = new StringBuilder();
        for (Map.Entry<Outcome, Long> o : ended.entrySet()) {
            if (how.length() > 0) how.append(", ");
            how.append(o.getValue()).append(' ').append(o.getKey().wireName());
        }
        synchronized (out) {
            out.println(CliTexts.T.get("serve.summary", counted, Units.duration(nowNanos - summaryFrom), how.length() == 0 ? 0 : 1, how.toString(),
                    PER_SECOND));
            out.flush();
        }
        counted = 0;
        ended.clear();
    }

    private boolean take(long now) {
        if (lastRefill != Long.MIN_VALUE) tokens = Math.min(BURST, tokens + (now - lastRefill) / (double) SECOND * PER_SECOND);
        lastRefill = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
