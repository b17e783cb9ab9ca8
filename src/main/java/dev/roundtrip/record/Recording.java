package dev.roundtrip.record;

import dev.roundtrip.trace.AppendOnlyList;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TraceEvent;
import dev.roundtrip.trace.TraceListener;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single source of truth: every exchange and every fact about it, append-only. A live
 * recording is fed by a {@link dev.roundtrip.trace.TraceBus} subscription (one writer thread) and
 * read by anyone; a loaded recording is the same object, filled once.
 */
public final class Recording implements TraceListener {
    public static final String FORMAT = "roundtrip-recording";
    /**
     * 2: the connect and handshake stages, and the tcp, tlsRecord, tls and plain readouts; later the message readout
     * (an optional field: files without it read as before). Version 1 files still open.
     */
    public static final int VERSION = 2;

    private final Instant startedAt;
    private volatile AppendOnlyList<Exchange> exchanges = new AppendOnlyList<>();
    private final Map<Long, Exchange> byId = new ConcurrentHashMap<>();
    /** The exchange the writer found last (the writer's alone). */
    private Exchange last;
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong orphans = new AtomicLong();
    private volatile long dropped;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong evictedExchanges = new AtomicLong();
    private final AtomicLong evictedEvents = new AtomicLong();
    private volatile int retainedExchanges = Integer.MAX_VALUE;
    private volatile List<RecordingWarning> warnings = List.of();

    public Recording(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /**
     * What was doubtful in the file this recording was read from (a HAR import: a {@code time} of
     * -1, timings that do not add up), each naming its entry; empty for a live recording and for
     * every file without doubts. Not saved: it describes the file read, not the exchanges.
     */
    public List<RecordingWarning> warnings() {
        return warnings;
    }

    /** Set once by the reader that filled this recording. */
    void setWarnings(List<RecordingWarning> warnings) {
        this.warnings = List.copyOf(warnings);
    }

    /** Exchanges in the order they started. */
    public List<Exchange> exchanges() {
        return exchanges.snapshot();
    }

    public Optional<Exchange> exchange(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Grows by one with every fact applied: a reader polls it to know whether to look again. */
    public long version() {
        return version.get();
    }

    /** Events the bus could not deliver to this recording (its queue was full). */
    public long dropped() {
        return dropped;
    }

    public void setDropped(long dropped) {
        this.dropped = dropped;
        version.incrementAndGet();
    }

    /** Facts that named an exchange this recording never saw start. */
    public long orphans() {
        return orphans.get();
    }

    /**
     * Keeps at most about {@code max} exchanges: when there are a quarter more, the oldest finished
     * ones are evicted (counted in {@link #evictedExchanges()} and {@link #evictedEvents()}) so a
     * long session under load stays within a bounded heap. Exchanges still under way are never
     * evicted. Unlimited by default; a reader's earlier {@link #exchanges()} snapshot stays as it was.
     */
    public void setRetainedExchanges(int max) {
        if (max < 1) throw new IllegalArgumentException("retained exchanges must be >= 1, was " + max);
        this.retainedExchanges = max;
    }

    public int retainedExchanges() {
        return retainedExchanges;
    }

    /** Finished exchanges evicted to keep within {@link #retainedExchanges()}. */
    public long evictedExchanges() {
        return evictedExchanges.get();
    }

    /** Stage and gate events that belonged to evicted exchanges. */
    public long evictedEvents() {
        return evictedEvents.get();
    }

    /** Facts applied so far (every {@link #onEvent} call, orphans included). */
    public long applied() {
        return applied.get();
    }

    public int eventCount() {
        int n = 0;
        for (Exchange e : exchanges()) n += e.events().size();
        return n;
    }

    /** Applies one fact. Single writer: the bus's delivery thread, or a loader. */
    @Override
    public void onEvent(TraceEvent event) {
        if (event instanceof ExchangeStarted s) {
            start(s);
        } else {
            // the facts of one exchange come in a row: the last one found is looked up first, no capturing lambda per fact
            Exchange x = found(event.exchangeId());
            if (x == null) orphans.incrementAndGet();
            else if (event instanceof StageEvent e) x.append(e);
            else if (event instanceof GateEvent g) x.append(g);
            else if (event instanceof ExchangeEnded end) x.finish(end);
            else if (event instanceof dev.roundtrip.trace.UpstreamSeen u) {
                x.setUpstream(u.hop());
                x.setPeer(u.hop().server());
            }
        }
        applied.incrementAndGet();
        version.incrementAndGet();
    }

    /** Adds an exchange built elsewhere (a loader, an importer). */
    public void add(Exchange exchange) {
        byId.put(exchange.id(), exchange);
        exchanges.add(exchange);
        int max = retainedExchanges;
        if (max != Integer.MAX_VALUE && exchanges.size() > max + Math.max(1, max / 4)) evict(max);
        version.incrementAndGet();
    }

    /** Drops the oldest finished exchanges down to {@code max}; amortised O(1) per exchange added. */
    private void evict(int max) {
        AppendOnlyList<Exchange> old = exchanges;
        int excess = old.size() - max;
        AppendOnlyList<Exchange> kept = new AppendOnlyList<>();
        for (int i = 0; i < old.size(); i++) {
            Exchange x = old.get(i);
            if (excess > 0 && x.end().isPresent()) {
                excess--;
                byId.remove(x.id());
                evictedExchanges.incrementAndGet();
                evictedEvents.addAndGet(x.events().size() + x.gateEvents().size());
            } else {
                kept.add(x);
            }
        }
        exchanges = kept;
        last = null;
    }

    private void start(ExchangeStarted s) {
        Exchange existing = byId.get(s.exchangeId());
        if (existing != null) {
            existing.describe(s.request());
            return;
        }
        add(new Exchange(s));
    }

    /** The exchange {@code id} names, null when this recording never saw it start (or evicted it). */
    private Exchange found(long id) {
        Exchange x = last;
        if (x != null && x.id() == id) return x;
        x = byId.get(id);
        if (x != null) last = x;
        return x;
    }
}
