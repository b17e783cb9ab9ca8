package dev.roundtrip.lab;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.LiveClient;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same N updates delivered four ways, one way after the other, through the lab's traced client:
 * polling (a request every {@code pollEvery}), long polling (a request held until there is an update),
 * Server-Sent Events (one request, one event per update) and a WebSocket (one upgrade, one frame per
 * update). For each way: requests made, bytes that crossed the client's socket each way (from the
 * recording's socket reads and writes), and each update's delay from its creation (the queue's
 * consumer finished it) to the client having it (the response or message was read and decoded).
 */
public final class RealtimeComparison {
    public enum Way {
        POLLING("polling"), LONG_POLLING("long-polling"), SSE("sse"), WEBSOCKET("websocket");

        private final String wireName;

        Way(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * One way's figures.
     *
     * @param requests HTTP requests the client made (a WebSocket's upgrade is one)
     * @param bytesUp bytes the client wrote to its socket (requests; a WebSocket's frames)
     * @param bytesDown bytes the client read from its socket (responses, events, frames)
     * @param medianDelayNanos the median of the updates' delays from creation to the client
     * @param exchangeIds the exchanges it took, in the recording
     */
    public record Row(Way way, int updates, int requests, long bytesUp, long bytesDown, long medianDelayNanos, long maxDelayNanos,
                      List<Long> exchangeIds) {}

    public record Result(int updates, Duration every, Duration pollEvery, List<Row> rows) {}

    /** A long poll waits at most this long on the server; the client's own timeout is a little longer. */
    static final int LONG_POLL_SECONDS = 5;
    private static final Pattern ID = Pattern.compile("\\{\"id\":(\\d+)");
    private static final Pattern CURSOR = Pattern.compile("\"cursor\":(\\d+)");

    private final Lab lab;
    private final int n;
    private final Duration pollEvery;
    private final Duration limit;
    private final boolean tls;

    /**
     * @param every how often the queue makes an update while the comparison runs
     * @param pollEvery how often the polling client asks
     * @param limit how long one way may take at most before the run fails
     */
    private RealtimeComparison(Lab lab, int n, Duration pollEvery, Duration limit, boolean tls) {
        this.lab = lab;
        this.n = n;
        this.pollEvery = pollEvery;
        this.limit = limit;
        this.tls = tls;
    }

    /** In clear text (http, ws). */
    public static Result run(Lab lab, int updates, Duration every, Duration pollEvery) throws Exception {
        return run(lab, updates, every, pollEvery, false);
    }

    /**
     * @param tls every way over TLS on the lab's TLS port (https, wss): its bytes are then the records that
     *            crossed the socket, the handshake's not counted (it is a stage of its own)
     */
    public static Result run(Lab lab, int updates, Duration every, Duration pollEvery, boolean tls) throws Exception {
        if (updates < 1 || updates > 1000) throw new IllegalArgumentException("updates must be 1..1000, was " + updates);
        if (tls && lab.tlsPort().isEmpty()) throw new IllegalStateException(lab.tlsUnavailable());
        lab.updateEvery(every);
        Duration limit = every.multipliedBy(updates).plus(pollEvery.multipliedBy(2)).plusSeconds(10);
        RealtimeComparison c = new RealtimeComparison(lab, updates, pollEvery, limit, tls);
        List<Row> rows = new ArrayList<>();
        for (Way w : Way.values()) rows.add(c.run(w));
        return new Result(updates, every, pollEvery, rows);
    }

    /**
     * Update id -> when the client had it; the first {@code n} after the way began are counted (a WebSocket
     * cannot ask for what came before it was open: from the first one it hears).
     */
    private final class Seen {
        volatile long after;
        final Map<Long, Long> at = new ConcurrentHashMap<>();
        final CompletableFuture<Void> all = new CompletableFuture<>();

        Seen(long after) {
            this.after = after;
        }

        synchronized void saw(long id, long tNanos) {
            if (after < 0) after = id - 1;
            if (id <= after || id > after + n) return;
            at.putIfAbsent(id, tNanos);
            if (at.size() == n) all.complete(null);
        }

        void sawAll(String json, long tNanos) {
            Matcher m = ID.matcher(json);
            while (m.find()) saw(Long.parseLong(m.group(1)), tNanos);
        }
    }

    private Row run(Way way) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Long> ids = new ArrayList<>();
        Seen seen = new Seen(way == Way.WEBSOCKET ? -1 : lab.updates().lastId());
        switch (way) {
            case POLLING:
            case LONG_POLLING: {
                long cursor = seen.after;
                while (!seen.all.isDone()) {
                    if (System.nanoTime() > deadline) throw timedOut(way, seen);
                    RequestSpec spec = way == Way.POLLING ? RequestSpec.get("/poll?since=" + cursor)
                            : RequestSpec.get("/poll?since=" + cursor + "&wait=" + LONG_POLL_SECONDS).withTimeout(Duration.ofSeconds(LONG_POLL_SECONDS + 5));
                    ExchangeHandle h = lab.send(spec.withTls(tls));
                    ids.add(h.exchangeId());
                    ExchangeEnded end = h.result().get(LONG_POLL_SECONDS + 10, TimeUnit.SECONDS);
                    if (end.outcome() != Outcome.COMPLETED || end.response() == null || end.response().status() != 200) {
                        throw new IllegalStateException(way.wireName() + ": a poll failed: " + end.detail());
                    }
                    String body = new String(end.response().body(), StandardCharsets.UTF_8);
                    seen.sawAll(body, end.tNanos());
                    Matcher c = CURSOR.matcher(body);
                    if (c.find()) cursor = Long.parseLong(c.group(1));
                    if (way == Way.POLLING && !seen.all.isDone()) Thread.sleep(pollEvery.toMillis()); // the poller's own pace
                }
                break;
            }
            default: {
                LiveClient.Stream s = way == Way.SSE
                        ? lab.events(seen.after, data -> seen.sawAll(data, lab.bus().clock().now()), tls)
                        : lab.webSocket(text -> seen.sawAll(text, lab.bus().clock().now()), tls);
                ids.add(s.exchangeId());
                try {
                    seen.all.get(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw timedOut(way, seen);
                } finally {
                    s.close();
                }
                s.result().get(10, TimeUnit.SECONDS);
            }
        }
        long up = 0;
        long down = 0;
        for (long id : ids) {
            Exchange x = lab.settled(id).get(10, TimeUnit.SECONDS);
            for (StageEvent e : x.events()) {
                if (e.bytes() == null || e.actor() != dev.roundtrip.trace.Actor.CLIENT || e.phase() != Phase.PROGRESS) continue;
                boolean written = e.stage() == Stage.SEND || (e.message() != null && e.message().fromClient());
                boolean read = e.stage() == Stage.INTERPRET && (e.message() == null || !e.message().fromClient());
                if (written) up += e.bytes().count();
                else if (read) down += e.bytes().count();
            }
        }
        List<Long> delays = new ArrayList<>();
        for (Map.Entry<Long, Long> s : new LinkedHashMap<>(seen.at).entrySet()) {
            long created = lab.updates().created(s.getKey()).orElseThrow(() -> new IllegalStateException("update " + s.getKey() + " is no longer kept"));
            delays.add(Math.max(0, s.getValue() - created));
        }
        Collections.sort(delays);
        long median = delays.size() % 2 == 1 ? delays.get(delays.size() / 2)
                : (delays.get(delays.size() / 2 - 1) + delays.get(delays.size() / 2)) / 2;
        return new Row(way, n, ids.size(), up, down, median, delays.get(delays.size() - 1), List.copyOf(ids));
    }

    private IllegalStateException timedOut(Way way, Seen seen) {
        return new IllegalStateException(way.wireName() + ": only " + seen.at.size() + " of " + n + " updates arrived within "
                + limit.toSeconds() + " s");
    }
}
