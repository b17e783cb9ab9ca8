package dev.roundtrip.lab;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TraceEvent;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knows when an exchange is settled: the client has ended it and the server has finished its part
 * (response written or failed, or the request lost with its connection), or the request never left
 * the client. Fed on the recording's delivery thread right after the recording applied the event,
 * so a settled exchange is complete in the recording.
 */
final class SettleWatch {
    private final Recording recording;
    private final Map<Long, State> states = new ConcurrentHashMap<>();

    private static final class State {
        final CompletableFuture<Exchange> settled = new CompletableFuture<>();
        boolean clientEnded;
        boolean requestSent;
        boolean serverDone;
    }

    private int prunedAt;

    /** Settled exchanges the recording has evicted are not asked about again: bounded memory under load. */
    private void forgetEvicted() {
        // amortised: the next pass comes after another 4096 exchanges, whatever this one kept
        if (recording.evictedExchanges() > 0) {
            states.entrySet().removeIf(en -> en.getValue().settled.isDone() && recording.exchange(en.getKey()).isEmpty());
        }
        prunedAt = states.size();
    }

    SettleWatch(Recording recording) {
        this.recording = recording;
    }

    CompletableFuture<Exchange> settled(long exchangeId) {
        State s = states.computeIfAbsent(exchangeId, id -> new State());
        synchronized (s) {
            check(exchangeId, s);
        }
        return s.settled;
    }

    void onEvent(TraceEvent e) {
        if (states.size() > prunedAt + 4096) forgetEvicted();
        State s = states.computeIfAbsent(e.exchangeId(), id -> new State());
        synchronized (s) {
            if (e instanceof ExchangeEnded) s.clientEnded = true;
            if (e instanceof StageEvent se) {
                if (se.stage() == Stage.SEND && se.phase() == Phase.PROGRESS) s.requestSent = true;
                if (se.stage() == Stage.RESPOND && (se.phase() == Phase.END || se.phase() == Phase.ERROR)) s.serverDone = true;
                // the kernel reported the connection gone before the request was read: the server can do no more
                if (se.stage() == Stage.PARSE && se.phase() == Phase.ERROR && se.actor() == Actor.SERVER_KERNEL) s.serverDone = true;
                if (se.stage() == Stage.PARSE && se.phase() == Phase.BEGIN) s.requestSent = true; // outside clients
            }
            check(e.exchangeId(), s);
        }
    }

    private void check(long id, State s) {
        if (s.settled.isDone() || !s.clientEnded || (s.requestSent && !s.serverDone)) return;
        recording.exchange(id).ifPresent(s.settled::complete);
    }
}
