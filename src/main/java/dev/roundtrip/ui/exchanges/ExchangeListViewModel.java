package dev.roundtrip.ui.exchanges;

import dev.roundtrip.text.Printable;
import dev.roundtrip.text.Units;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.ui.diagram.DiagramScript;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the exchange list. {@link #update} is called once per changed frame with the
 * recording's exchanges; a row is rebuilt only when its exchange grew, so a frame costs O(new facts).
 */
public final class ExchangeListViewModel {
    static final dev.roundtrip.text.Texts.Bundle T = dev.roundtrip.text.Texts.of("dev.roundtrip.ui.exchanges.Texts");
    private final ObservableList<ExchangeRow> rows = FXCollections.observableArrayList();

    /** What a row was built from: an exchange that has not grown keeps its row (no diagram script rebuilt). */
    private record Shown(Exchange exchange, int events, int gates, boolean ended, Object request, ExchangeRow row) {}

    private final List<Shown> cache = new ArrayList<>();

    /** Brings the rows in line with {@code all}, changing only the rows that differ. */
    public void update(List<Exchange> all) {
        List<ExchangeRow> fresh = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) fresh.add(cachedRow(i, all.get(i)));
        while (cache.size() > all.size()) cache.remove(cache.size() - 1);
        for (int i = 0; i < fresh.size(); i++) {
            if (i < rows.size()) {
                if (rows.get(i) != fresh.get(i) && !rows.get(i).equals(fresh.get(i))) rows.set(i, fresh.get(i));
            } else {
                rows.add(fresh.get(i));
            }
        }
        // the recording evicts its oldest finished exchanges under load: the list shrinks with it
        if (rows.size() > fresh.size()) rows.remove(fresh.size(), rows.size());
    }

    /** Another session is on screen: start over. */
    public void clear() {
        rows.clear();
        cache.clear();
    }

    private ExchangeRow cachedRow(int i, Exchange x) {
        int events = x.events().size();
        int gates = x.gateEvents().size();
        boolean ended = x.end().isPresent();
        Object request = x.request();
        if (i < cache.size()) {
            Shown s = cache.get(i);
            if (s.exchange() == x && s.events() == events && s.gates() == gates && s.ended() == ended && s.request() == request) {
                return s.row();
            }
        }
        Shown shown = new Shown(x, events, gates, ended, request, row(x));
        if (i < cache.size()) cache.set(i, shown);
        else cache.add(shown);
        return shown.row();
    }

    public static ExchangeRow row(Exchange x) {
        DiagramScript s = DiagramScript.of(x);
        String status = x.response().map(r -> String.valueOf(r.status())).orElse(s.severity().label());
        if (s.heldBefore() != null) status = T.get("held");
        boolean raw = x.request().method().isEmpty();
        String method = raw ? T.get("raw") : x.request().method();
        // what came from the network is shown with its control bytes escaped (\x1b), never obeyed
        String target = Printable.escape(x.request().target().isEmpty() ? x.request().summary(dev.roundtrip.text.Texts.locale()) : x.request().target());
        String protocol = protocol(x);
        // a raw exchange's summary says "raw request" already: not "raw raw request"
        String oneLine = (raw && x.request().target().isEmpty() ? target : method + " " + target) + " · " + protocol;
        return new ExchangeRow(x.id(), method, target, status, time(x), s.severity(), protocol, oneLine);
    }

    /**
     * How the exchange travelled, by the names the protocols go by (the same in every language): "HTTP/1.1",
     * "HTTPS" (HTTP/1.1 over TLS), "h2c" (HTTP/2 in clear text) or "h2" (HTTP/2 over TLS). Read from its facts:
     * HTTP/2 frames (or, in an imported HAR, pseudo-headers), and a TLS handshake or plaintext beside the records.
     */
    public static String protocol(Exchange x) {
        boolean h2 = x.request().headers().stream().anyMatch(h -> h.name().startsWith(":"));
        boolean tls = false;
        for (dev.roundtrip.trace.StageEvent e : x.events()) {
            h2 |= e.frame() != null;
            tls |= e.plain() != null || e.tls() != null || e.tlsRecord() != null;
            if (h2 && tls) break;
        }
        return h2 ? (tls ? "h2" : "h2c") : tls ? "HTTPS" : "HTTP/1.1";
    }

    /**
     * The client's time: from the start to when the client was done (a cancelled or timed-out
     * exchange ends when the client gave up, whatever the server still did), with the time a gate
     * held it shown apart ("12 ms" over "held 41 s"); "running" until it ends (a "…" would read as text cut short).
     */
    static String time(Exchange x) {
        if (x.end().isEmpty()) return T.get("running");
        long ended = x.end().get().tNanos();
        long held = heldNanos(x, ended);
        String running = Units.duration(ended - x.startedNanos() - held);
        return held > 0 ? T.get("time.held", running, Units.duration(held)) : running;
    }

    /** How long gates held the exchange before {@code until}: each hold from HELD to its release (or discard). */
    static long heldNanos(Exchange x, long until) {
        long sum = 0;
        long since = -1;
        for (GateEvent g : x.gateEvents()) {
            switch (g.kind()) {
                case HELD:
                    if (since < 0) since = g.tNanos();
                    break;
                case RELEASED:
                case DISCARDED:
                    if (since >= 0) sum += g.tNanos() - since;
                    since = -1;
                    break;
                default:
                    break;
            }
        }
        if (since >= 0 && until > since) sum += until - since;
        return sum;
    }

    /** Where the exchange {@code id} is listed, or -1. */
    public int indexOf(long id) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).id() == id) return i;
        return -1;
    }

    public ObservableList<ExchangeRow> rows() {
        return rows;
    }
}
