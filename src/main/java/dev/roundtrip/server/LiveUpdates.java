package dev.roundtrip.server;

import dev.roundtrip.trace.TraceClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server's updates: numbered, kept for a while (a poller asks for those after its cursor), and
 * handed to every open stream (SSE, WebSocket) and waiting long poll as they come.
 *
 * <p>The plugged-in {@link UpdateSource} runs only while somebody wants updates: an open stream, a
 * waiting long poll, or a poller that asked within the last {@link #POLL_GRACE} (a poller has no
 * connection that says it is still there). When interest falls to nothing the source is stopped.
 */
public final class LiveUpdates implements AutoCloseable {
    /** How long after its last poll a poller still counts as a client that wants updates. */
    public static final Duration POLL_GRACE = Duration.ofSeconds(3);
    /** Updates kept for pollers and for SSE's Last-Event-ID: older ones are gone. */
    static final int KEPT = 1024;
    /** At most this many updates in one poll's answer (the oldest first: the poller asks again for the rest). */
    static final int MAX_PER_POLL = 100;

    /** An open stream's side: told of each update, and when no more will come. */
    interface Listener {
        void update(Update u);

        /** The server is stopping: end the stream. */
        void closing();
    }

    private final TraceClock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "roundtrip-updates");
        t.setDaemon(true);
        return t;
    });
    private final ArrayDeque<Update> kept = new ArrayDeque<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private UpdateSource source;
    private UpdateSource.Running running;
    private long lastId;
    private int interest;
    private ScheduledFuture<?> pollerGone;
    private boolean closed;
    private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();

    private record Waiter(long cursor, CompletableFuture<List<Update>> answer) {}

    LiveUpdates(TraceClock clock) {
        this.clock = clock;
    }

    /** Where updates come from from now on; null: none (the routes answer 503). */
    public synchronized void plug(UpdateSource source) {
        stopSource();
        this.source = source;
        if (interest > 0) startSource();
    }

    synchronized boolean plugged() {
        return source != null;
    }

    /** Whether the source is producing now. */
    public synchronized boolean producing() {
        return running != null;
    }

    /** Updates not sent to a stream because its client read too slowly, since the server started. */
    public long dropped() {
        return dropped.get();
    }

    void droppedOne() {
        dropped.incrementAndGet();
    }

    /** When update {@code id} was made, on the lab's clock, while it is still kept. */
    public synchronized OptionalLong created(long id) {
        for (Update u : kept) if (u.id() == id) return OptionalLong.of(u.createdNanos());
        return OptionalLong.empty();
    }

    /** The newest update's id (0: none yet): a poller that wants only what comes next starts here. */
    public synchronized long lastId() {
        return lastId;
    }

    /** A new update from the source (any thread). */
    void publish(String text) {
        List<Listener> to;
        List<Waiter> woken = new ArrayList<>();
        Update u;
        synchronized (this) {
            if (closed || running == null) return; // a late one from a source being stopped
            u = new Update(++lastId, clock.now(), text);
            kept.addLast(u);
            if (kept.size() > KEPT) kept.removeFirst();
            to = List.copyOf(listeners);
            for (Waiter w : waiters) if (u.id() > w.cursor()) woken.add(w);
            waiters.removeAll(woken);
            for (int i = 0; i < woken.size(); i++) lose();
        }
        for (Waiter w : woken) w.answer().complete(sinceNow(w.cursor()));
        for (Listener l : to) l.update(u);
    }

    /** The updates after {@code cursor} still kept, oldest first, at most {@link #MAX_PER_POLL}; counts as a poll. */
    synchronized List<Update> poll(long cursor) {
        if (closed) return List.of();
        if (pollerGone == null) gain();
        else pollerGone.cancel(false);
        pollerGone = timer.schedule(this::pollerLeft, POLL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        return sinceNow(cursor);
    }

    private synchronized void pollerLeft() {
        if (pollerGone == null) return;
        pollerGone = null;
        lose();
    }

    synchronized List<Update> sinceNow(long cursor) {
        List<Update> out = new ArrayList<>();
        for (Update u : kept) {
            if (u.id() > cursor) out.add(u);
            if (out.size() == MAX_PER_POLL) break;
        }
        return out;
    }

    /**
     * Long polling: the updates after {@code cursor} as soon as there is one, or none once {@code wait}
     * has passed. Completes on the source's thread or the timer's.
     */
    synchronized CompletableFuture<List<Update>> next(long cursor, Duration wait) {
        List<Update> now = poll(cursor);
        if (!now.isEmpty() || closed) return CompletableFuture.completedFuture(now);
        Waiter w = new Waiter(cursor, new CompletableFuture<>());
        waiters.add(w);
        gain();
        timer.schedule(() -> {
            synchronized (LiveUpdates.this) {
                if (!waiters.remove(w)) return;
                lose();
            }
            w.answer().complete(List.of());
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
        return w.answer();
    }

    /** An open stream: it hears of each update until it unsubscribes (the returned handle). */
    synchronized Runnable subscribe(Listener l) {
        if (closed) {
            l.closing(); // the listener ends on its own thread (a stream: its event loop)
            return () -> {};
        }
        listeners.add(l);
        gain();
        boolean[] gone = {false};
        return () -> {
            synchronized (LiveUpdates.this) {
                if (gone[0] || !listeners.remove(l)) return;
                gone[0] = true;
                lose();
            }
        };
    }

    private void gain() {
        if (interest++ == 0) startSource();
    }

    private void lose() {
        if (--interest == 0) stopSource();
    }

    private void startSource() {
        if (source == null || running != null || closed) return;
        running = source.start(this::publish);
    }

    /** Under the lock: {@link UpdateSource.Running#close()} must not wait for a thread that is publishing. */
    private void stopSource() {
        UpdateSource.Running r = running;
        running = null;
        if (r != null) r.close();
    }

    /** The server stops: waiting polls are answered (no updates), streams told to end, the source stopped. */
    @Override
    public void close() {
        List<Listener> to;
        List<Waiter> woken;
        synchronized (this) {
            if (closed) return;
            closed = true;
            to = List.copyOf(listeners);
            woken = List.copyOf(waiters);
            waiters.clear();
            listeners.clear();
            interest = 0;
            stopSource();
        }
        for (Waiter w : woken) w.answer().complete(List.of());
        for (Listener l : to) l.closing();
        timer.shutdownNow();
    }
}
