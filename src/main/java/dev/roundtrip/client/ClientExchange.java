package dev.roundtrip.client;

import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.RequestInfo;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The client's state for one exchange; touched only on the client's event loop. */
final class ClientExchange implements ExchangeHandle {
    final long id;
    final RequestSpec spec;
    final byte[] wire;
    final RequestInfo info;
    final ClientConnection conn;
    private final RoundtripClient client;
    private final CompletableFuture<ExchangeEnded> result = new CompletableFuture<>();

    dev.roundtrip.probe.MemoryProbe.Mark sendMark;
    dev.roundtrip.probe.MemoryProbe.Mark handshakeMark;
    int handshakeWrites;
    int handshakeReads;
    /** 1 for the exchange that opened its connection, k for the k-th on it. */
    int exchangeOnConnection;
    dev.roundtrip.probe.MemoryProbe.Mark interpretMark;
    boolean sendEnded;
    boolean requestAnnounced;
    boolean interpretBegun;
    boolean ended;
    int writes;
    int reads;
    long bytesWritten;
    long bytesRead;

    private ScheduledFuture<?> timer;
    private long remainingNanos;
    private long deadlineNanos;
    private int holds;

    ClientExchange(long id, RequestSpec spec, byte[] wire, RequestInfo info, ClientConnection conn, RoundtripClient client) {
        this.id = id;
        this.spec = spec;
        this.wire = wire;
        this.info = info;
        this.conn = conn;
        this.client = client;
        this.remainingNanos = spec.timeout().toNanos();
    }

    @Override
    public long exchangeId() {
        return id;
    }

    @Override
    public CompletableFuture<ExchangeEnded> result() {
        return result;
    }

    @Override
    public void cancel() {
        client.cancel(id);
    }

    void complete(ExchangeEnded e) {
        ended = true;
        stopTimer();
        result.complete(e);
    }

    // --- the timeout only runs while the exchange is not held at a gate ---

    void startTimer() {
        deadlineNanos = System.nanoTime() + remainingNanos;
        timer = client.loop().schedule(() -> conn.timedOut(this), remainingNanos, TimeUnit.NANOSECONDS);
    }

    void held() {
        if (ended || holds++ > 0) return;
        stopTimer();
    }

    void released() {
        if (ended || holds == 0 || --holds > 0) return;
        startTimer();
    }

    private void stopTimer() {
        if (timer == null) return;
        timer.cancel(false);
        timer = null;
        remainingNanos = Math.max(0, deadlineNanos - System.nanoTime());
    }
}
