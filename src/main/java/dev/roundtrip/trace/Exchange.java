package dev.roundtrip.trace;

import java.util.List;
import java.util.Optional;

/**
 * One request and its response, with every fact measured about it. It grows while the exchange is
 * live: a single writer (the recording) appends, any thread reads a consistent prefix.
 */
public final class Exchange {
    private final long id;
    private final long connectionId;
    private final long startedNanos;
    private volatile RequestInfo request;
    private final AppendOnlyList<StageEvent> events = new AppendOnlyList<>();
    private final AppendOnlyList<GateEvent> gateEvents = new AppendOnlyList<>();
    private volatile ExchangeEnded end;
    private volatile Peer peer;
    private volatile UpstreamHop upstream;

    public Exchange(ExchangeStarted start) {
        this.id = start.exchangeId();
        this.connectionId = start.connectionId();
        this.startedNanos = start.tNanos();
        this.request = start.request();
    }

    public long id() { return id; }
    public long connectionId() { return connectionId; }
    public long startedNanos() { return startedNanos; }
    public RequestInfo request() { return request; }

    /** The server it went to when that was not the lab's own on loopback (an imported HAR's host); empty for live exchanges. */
    public Optional<Peer> peer() { return Optional.ofNullable(peer); }

    /**
     * The second hop of a captured exchange (Roundtrip to the foreign server): what was forwarded
     * and what came back. Empty for the lab's own exchanges and imported ones.
     */
    public Optional<UpstreamHop> upstream() { return Optional.ofNullable(upstream); }

    /** Stage events so far, in the order they were published. */
    public List<StageEvent> events() { return events.snapshot(); }

    public List<GateEvent> gateEvents() { return gateEvents.snapshot(); }

    public Optional<ExchangeEnded> end() { return Optional.ofNullable(end); }

    public Outcome outcome() {
        ExchangeEnded e = end;
        return e == null ? Outcome.PENDING : e.outcome();
    }

    public Optional<ResponseInfo> response() {
        ExchangeEnded e = end;
        return e == null ? Optional.empty() : Optional.ofNullable(e.response());
    }

    /** Time from the first to the last fact known, in ns. */
    public long durationNanos() {
        ExchangeEnded e = end;
        long last = e != null ? e.tNanos() : startedNanos;
        List<StageEvent> ev = events();
        if (!ev.isEmpty()) last = Math.max(last, ev.get(ev.size() - 1).tNanos());
        return last - startedNanos;
    }

    // --- writer side: only the recording calls these, from one thread ---

    public void append(StageEvent e) { events.add(e); }

    public void append(GateEvent e) { gateEvents.add(e); }

    public void finish(ExchangeEnded e) { this.end = e; }

    /** Where it went, set once by an importer or a reader. */
    public void setPeer(Peer peer) { this.peer = peer; }

    /** What the capture proxy forwarded (and, later, received); the last word replaces the one before. */
    public void setUpstream(UpstreamHop hop) { this.upstream = hop; }

    /** A server learns the request only once it is parsed: a second ExchangeStarted describes it. */
    public void describe(RequestInfo request) { this.request = request; }
}
