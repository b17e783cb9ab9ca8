package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.Exchange;
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
import dev.roundtrip.trace.TraceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Realistic recordings built by hand, fed through {@link Recording#onEvent} as the bus would: all
 * five stages with bytes, buffer, kernel (measured and unavailable), memory, SQL, gates, a 404, a
 * binary POST, a cancelled exchange, a raw malformed request, a target with Mermaid keywords and a
 * pending one.
 */
public final class SampleRecordings {
    public static final Instant START = Instant.parse("2026-11-24T09:15:30.123456789Z");

    private SampleRecordings() {}

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A classroom session: every kind of exchange the engine produces. */
    public static Recording session() {
        Recording r = new Recording(START);
        usersOne(r, 1, 1_000_000L);
        notFound(r, 2, 50_000_000L);
        binaryEcho(r, 3, 90_000_000L);
        cancelled(r, 4, 130_000_000L);
        malformed(r, 5, 170_000_000L);
        keywords(r, 6, 210_000_000L);
        pending(r, 7, 250_000_000L);
        r.setDropped(3);
        return r;
    }

    /** GET /users/1 → 200 with SQL, gates before PARSE with the bytes waiting in the kernel. */
    static void usersOne(Recording r, long id, long t) {
        long c = 11;
        String reqText = "GET /users/1 HTTP/1.1\r\nHost: 127.0.0.1:43117\r\nUser-Agent: roundtrip\r\n\r\n";
        byte[] req = ascii(reqText);
        String json = "{\"id\":1,\"name\":\"Ada Lovelace\"}";
        byte[] resp = ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.length() + "\r\n\r\n" + json);
        KernelReadout k = new KernelReadout(0L, 0L, 65536, 2626560, null);
        RequestInfo request = new RequestInfo("GET", "/users/1",
                List.of(new Header("Host", "127.0.0.1:43117"), new Header("User-Agent", "roundtrip")), null, null);
        r.onEvent(new ExchangeStarted(id, c, t, request));
        r.onEvent(ev(id, c, Stage.SEND, Phase.BEGIN, Actor.CLIENT, t + 10_000, "client-io-1", "connecting to 127.0.0.1:43117")
                .memory(new MemoryReadout(12_345_678, 0L, 65_536)).build());
        r.onEvent(ev(id, c, Stage.SEND, Phase.PROGRESS, Actor.CLIENT_KERNEL, t + 80_000, "client-io-1", "wrote " + req.length + " bytes")
                .bytes(new BytesReadout(req.length, req)).buffer(new BufferReadout(256, req.length, req.length))
                .kernel(new KernelReadout(0L, (long) req.length, 65536, 2626560, null)).build());
        r.onEvent(ev(id, c, Stage.SEND, Phase.END, Actor.CLIENT, t + 95_500, "client-io-1", "flushed")
                .memory(new MemoryReadout(12_400_000, 4_096L, 1_200L, 65_536, null, true)).build());
        r.onEvent(new GateEvent(id, t + 120_000, Stage.PARSE, GateEvent.Kind.HELD, new KernelReadout((long) req.length, 0L, 131072, 2626560, null)));
        r.onEvent(new GateEvent(id, t + 2_000_000, Stage.PARSE, GateEvent.Kind.PROBED, new KernelReadout((long) req.length, 0L, 131072, 2626560, null)));
        r.onEvent(new GateEvent(id, t + 4_000_000, Stage.PARSE, GateEvent.Kind.RELEASED, null));
        r.onEvent(ev(id, c, Stage.PARSE, Phase.BEGIN, Actor.SERVER, t + 4_100_000, "server-io-2", "first read").kernel(k).build());
        r.onEvent(ev(id, c, Stage.PARSE, Phase.PROGRESS, Actor.SERVER_KERNEL, t + 4_150_000, "server-io-2", "read " + req.length + " bytes")
                .bytes(new BytesReadout(req.length, req)).buffer(new BufferReadout(1024, 0, req.length)).kernel(k).build());
        r.onEvent(ev(id, c, Stage.PARSE, Phase.END, Actor.SERVER, t + 4_300_000, "server-io-2", "GET /users/1 decoded")
                .buffer(new BufferReadout(1024, req.length, req.length)).memory(new MemoryReadout(12_500_000, 2_048L, 131_072)).build());
        r.onEvent(ev(id, c, Stage.PROCESS, Phase.BEGIN, Actor.SERVER, t + 4_350_000, "app-1", "route GET /users/{id}").build());
        r.onEvent(ev(id, c, Stage.PROCESS, Phase.PROGRESS, Actor.DATABASE, t + 5_350_000, "app-1", "SELECT id, name FROM users WHERE id = ?: 1 row")
                .sql(new SqlReadout("SELECT id, name FROM users WHERE id = ?", 1, 812_345)).build());
        r.onEvent(ev(id, c, Stage.PROCESS, Phase.END, Actor.SERVER, t + 5_600_000, "app-1", "200 OK")
                .memory(new MemoryReadout(12_600_000, 18_432L, 131_072)).build());
        r.onEvent(ev(id, c, Stage.RESPOND, Phase.BEGIN, Actor.SERVER, t + 5_650_000, "server-io-2", "").build());
        r.onEvent(ev(id, c, Stage.RESPOND, Phase.PROGRESS, Actor.SERVER_KERNEL, t + 5_700_000, "server-io-2", "wrote " + resp.length + " bytes")
                .bytes(new BytesReadout(resp.length, resp)).buffer(new BufferReadout(512, 0, resp.length))
                .kernel(new KernelReadout(0L, (long) resp.length, 131072, 2626560, null)).build());
        r.onEvent(ev(id, c, Stage.RESPOND, Phase.END, Actor.SERVER, t + 5_800_000, "server-io-2", "flushed").build());
        r.onEvent(ev(id, c, Stage.INTERPRET, Phase.BEGIN, Actor.CLIENT, t + 5_900_000, "client-io-1", "").build());
        r.onEvent(ev(id, c, Stage.INTERPRET, Phase.PROGRESS, Actor.CLIENT_KERNEL, t + 5_950_000, "client-io-1", "read " + resp.length + " bytes")
                .bytes(new BytesReadout(resp.length, resp)).buffer(new BufferReadout(2048, 0, resp.length)).build());
        r.onEvent(ev(id, c, Stage.INTERPRET, Phase.END, Actor.CLIENT, t + 6_100_000, "client-io-1", "200 OK, show it").build());
        r.onEvent(new ExchangeEnded(id, t + 6_100_000, Outcome.COMPLETED,
                new ResponseInfo(200, "OK", List.of(new Header("Content-Type", "application/json"),
                        new Header("Content-Length", Integer.toString(json.length()))), ascii(json)), "200 OK"));
    }

    /** GET /nope → 404, on a platform without kernel queues (readouts unavailable). */
    static void notFound(Recording r, long id, long t) {
        long c = 12;
        KernelReadout none = KernelReadout.unavailable("not available on this platform (no /proc/net/tcp)", 65536, 65536);
        r.onEvent(new ExchangeStarted(id, c, t, new RequestInfo("GET", "/nope", List.of(new Header("Host", "127.0.0.1:43117")), null, null)));
        byte[] req = ascii("GET /nope HTTP/1.1\r\nHost: 127.0.0.1:43117\r\n\r\n");
        byte[] resp = ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 10\r\n\r\nNot found\n");
        r.onEvent(ev(id, c, Stage.SEND, Phase.BEGIN, Actor.CLIENT, t + 1_000, "client-io-1", "").build());
        r.onEvent(ev(id, c, Stage.SEND, Phase.PROGRESS, Actor.CLIENT_KERNEL, t + 20_000, "client-io-1", "").bytes(new BytesReadout(req.length, req)).kernel(none).build());
        r.onEvent(ev(id, c, Stage.SEND, Phase.END, Actor.CLIENT, t + 30_000, "client-io-1", "").build());
        r.onEvent(ev(id, c, Stage.PARSE, Phase.BEGIN, Actor.SERVER, t + 100_000, "server-io-2", "").kernel(none).build());
        r.onEvent(ev(id, c, Stage.PARSE, Phase.END, Actor.SERVER, t + 200_000, "server-io-2", "").memory(new MemoryReadout(9_000_000, null, null, 0,
                dev.roundtrip.trace.Unavailable.PLATFORM.text("this JVM does not count the bytes each thread allocates"), false)).build());
        r.onEvent(ev(id, c, Stage.PROCESS, Phase.BEGIN, Actor.SERVER, t + 210_000, "app-1", "").build());
        r.onEvent(ev(id, c, Stage.PROCESS, Phase.END, Actor.SERVER, t + 260_000, "app-1", "no route: 404").build());
        r.onEvent(ev(id, c, Stage.RESPOND, Phase.BEGIN, Actor.SERVER, t + 270_000, "server-io-2", "").build());
        r.onEvent(ev(id, c, Stage.RESPOND, Phase.PROGRESS, Actor.SERVER_KERNEL, t + 280_000, "server-io-2", "").bytes(new BytesReadout(resp.length, resp)).build());
        r.onEvent(ev(id, c, Stage.RESPOND, Phase.END, Actor.SERVER, t + 300_000, "server-io-2", "").build());
        r.onEvent(ev(id, c, Stage.INTERPRET, Phase.BEGIN, Actor.CLIENT, t + 400_000, "client-io-1", "").build());
        r.onEvent(ev(id, c, Stage.INTERPRET, Phase.END, Actor.CLIENT, t + 450_000, "client-io-1", "404: the resource does not exist").build());
        r.onEvent(new ExchangeEnded(id, t + 450_000, Outcome.COMPLETED,
                new ResponseInfo(404, "Not Found", List.of(new Header("Content-Length", "10")), ascii("Not found\n")), "404 Not Found"));
    }

    /** POST /echo with a binary body; the kept bytes were capped (truncated readout). */
    static void binaryEcho(Recording r, long id, long t) {
        long c = 11;
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) body[i] = (byte) i;
        List<Header> headers = List.of(new Header("Host", "127.0.0.1:43117"), new Header("Content-Type", "application/octet-stream"),
                new Header("Content-Length", "256"), new Header("Cookie", "session=abc; theme=dark"));
        r.onEvent(new ExchangeStarted(id, c, t, new RequestInfo("POST", "/echo", headers, body, null)));
        byte[] kept = new byte[64];
        System.arraycopy(body, 0, kept, 0, 64);
        r.onEvent(ev(id, c, Stage.SEND, Phase.BEGIN, Actor.CLIENT, t + 1_000, "client-io-1", "").build());
        r.onEvent(ev(id, c, Stage.SEND, Phase.PROGRESS, Actor.CLIENT_KERNEL, t + 2_000, "client-io-1", "wrote 400 bytes, kept 64")
                .bytes(new BytesReadout(400, kept)).build());
        r.onEvent(ev(id, c, Stage.SEND, Phase.END, Actor.CLIENT, t + 3_000, "client-io-1", "").build());
        quiet(r, id, c, Stage.PARSE, t + 4_000);
        quiet(r, id, c, Stage.PROCESS, t + 6_000);
        quiet(r, id, c, Stage.RESPOND, t + 8_000);
        quiet(r, id, c, Stage.INTERPRET, t + 10_000);
        r.onEvent(new ExchangeEnded(id, t + 11_000, Outcome.COMPLETED,
                new ResponseInfo(200, "OK", List.of(new Header("Content-Type", "application/octet-stream"),
                        new Header("Set-Cookie", "seen=1; Path=/; HttpOnly")), body), "200 OK"));
    }

    /** GET /slow?ms=5000: the client leaves; the server still processes and responds into the void. */
    static void cancelled(Recording r, long id, long t) {
        long c = 13;
        r.onEvent(new ExchangeStarted(id, c, t, new RequestInfo("GET", "/slow?ms=5000", List.of(new Header("Host", "127.0.0.1:43117")), null, null)));
        quiet(r, id, c, Stage.SEND, t + 1_000);
        quiet(r, id, c, Stage.PARSE, t + 3_000);
        r.onEvent(ev(id, c, Stage.PROCESS, Phase.BEGIN, Actor.SERVER, t + 5_000, "app-1", "sleeping 5000 ms").build());
        r.onEvent(new ExchangeEnded(id, t + 1_000_000_000L, Outcome.CANCELLED, null, "the client left before the answer"));
        r.onEvent(ev(id, c, Stage.PROCESS, Phase.END, Actor.SERVER, t + 5_005_000_000L, "app-1", "").build());
        r.onEvent(ev(id, c, Stage.RESPOND, Phase.BEGIN, Actor.SERVER, t + 5_005_100_000L, "server-io-2", "").build());
        r.onEvent(ev(id, c, Stage.RESPOND, Phase.ERROR, Actor.SERVER, t + 5_005_200_000L, "server-io-2", "connection reset by peer: the client is gone").build());
    }

    /** Raw bytes that are no HTTP: the server answers 400 and closes. */
    static void malformed(Recording r, long id, long t) {
        long c = 14;
        byte[] raw = ascii("GARBAGE\r\n\r\n");
        r.onEvent(new ExchangeStarted(id, c, t, new RequestInfo("", "", List.of(), null, raw)));
        r.onEvent(ev(id, c, Stage.SEND, Phase.BEGIN, Actor.CLIENT, t + 1_000, "client-io-1", "").build());
        r.onEvent(ev(id, c, Stage.SEND, Phase.PROGRESS, Actor.CLIENT_KERNEL, t + 2_000, "client-io-1", "").bytes(new BytesReadout(raw.length, raw)).build());
        r.onEvent(ev(id, c, Stage.SEND, Phase.END, Actor.CLIENT, t + 3_000, "client-io-1", "").build());
        r.onEvent(ev(id, c, Stage.PARSE, Phase.BEGIN, Actor.SERVER, t + 4_000, "server-io-2", "").build());
        r.onEvent(ev(id, c, Stage.PARSE, Phase.ERROR, Actor.SERVER, t + 5_000, "server-io-2", "invalid request line: GARBAGE").build());
        quiet(r, id, c, Stage.RESPOND, t + 6_000);
        quiet(r, id, c, Stage.INTERPRET, t + 8_000);
        r.onEvent(new ExchangeEnded(id, t + 9_000, Outcome.COMPLETED,
                new ResponseInfo(400, "Bad Request", List.of(new Header("Connection", "close")), ascii("Bad request\n")), "400 Bad Request"));
    }

    /** A 500 on a target full of words and signs that break naive Mermaid: end, ;, #, :. */
    static void keywords(Recording r, long id, long t) {
        long c = 15;
        r.onEvent(new ExchangeStarted(id, c, t, new RequestInfo("GET", "/end;a=1#x:y?q=end%20now", List.of(), null, null)));
        quiet(r, id, c, Stage.SEND, t + 1_000);
        quiet(r, id, c, Stage.PARSE, t + 3_000);
        r.onEvent(ev(id, c, Stage.PROCESS, Phase.BEGIN, Actor.SERVER, t + 5_000, "app-1", "").build());
        r.onEvent(ev(id, c, Stage.PROCESS, Phase.ERROR, Actor.SERVER, t + 6_000, "app-1", "end of story; boom # here: failed").build());
        quiet(r, id, c, Stage.RESPOND, t + 7_000);
        quiet(r, id, c, Stage.INTERPRET, t + 9_000);
        r.onEvent(new ExchangeEnded(id, t + 10_000, Outcome.COMPLETED,
                new ResponseInfo(500, "Internal Server Error", List.of(), ascii("end")), "500 Internal Server Error"));
    }

    /**
     * What a big session or a browser's HAR brings: {@code exchanges} GETs of a target of
     * {@code targetLength} characters, each with {@code sqlCalls} SQL calls.
     */
    public static Recording crowded(int exchanges, int targetLength, int sqlCalls) {
        Recording r = new Recording(START);
        for (int id = 1; id <= exchanges; id++) {
            long t = id * 10_000_000L, c = 100 + id;
            String target = "/search?q=" + "a".repeat(Math.max(0, targetLength - 10));
            r.onEvent(new ExchangeStarted(id, c, t, new RequestInfo("GET", target, List.of(new Header("Host", "127.0.0.1:43117")), null, null)));
            quiet(r, id, c, Stage.SEND, t + 1_000);
            quiet(r, id, c, Stage.PARSE, t + 10_000);
            r.onEvent(ev(id, c, Stage.PROCESS, Phase.BEGIN, Actor.SERVER, t + 20_000, "app-1", "route GET /search").build());
            for (int q = 0; q < sqlCalls; q++) {
                r.onEvent(ev(id, c, Stage.PROCESS, Phase.PROGRESS, Actor.DATABASE, t + 21_000 + q, "app-1", "")
                        .sql(new SqlReadout("SELECT name FROM users WHERE id = " + q, 1, 1_000)).build());
            }
            r.onEvent(ev(id, c, Stage.PROCESS, Phase.END, Actor.SERVER, t + 900_000, "app-1", "200 OK").build());
            quiet(r, id, c, Stage.RESPOND, t + 910_000);
            quiet(r, id, c, Stage.INTERPRET, t + 920_000);
            r.onEvent(new ExchangeEnded(id, t + 930_000, Outcome.COMPLETED, new ResponseInfo(200, "OK", List.of(), new byte[0]), "200 OK"));
        }
        return r;
    }

    /** Still under way when saved. */
    static void pending(Recording r, long id, long t) {
        r.onEvent(new ExchangeStarted(id, 16, t, new RequestInfo("GET", "/", List.of(), null, null)));
        r.onEvent(ev(id, 16, Stage.SEND, Phase.BEGIN, Actor.CLIENT, t + 1_000, "client-io-1", "").build());
    }

    private static Builder ev(long id, long c, Stage s, Phase p, Actor a, long t, String thread, String detail) {
        return new Builder(id, c, s, p, a, t, thread, detail);
    }

    /** A stage that only begins and, 1 µs later, ends, with no detail, on its usual actor and thread. */
    private static void quiet(Recording r, long id, long c, Stage s, long begin) {
        boolean client = s == Stage.SEND || s == Stage.INTERPRET;
        Actor a = client ? Actor.CLIENT : Actor.SERVER;
        String thread = client ? "client-io-1" : s == Stage.PROCESS ? "app-1" : "server-io-2";
        r.onEvent(ev(id, c, s, Phase.BEGIN, a, begin, thread, "").build());
        r.onEvent(ev(id, c, s, Phase.END, a, begin + 1_000, thread, "").build());
    }

    /** StageEvent.Builder stamps "now"; recordings under test need fixed times. */
    static final class Builder {
        private final long id, c, t;
        private final Stage s;
        private final Phase p;
        private final Actor a;
        private final String thread, detail;
        private BytesReadout bytes;
        private BufferReadout buffer;
        private KernelReadout kernel;
        private MemoryReadout memory;
        private SqlReadout sql;

        Builder(long id, long c, Stage s, Phase p, Actor a, long t, String thread, String detail) {
            this.id = id; this.c = c; this.s = s; this.p = p; this.a = a; this.t = t; this.thread = thread; this.detail = detail;
        }

        Builder bytes(BytesReadout b) { bytes = b; return this; }
        Builder buffer(BufferReadout b) { buffer = b; return this; }
        Builder kernel(KernelReadout k) { kernel = k; return this; }
        Builder memory(MemoryReadout m) { memory = m; return this; }
        Builder sql(SqlReadout q) { sql = q; return this; }

        TraceEvent build() {
            return new StageEvent(id, c, s, p, a, t, thread, detail, bytes, buffer, kernel, memory, sql);
        }
    }

    /** Deep equality of two recordings, field by field, bytes included. */
    public static void assertSameRecording(Recording actual, Recording expected) {
        assertThat(actual.startedAt()).isEqualTo(expected.startedAt());
        assertThat(actual.dropped()).isEqualTo(expected.dropped());
        assertThat(actual.exchanges()).hasSameSizeAs(expected.exchanges());
        for (int i = 0; i < expected.exchanges().size(); i++) {
            Exchange a = actual.exchanges().get(i);
            Exchange e = expected.exchanges().get(i);
            assertThat(a.id()).as("id of exchange %d", i).isEqualTo(e.id());
            assertThat(a.connectionId()).isEqualTo(e.connectionId());
            assertThat(a.startedNanos()).isEqualTo(e.startedNanos());
            assertThat(a.request()).as("request of exchange %d", e.id()).isEqualTo(e.request());
            assertThat(a.events()).as("events of exchange %d", e.id()).containsExactlyElementsOf(e.events());
            assertThat(a.gateEvents()).as("gates of exchange %d", e.id()).containsExactlyElementsOf(e.gateEvents());
            assertThat(a.end()).as("end of exchange %d", e.id()).isEqualTo(e.end());
            assertThat(a.outcome()).isEqualTo(e.outcome());
        }
        assertThat(actual.eventCount()).isEqualTo(expected.eventCount());
    }
}
