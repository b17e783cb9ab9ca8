package dev.roundtrip.lab;

import dev.roundtrip.client.RequestSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * First-time work in a JVM (class loading, static initialisers, lambda and string-concatenation
 * bootstraps, the JIT's first compilations) is not the program's cost, but a fresh JVM's first exchange
 * pays for it: about 1 MB "allocated" by the send stage of a {@code GET /} and 700 KB by its parse stage.
 * So before a {@link Lab} serves its first exchange, this JVM runs exchanges of its own through the same
 * code: a private lab (server, client, gates, tracing, bus, recording, kernel and memory readouts), the
 * routes of the demo application in turn, then closes it.
 *
 * <p>Nothing of it reaches the lab a user sees: that lab is built afterwards, with its own bus, ids
 * (its first exchange is still number 1), connection ids, recording, clock, counters and kernel
 * budget; the warm-up's server listened on a port of its own, now closed. The work is JVM-wide, so it
 * is done once per JVM: {@link LabOptions#warmupExchanges()} is how many warm-up exchanges this JVM
 * must have run before the lab starts, and a later lab runs only the difference (usually none).
 * {@code 0} switches it off. Best effort: a warm-up that fails does not stop the lab, it is reported
 * in {@link Report#failure()}.
 */
public final class Warmup {
    /** Twice the mix: the first round already brings a {@code GET /}'s send stage from 4.6 MB to 16 KB, the second is cheap. */
    public static final int DEFAULT_EXCHANGES = 24;

    /**
     * System property that sets the warm-up of {@link LabOptions#defaults()} for a whole program, e.g.
     * {@code java -Droundtrip.warmup=0 -jar roundtrip.jar trace GET /} to see a cold JVM's first exchange.
     */
    public static final String PROPERTY = "roundtrip.warmup";

    private static final Object LOCK = new Object();
    private static int doneInThisJvm; // guarded by LOCK

    /**
     * What the warm-up did before a lab started.
     *
     * @param ranHere warm-up exchanges run for this lab (0 when the JVM was warm already or it is off)
     * @param inThisJvm warm-up exchanges run in this JVM so far, by every lab
     * @param millis how long this lab's warm-up took
     * @param failure why the warm-up stopped early, or null
     */
    public record Report(int ranHere, int inThisJvm, long millis, String failure) {}

    /** The requests warmed, in turn: every demo route but {@code /slow}, kept and closed connections, a malformed request, https (a new and a reused TLS connection). */
    static final List<RequestSpec> MIX = List.of(
            RequestSpec.get("/"),
            RequestSpec.get("/users/1"),
            RequestSpec.post("/echo", "hello".getBytes(StandardCharsets.US_ASCII)).withHeader("Content-Type", "text/plain"),
            RequestSpec.get("/users"),
            RequestSpec.get("/users/999"),
            RequestSpec.get("/users/x"),
            RequestSpec.get("/big?kb=16"),
            RequestSpec.get("/fail"),
            RequestSpec.get("/no-such-page").withKeepAlive(false),
            RequestSpec.raw("GET / HTTP/9.9\r\nHost: x\r\n\r\n"),
            RequestSpec.get("/users/1").withTls(true).withKeepAlive(false),
            RequestSpec.get("/").withTls(true));

    private Warmup() {}

    /** {@link #DEFAULT_EXCHANGES}, or what {@link #PROPERTY} says (a count, 0 for none). */
    public static int defaultExchanges() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) return DEFAULT_EXCHANGES;
        try {
            return Math.max(0, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a number of exchanges (0 for no warm-up), was '" + v + "'");
        }
    }

    /** Warm-up exchanges run in this JVM so far. */
    public static int exchangesInThisJvm() {
        synchronized (LOCK) {
            return doneInThisJvm;
        }
    }

    /** Runs what is missing for this JVM to have run {@code options.warmupExchanges()}; one lab at a time. */
    static Report ensure(LabOptions options) {
        synchronized (LOCK) {
            int missing = options.warmupExchanges() - doneInThisJvm;
            if (missing <= 0) return new Report(0, doneInThisJvm, 0, null);
            long t0 = System.nanoTime();
            int ran = 0;
            String failure = null;
            LabOptions own = LabOptions.defaults().withBindAddress(options.bindAddress()).withWarmupExchanges(0).withDatabase(options.database());
            try (Lab lab = Lab.start(own)) {
                for (; ran < missing; ran++) {
                    RequestSpec r = MIX.get((doneInThisJvm + ran) % MIX.size());
                    lab.settled(lab.send(r).exchangeId()).get(r.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
            } catch (Exception e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } finally {
                doneInThisJvm += ran;
            }
            return new Report(ran, doneInThisJvm, (System.nanoTime() - t0) / 1_000_000, failure);
        }
    }
}
