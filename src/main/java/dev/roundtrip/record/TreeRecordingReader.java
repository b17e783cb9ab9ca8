package dev.roundtrip.record;

import dev.roundtrip.record.JsonTree.Failure;
import dev.roundtrip.record.JsonTree.Node;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The reading half of {@link RecordingJson}: a parsed document to a new {@link Recording}. */
final class TreeRecordingReader {
    static final String[] STAGES = names(Stage.values());
    static final String[] PHASES = names(Phase.values());
    static final String[] ACTORS = names(Actor.values());
    static final String[] OUTCOMES = names(Outcome.values());
    static final String[] GATE_KINDS = {"held", "probed", "released", "discarded"};

    private TreeRecordingReader() {}

    static Recording read(Node root) throws RecordingFormatException {
        try {
            checkFormatAndVersion(root);
            Recording recording = new Recording(instant(root.get("startedAt")));
            List<Exchange> exchanges = new ArrayList<>();
            Set<Long> ids = new HashSet<>();
            for (Node x : root.get("exchanges").elements()) {
                Exchange e = exchange(x);
                if (!ids.add(e.id())) throw x.get("id").at("exchange id " + e.id() + " appears twice");
                exchanges.add(e);
            }
            Node dropped = root.get("dropped");
            if (!dropped.isAbsent()) recording.setDropped(dropped.nonNegativeLong());
            for (Exchange e : exchanges) recording.add(e);
            return recording;
        } catch (Failure f) {
            throw f.exception();
        }
    }

    private static void checkFormatAndVersion(Node root) {
        if (!root.isObject()) throw root.fail("a JSON object with \"format\": \"" + Recording.FORMAT + "\"");
        Node format = root.get("format");
        if (format.isMissing() && root.has("log")) {
            throw format.at("this is a HAR file, not a Roundtrip recording: import it instead "
                    + "(roundtrip import FILE.har, or File > Open which detects HAR)");
        }
        if (!format.isString() || !Recording.FORMAT.equals(format.string())) {
            throw format.fail("\"" + Recording.FORMAT + "\" (this is not a Roundtrip recording)");
        }
        Node version = root.get("version");
        if (!version.isNumber()) throw version.fail("a version number");
        long v = version.longValue();
        if (v > Recording.VERSION) {
            throw version.at("this recording is version " + v + ", written by a newer Roundtrip; this one reads up to version "
                    + Recording.VERSION + ". Update Roundtrip to open it");
        }
        if (v < 1) throw version.fail("a version from 1 to " + Recording.VERSION);
    }

    static Instant instant(Node n) {
        String s = n.string();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw n.fail("an ISO 8601 instant like 2024-05-01T10:15:30.123Z");
        }
    }

    /** One exchange object, as {@link RecordingJson#writeExchange} writes it. */
    static Exchange exchange(Node x) {
        long id = x.get("id").longValue();
        long connectionId = x.get("connectionId").longValue();
        long startedNanos = x.get("startedNanos").longValue();
        Outcome outcome = Outcome.fromWireName(x.get("outcome").oneOf(OUTCOMES));
        RequestInfo request = request(x.get("request"));
        Exchange exchange = new Exchange(new ExchangeStarted(id, connectionId, startedNanos, request));
        for (Node e : x.get("events").elements()) exchange.append(event(e, id));
        for (Node g : x.get("gates").elementsOrEmpty()) exchange.append(gate(g, id));
        Node ended = x.get("endedNanos");
        Node response = x.get("response");
        if (!ended.isAbsent()) {
            ResponseInfo r = response.isAbsent() ? null : response(response);
            exchange.finish(new ExchangeEnded(id, ended.longValue(), outcome, r, x.get("detail").stringOr(null)));
        } else if (outcome != Outcome.PENDING) {
            throw ended.fail("the time the exchange ended (outcome is " + outcome.wireName() + ")");
        } else if (!response.isAbsent()) {
            throw response.at("a pending exchange has no response yet; endedNanos is missing");
        }
        return exchange;
    }

    static RequestInfo request(Node r) {
        r.expect(JsonTree.Kind.OBJECT, "an object");
        Node raw = r.get("raw");
        return new RequestInfo(r.get("method").string(), r.get("target").string(), headers(r.get("headers")),
                body(r.get("body")), raw.isAbsent() ? null : body(raw));
    }

    static ResponseInfo response(Node r) {
        r.expect(JsonTree.Kind.OBJECT, "an object");
        int status = r.get("status").intValue();
        if (status < 100 || status > 999) throw r.get("status").fail("an HTTP status from 100 to 999");
        return new ResponseInfo(status, r.get("reason").stringOr(""), headers(r.get("headers")), body(r.get("body")));
    }

    static List<Header> headers(Node list) {
        List<Header> headers = new ArrayList<>();
        for (Node h : list.elements()) headers.add(new Header(h.get("name").string(), h.get("value").string()));
        return headers;
    }

    static byte[] body(Node b) {
        if (b.isAbsent()) return new byte[0];
        byte[] data = b.get("base64").base64();
        Node size = b.get("size");
        if (!size.isAbsent() && size.longValue() != data.length) {
            throw size.fail(data.length + " (the length of base64)");
        }
        return data;
    }

    static StageEvent event(Node e, long exchangeId) {
        Stage stage = Stage.fromWireName(e.get("stage").oneOf(STAGES));
        Phase phase = Phase.fromWireName(e.get("phase").oneOf(PHASES));
        Actor actor = Actor.fromWireName(e.get("actor").oneOf(ACTORS));
        return new StageEvent(exchangeId, e.get("connectionId").longValue(), stage, phase, actor,
                e.get("tNanos").longValue(), e.get("thread").stringOr(null), e.get("detail").stringOr(null),
                e.has("bytes") ? bytes(e.get("bytes")) : null,
                e.has("buffer") ? buffer(e.get("buffer")) : null,
                e.has("kernel") ? kernel(e.get("kernel")) : null,
                e.has("memory") ? memory(e.get("memory")) : null,
                e.has("sql") ? sql(e.get("sql")) : null);
    }

    static GateEvent gate(Node g, long exchangeId) {
        Stage stage = Stage.fromWireName(g.get("stage").oneOf(STAGES));
        GateEvent.Kind kind = GateEvent.Kind.valueOf(g.get("kind").oneOf(GATE_KINDS).toUpperCase(java.util.Locale.ROOT));
        return new GateEvent(exchangeId, g.get("tNanos").longValue(), stage, kind,
                g.has("kernel") ? kernel(g.get("kernel")) : null);
    }

    static BytesReadout bytes(Node b) {
        Node count = b.get("count");
        int n = count.nonNegativeInt();
        byte[] data = b.get("base64").base64();
        if (data.length > n) throw count.fail("at least " + data.length + " (the bytes kept in base64)");
        return new BytesReadout(n, data);
    }

    static BufferReadout buffer(Node b) {
        return new BufferReadout(b.get("capacity").nonNegativeInt(), b.get("readerIndex").nonNegativeInt(),
                b.get("writerIndex").nonNegativeInt());
    }

    static KernelReadout kernel(Node k) {
        return new KernelReadout(k.get("rxQueue").longOrNull(), k.get("txQueue").longOrNull(),
                k.get("rcvBuf").intOrNull(), k.get("sndBuf").intOrNull(), k.get("unavailable").stringOr(null));
    }

    static MemoryReadout memory(Node m) {
        return new MemoryReadout(m.get("heapUsed").longValue(), m.get("allocatedBytes").longOrNull(),
                m.get("directUsed").longValue());
    }

    static SqlReadout sql(Node s) {
        return new SqlReadout(s.get("statement").string(), s.get("rows").intValue(), s.get("nanos").longValue());
    }

    private static String[] names(Enum<?>[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i].name().toLowerCase(java.util.Locale.ROOT);
        return out;
    }
}
