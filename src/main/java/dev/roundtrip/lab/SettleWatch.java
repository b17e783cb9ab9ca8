package dev.roundtrip.lab;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
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
 *
 * <p>It reads the answer from the recorded exchange itself and keeps state only for the exchanges
 * someone waits for: an event of any other exchange costs one look into an (almost always empty)
 * map, which matters under load, where nobody waits for an outside client's exchanges.
 */
final class SettleWatch {
    private final Recording recording;
    private final Map<Long, CompletableFuture<Exchange>> waiting = new ConcurrentHashMap<>();

    SettleWatch(Recording recording) {
        this.recording = recording;
    }

    CompletableFuture<Exchange> settled(long exchangeId) {
        CompletableFuture<Exchange> f = waiting.computeIfAbsent(exchangeId, id -> new CompletableFuture<>());
        // looked at after it is in the map: an event applied meanwhile is seen here or by onEvent
        check(exchangeId, f);
        return f;
    }

    void onEvent(TraceEvent e) {
        if (waiting.isEmpty()) return;
        CompletableFuture<Exchange> f = waiting.get(e.exchangeId());
        if (f != null) check(e.exchangeId(), f);
    }

    private void check(long id, CompletableFuture<Exchange> f) {
        Exchange x = recording.exchange(id).orElse(null);
        if (x == null || !isSettled(x)) return;
        waiting.remove(id, f);
        f.complete(x);
    }

    static boolean isSettled(Exchange x) {
        if (x.end().isEmpty()) return false; // the client has not ended it
        boolean requestSent = false;
        for (StageEvent se : x.events()) {
            Stage stage = se.stage();
            Phase phase = se.phase();
            if (stage == Stage.RESPOND && (phase == Phase.END || phase == Phase.ERROR)) return true;
            // the kernel reported the connection gone before the request was read: the server can do no more
            if (stage == Stage.PARSE && phase == Phase.ERROR && se.actor() == Actor.SERVER_KERNEL) return true;
            if ((stage == Stage.SEND && phase == Phase.PROGRESS) || (stage == Stage.PARSE && phase == Phase.BEGIN)) requestSent = true;
        }
        return !requestSent;
    }
}
