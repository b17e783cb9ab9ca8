package dev.roundtrip.bench;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.LabOptions;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.StageEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Large recordings made of real ones: a lab records a few real exchanges (GET /, a user from the
 * database, an echo, a 404), which are then copied with fresh ids and later times.
 */
final class Synthetic {
    private Synthetic() {}

    static List<Exchange> realExchanges() throws Exception {
        List<Exchange> out = new ArrayList<>();
        try (Lab lab = Lab.start(LabOptions.defaults())) {
            for (RequestSpec r : List.of(RequestSpec.get("/"), RequestSpec.get("/users/1"),
                    RequestSpec.post("/echo", "hello, roundtrip".getBytes(StandardCharsets.UTF_8)), RequestSpec.get("/nope"))) {
                long id = lab.send(r).exchangeId();
                out.add(lab.settled(id).get(20, TimeUnit.SECONDS));
            }
        }
        return out;
    }

    /** A recording of at least {@code events} stage events (whole exchanges). */
    static Recording withEvents(int events) throws Exception {
        List<Exchange> real = realExchanges();
        Recording r = new Recording(Instant.now());
        int n = 0;
        for (long id = 1; n < events; id++) {
            Exchange x = copy(real.get((int) (id % real.size())), id, id * 3_000_000L);
            r.add(x);
            n += x.events().size();
        }
        return r;
    }

    static Recording withExchanges(int exchanges) throws Exception {
        List<Exchange> real = realExchanges();
        Recording r = new Recording(Instant.now());
        for (long id = 1; id <= exchanges; id++) r.add(copy(real.get((int) (id % real.size())), id, id * 3_000_000L));
        return r;
    }

    static Exchange copy(Exchange x, long id, long shift) {
        long base = x.startedNanos();
        Exchange c = new Exchange(new ExchangeStarted(id, id, shift, x.request()));
        for (StageEvent e : x.events()) {
            c.append(new StageEvent(id, id, e.stage(), e.phase(), e.actor(), e.tNanos() - base + shift, e.thread(), e.detail(),
                    e.bytes(), e.buffer(), e.kernel(), e.memory(), e.sql()));
        }
        for (GateEvent g : x.gateEvents()) c.append(new GateEvent(id, g.tNanos() - base + shift, g.stage(), g.kind(), g.kernel()));
        x.end().ifPresent(end -> c.finish(new dev.roundtrip.trace.ExchangeEnded(id, end.tNanos() - base + shift, end.outcome(),
                end.response(), end.detail())));
        return c;
    }
}
