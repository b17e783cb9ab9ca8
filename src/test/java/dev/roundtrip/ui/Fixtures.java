package dev.roundtrip.ui;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.MemoryReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.SqlReadout;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Recordings shaped like the engine's: five stages with bytes, buffer, kernel, memory and SQL
 * readouts, gate events, and the ways an exchange goes wrong. Figures are in the range measured on
 * loopback (tens of µs per stage).
 */
public final class Fixtures {
    public static final String USERS_REQUEST = "GET /users/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n";
    public static final String USERS_RESPONSE = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 38\r\n\r\n{\"id\":1,\"name\":\"Ada Lovelace\",\"age\":36}";

    private Fixtures() {}

    /** A recording with: 200 with SQL, 404, 500, a timeout, a cancelled one, and one held before parse. */
    public static Recording classroom() {
        Recording r = new Recording(Instant.parse("2026-01-05T09:00:00Z"));
        users(r, 1, 1_000_000);
        simple(r, 2, 50_000_000, "/nope", 404, "Not Found", "No route for /nope");
        simple(r, 3, 90_000_000, "/fail", 500, "Internal Server Error", "boom");
        givesUp(r, 4, 130_000_000, Outcome.TIMEOUT, "no response within 1 s");
        givesUp(r, 5, 2_500_000_000L, Outcome.CANCELLED, "cancelled: the client leaves and resets its connection");
        heldBeforeParse(r, 6, 4_000_000_000L);
        return r;
    }

    public static Recording usersOnly() {
        Recording r = new Recording(Instant.parse("2026-01-05T09:00:00Z"));
        users(r, 1, 1_000_000);
        return r;
    }

    public static void users(Recording r, long id, long t0) {
        Ex x = new Ex(r, id, t0, "GET", "/users/1");
        x.send(USERS_REQUEST, 12_000, 48_000);
        x.parse(USERS_REQUEST, 30_000, 110_000);
        x.at(180_000).ev(Stage.PROCESS, Phase.BEGIN, Actor.SERVER, "route GET /users/{id}").memory(9_000_000, null, 16_384).pub();
        x.at(420_000).ev(Stage.PROCESS, Phase.PROGRESS, Actor.DATABASE, "SELECT 1 row")
                .sql(new SqlReadout("SELECT id, name, age FROM users WHERE id = ?", 1, 210_000)).pub();
        x.at(520_000).ev(Stage.PROCESS, Phase.END, Actor.SERVER, "200").memory(9_100_000, 41_000L, 16_384).pub();
        x.respond(USERS_RESPONSE, 560_000, 40_000);
        x.interpret(USERS_RESPONSE, 700_000, 90_000);
        x.end(Outcome.COMPLETED, 200, "OK", 820_000, "read 200 OK");
    }

    public static void simple(Recording r, long id, long t0, String target, int status, String reason, String body) {
        Ex x = new Ex(r, id, t0, "GET", target);
        String req = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        String resp = "HTTP/1.1 " + status + " " + reason + "\r\ncontent-length: " + body.length() + "\r\n\r\n" + body;
        x.send(req, 10_000, 40_000);
        x.parse(req, 25_000, 90_000);
        x.at(130_000).ev(Stage.PROCESS, Phase.BEGIN, Actor.SERVER, "route").pub();
        if (status >= 500) x.at(300_000).ev(Stage.PROCESS, Phase.ERROR, Actor.SERVER, "IllegalStateException: " + body).memory(9_300_000, 12_000L, 16_384).pub();
        else x.at(200_000).ev(Stage.PROCESS, Phase.END, Actor.SERVER, String.valueOf(status)).memory(9_200_000, 6_000L, 16_384).pub();
        x.respond(resp, 320_000, 35_000);
        x.interpret(resp, 420_000, 70_000);
        x.end(Outcome.COMPLETED, status, reason, 520_000, "read " + status);
    }

    public static void givesUp(Recording r, long id, long t0, Outcome outcome, String detail) {
        Ex x = new Ex(r, id, t0, "GET", "/slow?ms=1500");
        String req = "GET /slow?ms=1500 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        x.send(req, 10_000, 40_000);
        x.parse(req, 25_000, 90_000);
        x.at(130_000).ev(Stage.PROCESS, Phase.BEGIN, Actor.SERVER, "route").pub();
        // the client gives up while the server still works: as the engine records it
        x.at(1_000_130_000).ev(Stage.INTERPRET, Phase.ERROR, Actor.CLIENT, detail).pub();
        x.end(outcome, 0, null, 0, detail);
        x.at(1_500_200_000).ev(Stage.PROCESS, Phase.END, Actor.SERVER, "200").memory(9_000_000, 3_000L, 16_384).pub();
        x.at(1_500_250_000).ev(Stage.RESPOND, Phase.BEGIN, Actor.SERVER, "200 OK, 5 body bytes").pub();
        x.at(1_500_300_000).ev(Stage.RESPOND, Phase.ERROR, Actor.SERVER_KERNEL,
                "write failed: Connection reset by peer; 43 bytes of the response reached no one").pub();
    }

    public static void heldBeforeParse(Recording r, long id, long t0) {
        Ex x = new Ex(r, id, t0, "GET", "/users/1");
        x.send(USERS_REQUEST, 12_000, 48_000);
        r.onEvent(new GateEvent(id, t0 + 70_000, Stage.PARSE, GateEvent.Kind.HELD,
                new KernelReadout((long) USERS_REQUEST.length(), 0L, 131_072, 2_626_560, null),
                new dev.roundtrip.trace.TcpReadout("ESTABLISHED", 40L, 20L, 10L, 32_768L, 0L, 0L, null)));
    }

    /** Builds one exchange's events with times relative to its start. */
    public static final class Ex {
        public final Recording r;
        public final long id;
        public final long t0;
        public long t;

        public Ex(Recording r, long id, long t0, String method, String target) {
            this.r = r;
            this.id = id;
            this.t0 = t0;
            r.onEvent(new ExchangeStarted(id, id, t0, new RequestInfo(method, target, List.of(new Header("Accept", "*/*")), null, null)));
        }

        public Ex at(long rel) {
            t = t0 + rel;
            return this;
        }

        public E ev(Stage s, Phase p, Actor a, String detail) {
            return new E(this, new StageEventBuilder(id, s, p, a, t, detail));
        }

        public void send(String wire, long rel, long dur) {
            byte[] b = wire.getBytes(StandardCharsets.ISO_8859_1);
            at(rel).ev(Stage.SEND, Phase.BEGIN, Actor.CLIENT, "write request").memory(8_800_000, null, 16_384).pub();
            at(rel + dur / 2).ev(Stage.SEND, Phase.PROGRESS, Actor.CLIENT_KERNEL, "wrote " + b.length + " bytes")
                    .bytes(b).buffer(new BufferReadout(256, b.length, b.length))
                    .kernel(new KernelReadout(0L, (long) b.length, 131_072, 2_626_560, null)).pub();
            at(rel + dur).ev(Stage.SEND, Phase.END, Actor.CLIENT, "flushed").memory(8_810_000, 2_048L, 16_384).pub();
        }

        public void parse(String wire, long rel, long dur) {
            byte[] b = wire.getBytes(StandardCharsets.ISO_8859_1);
            at(rel).ev(Stage.PARSE, Phase.BEGIN, Actor.SERVER, "first read").pub();
            at(rel + dur / 2).ev(Stage.PARSE, Phase.PROGRESS, Actor.SERVER_KERNEL, "read " + b.length + " bytes")
                    .bytes(b).buffer(new BufferReadout(1024, 0, b.length))
                    .kernel(new KernelReadout(0L, 0L, 131_072, 2_626_560, null)).pub();
            at(rel + dur).ev(Stage.PARSE, Phase.END, Actor.SERVER, "decoded").buffer(new BufferReadout(1024, b.length, b.length))
                    .memory(8_900_000, 5_120L, 16_384).pub();
        }

        public void respond(String wire, long rel, long dur) {
            byte[] b = wire.getBytes(StandardCharsets.ISO_8859_1);
            at(rel).ev(Stage.RESPOND, Phase.BEGIN, Actor.SERVER, "write response").pub();
            at(rel + dur / 2).ev(Stage.RESPOND, Phase.PROGRESS, Actor.SERVER_KERNEL, "wrote " + b.length + " bytes")
                    .bytes(b).buffer(new BufferReadout(512, 0, b.length))
                    .kernel(new KernelReadout(0L, (long) b.length, 131_072, 2_626_560, null)).pub();
            at(rel + dur).ev(Stage.RESPOND, Phase.END, Actor.SERVER, "flushed").memory(9_150_000, 3_072L, 16_384).pub();
        }

        public void interpret(String wire, long rel, long dur) {
            byte[] b = wire.getBytes(StandardCharsets.ISO_8859_1);
            at(rel).ev(Stage.INTERPRET, Phase.BEGIN, Actor.CLIENT, "first read").pub();
            at(rel + dur / 2).ev(Stage.INTERPRET, Phase.PROGRESS, Actor.CLIENT_KERNEL, "read " + b.length + " bytes")
                    .bytes(b).buffer(new BufferReadout(1024, 0, b.length))
                    .kernel(new KernelReadout(0L, 0L, 131_072, 2_626_560, null)).pub();
            at(rel + dur).ev(Stage.INTERPRET, Phase.END, Actor.CLIENT, "decoded").memory(9_160_000, 4_096L, 16_384).pub();
        }

        public void end(Outcome o, int status, String reason, long rel, String detail) {
            if (rel > 0) at(rel);
            ResponseInfo resp = status > 0 ? new ResponseInfo(status, reason, List.of(), new byte[0]) : null;
            r.onEvent(new ExchangeEnded(id, t, o, resp, detail));
        }
    }

    record StageEventBuilder(long id, Stage s, Phase p, Actor a, long t, String detail) {}

    public static final class E {
        public final Ex x;
        public final StageEventBuilder b;
        public BytesReadout bytes;
        public BufferReadout buffer;
        public KernelReadout kernel;
        public MemoryReadout memory;
        public SqlReadout sql;

        public E(Ex x, StageEventBuilder b) {
            this.x = x;
            this.b = b;
        }

        public E bytes(byte[] d) { bytes = new BytesReadout(d.length, d); return this; }
        public E buffer(BufferReadout v) { buffer = v; return this; }
        public E kernel(KernelReadout v) { kernel = v; return this; }
        public E memory(long heap, Long alloc, long direct) { memory = new MemoryReadout(heap, alloc, direct); return this; }
        public E sql(SqlReadout v) { sql = v; return this; }

        public void pub() {
            x.r.onEvent(new StageEvent(b.id(), b.id(), b.s(), b.p(), b.a(), b.t(), "nioEventLoop-1", b.detail(),
                    bytes, buffer, kernel, memory, sql));
        }
    }
}
