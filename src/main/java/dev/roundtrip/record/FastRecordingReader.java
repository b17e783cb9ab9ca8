package dev.roundtrip.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
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
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The happy path of reading a recording: Jackson's tokens straight into the model, with no tree
 * and no locations (a 100,000-event file opens in a fraction of the tree's time). It accepts only
 * what {@link TreeRecordingReader} would accept and build the same way; at the first thing that is
 * not plainly valid it gives up ({@link #tryRead} returns null) and the caller reads the file again
 * through {@link JsonTree}, which gives the located error message, or reads the odd-but-valid file.
 */
final class FastRecordingReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxDocumentLength(-1)
                    .build())
            // the tree path refuses a field that appears twice: so must this one (it then gives up)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Anything not plainly valid: the located path takes over. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private final JsonParser p;
    private final Map<String, String> names = new HashMap<>();

    private FastRecordingReader(JsonParser p) {
        this.p = p;
    }

    /** The recording in {@code content}, or null when the located reader must look at it. */
    static Recording tryRead(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF ? 3 : 0;
        try (JsonParser p = FACTORY.createParser(content, start, content.length - start)) {
            Recording r = new FastRecordingReader(p).document();
            return p.nextToken() == null ? r : null;
        } catch (IOException | RuntimeException e) { // GiveUp included
            return null;
        }
    }

    private Recording document() throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        String format = null;
        Long version = null;
        Instant startedAt = null;
        Long dropped = null;
        List<Exchange> exchanges = null;
        while (next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = next();
            switch (f) {
                case "format": format = string(t); break;
                case "version": version = longValue(t); break;
                case "startedAt": startedAt = Instant.parse(string(t)); break;
                case "dropped": dropped = t == JsonToken.VALUE_NULL ? null : nonNegative(longValue(t)); break;
                case "exchanges": exchanges = exchanges(t); break;
                case "log": throw new GiveUp(); // a HAR file
                default: p.skipChildren();
            }
        }
        if (!Recording.FORMAT.equals(format) || version == null || version < 1 || version > Recording.VERSION
                || startedAt == null || exchanges == null) {
            throw new GiveUp();
        }
        Recording recording = new Recording(startedAt);
        if (dropped != null) recording.setDropped(dropped);
        for (Exchange e : exchanges) recording.add(e);
        return recording;
    }

    private List<Exchange> exchanges(JsonToken t) throws IOException {
        expect(t, JsonToken.START_ARRAY);
        List<Exchange> out = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        JsonToken e;
        while ((e = next()) != JsonToken.END_ARRAY) {
            Exchange x = exchange(e);
            if (!ids.add(x.id())) throw new GiveUp();
            out.add(x);
        }
        return out;
    }

    private Exchange exchange(JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        Long id = null, connectionId = null, startedNanos = null, endedNanos = null;
        Outcome outcome = null;
        RequestInfo request = null;
        ResponseInfo response = null;
        String detail = null;
        List<StageEvent> events = null;
        List<GateEvent> gates = List.of();
        while (next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = next();
            switch (f) {
                case "id": id = longValue(v); break;
                case "connectionId": connectionId = longValue(v); break;
                case "startedNanos": startedNanos = longValue(v); break;
                case "endedNanos": endedNanos = v == JsonToken.VALUE_NULL ? null : longValue(v); break;
                case "outcome": outcome = Outcome.fromWireName(oneOf(string(v), TreeRecordingReader.OUTCOMES)); break;
                case "request": request = request(v); break;
                case "response": response = v == JsonToken.VALUE_NULL ? null : response(v); break;
                case "detail": detail = v == JsonToken.VALUE_NULL ? null : string(v); break;
                case "events": {
                    if (id == null) throw new GiveUp(); // the writer puts the id first
                    events = events(v, id);
                    break;
                }
                case "gates": {
                    if (v == JsonToken.VALUE_NULL) break;
                    if (id == null) throw new GiveUp();
                    gates = gates(v, id);
                    break;
                }
                default: p.skipChildren();
            }
        }
        if (id == null || connectionId == null || startedNanos == null || outcome == null || request == null || events == null) {
            throw new GiveUp();
        }
        Exchange x = new Exchange(new ExchangeStarted(id, connectionId, startedNanos, request));
        for (StageEvent e : events) x.append(e);
        for (GateEvent g : gates) x.append(g);
        if (endedNanos != null) {
            x.finish(new ExchangeEnded(id, endedNanos, outcome, response, detail));
        } else if (outcome != Outcome.PENDING || response != null) {
            throw new GiveUp();
        }
        return x;
    }

    private RequestInfo request(JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        String method = null, target = null;
        List<Header> headers = null;
        byte[] body = new byte[0];
        byte[] raw = null;
        while (next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = next();
            switch (f) {
                case "method": method = string(v); break;
                case "target": target = string(v); break;
                case "headers": headers = headers(v); break;
                case "body": body = v == JsonToken.VALUE_NULL ? new byte[0] : body(v); break;
                case "raw": raw = v == JsonToken.VALUE_NULL ? null : body(v); break;
                default: p.skipChildren();
            }
        }
        if (method == null || target == null || headers == null) throw new GiveUp();
        return new RequestInfo(method, target, headers, body, raw);
    }

    private ResponseInfo response(JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        Integer status = null;
        String reason = "";
        List<Header> headers = null;
        byte[] body = new byte[0];
        while (next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = next();
            switch (f) {
                case "status": status = intValue(v); break;
                case "reason": reason = v == JsonToken.VALUE_NULL ? "" : string(v); break;
                case "headers": headers = headers(v); break;
                case "body": body = v == JsonToken.VALUE_NULL ? new byte[0] : body(v); break;
                default: p.skipChildren();
            }
        }
        if (status == null || status < 100 || status > 999 || headers == null) throw new GiveUp();
        return new ResponseInfo(status, reason, headers, body);
    }

    private List<Header> headers(JsonToken t) throws IOException {
        expect(t, JsonToken.START_ARRAY);
        List<Header> out = new ArrayList<>();
        JsonToken e;
        while ((e = next()) != JsonToken.END_ARRAY) {
            expect(e, JsonToken.START_OBJECT);
            String name = null, value = null;
            while (next() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = next();
                if (f.equals("name")) name = shared(string(v));
                else if (f.equals("value")) value = string(v);
                else p.skipChildren();
            }
            if (name == null || value == null) throw new GiveUp();
            out.add(new Header(name, value));
        }
        return out;
    }

    private byte[] body(JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        Long size = null;
        byte[] data = null;
        while (next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = next();
            if (f.equals("size")) size = v == JsonToken.VALUE_NULL ? null : longValue(v);
            else if (f.equals("base64")) data = base64(v);
            else p.skipChildren();
        }
        if (data == null || (size != null && size != data.length)) throw new GiveUp();
        return data;
    }

    private List<StageEvent> events(JsonToken t, long exchangeId) throws IOException {
        expect(t, JsonToken.START_ARRAY);
        List<StageEvent> out = new ArrayList<>();
        JsonToken e;
        while ((e = next()) != JsonToken.END_ARRAY) out.add(event(e, exchangeId));
        return out;
    }

    private StageEvent event(JsonToken t, long exchangeId) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        Stage stage = null;
        Phase phase = null;
        Actor actor = null;
        Long connectionId = null, tNanos = null;
        String thread = null, detail = null;
        BytesReadout bytes = null;
        BufferReadout buffer = null;
        KernelReadout kernel = null;
        MemoryReadout memory = null;
        SqlReadout sql = null;
        while (next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = next();
            boolean nul = v == JsonToken.VALUE_NULL;
            switch (f) {
                case "stage": stage = Stage.fromWireName(oneOf(string(v), TreeRecordingReader.STAGES)); break;
                case "phase": phase = Phase.fromWireName(oneOf(string(v), TreeRecordingReader.PHASES)); break;
                case "actor": actor = Actor.fromWireName(oneOf(string(v), TreeRecordingReader.ACTORS)); break;
                case "connectionId": connectionId = longValue(v); break;
                case "tNanos": tNanos = longValue(v); break;
                case "thread": thread = nul ? null : shared(string(v)); break;
                case "detail": detail = nul ? null : string(v); break;
                case "bytes": bytes = nul ? null : bytes(v); break;
                case "buffer": buffer = nul ? null : buffer(v); break;
                case "kernel": kernel = nul ? null : kernel(v); break;
                case "memory": memory = nul ? null : memory(v); break;
                case "sql": sql = nul ? null : sql(v); break;
                default: p.skipChildren();
            }
        }
        if (stage == null || phase == null || actor == null || connectionId == null || tNanos == null) throw new GiveUp();
        return new StageEvent(exchangeId, connectionId, stage, phase, actor, tNanos, thread, detail, bytes, buffer, kernel, memory, sql);
    }

    private List<GateEvent> gates(JsonToken t, long exchangeId) throws IOException {
        expect(t, JsonToken.START_ARRAY);
        List<GateEvent> out = new ArrayList<>();
        JsonToken e;
        while ((e = next()) != JsonToken.END_ARRAY) {
            expect(e, JsonToken.START_OBJECT);
            Stage stage = null;
            GateEvent.Kind kind = null;
            Long tNanos = null;
            KernelReadout kernel = null;
            while (next() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = next();
                switch (f) {
                    case "stage": stage = Stage.fromWireName(oneOf(string(v), TreeRecordingReader.STAGES)); break;
                    case "kind": kind = GateEvent.Kind.valueOf(oneOf(string(v), TreeRecordingReader.GATE_KINDS).toUpperCase(java.util.Locale.ROOT)); break;
                    case "tNanos": tNanos = longValue(v); break;
                    case "kernel": kernel = v == JsonToken.VALUE_NULL ? null : kernel(v); break;
                    default: p.skipChildren();
                }
            }
            if (stage == null || kind == null || tNanos == null) throw new GiveUp();
            out.add(new GateEvent(exchangeId, tNanos, stage, kind, kernel));
        }
        return out;
    }

    private BytesReadout bytes(JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        Integer count = null;
        byte[] data = null;
        while (next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = next();
            if (f.equals("count")) count = nonNegative(intValue(v));
            else if (f.equals("base64")) data = base64(v);
            else p.skipChildren();
        }
        if (count == null || data == null || data.length > count) throw new GiveUp();
        return new BytesReadout(count, data);
    }

    private BufferReadout buffer(JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        Integer capacity = null, reader = null, writer = null;
        while (next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = next();
            switch (f) {
                case "capacity": capacity = nonNegative(intValue(v)); break;
                case "readerIndex": reader = nonNegative(intValue(v)); break;
                case "writerIndex": writer = nonNegative(intValue(v)); break;
                default: p.skipChildren();
            }
        }
        if (capacity == null || reader == null || writer == null) throw new GiveUp();
        return new BufferReadout(capacity, reader, writer);
    }

    private KernelReadout kernel(JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        Long rx = null, tx = null;
        Integer rcv = null, snd = null;
        String unavailable = null;
        while (next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = next();
            boolean nul = v == JsonToken.VALUE_NULL;
            switch (f) {
                case "rxQueue": rx = nul ? null : longValue(v); break;
                case "txQueue": tx = nul ? null : longValue(v); break;
                case "rcvBuf": rcv = nul ? null : intValue(v); break;
                case "sndBuf": snd = nul ? null : intValue(v); break;
                case "unavailable": unavailable = nul ? null : shared(string(v)); break;
                default: p.skipChildren();
            }
        }
        return new KernelReadout(rx, tx, rcv, snd, unavailable);
    }

    private MemoryReadout memory(JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        Long heap = null, allocated = null, direct = null;
        while (next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = next();
            switch (f) {
                case "heapUsed": heap = longValue(v); break;
                case "allocatedBytes": allocated = v == JsonToken.VALUE_NULL ? null : longValue(v); break;
                case "directUsed": direct = longValue(v); break;
                default: p.skipChildren();
            }
        }
        if (heap == null || direct == null) throw new GiveUp();
        return new MemoryReadout(heap, allocated, direct);
    }

    private SqlReadout sql(JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        String statement = null;
        Integer rows = null;
        Long nanos = null;
        while (next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = next();
            switch (f) {
                case "statement": statement = string(v); break;
                case "rows": rows = intValue(v); break;
                case "nanos": nanos = longValue(v); break;
                default: p.skipChildren();
            }
        }
        if (statement == null || rows == null || nanos == null) throw new GiveUp();
        return new SqlReadout(statement, rows, nanos);
    }

    // --- tokens ---

    private JsonToken next() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) throw new GiveUp();
        return t;
    }

    private static void expect(JsonToken found, JsonToken wanted) {
        if (found != wanted) throw new GiveUp();
    }

    private String string(JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) throw new GiveUp();
        return p.getText();
    }

    /** Thread names, header names and the like repeat in every event: one String each. */
    private String shared(String s) {
        String known = names.putIfAbsent(s, s);
        return known != null ? known : s;
    }

    private long longValue(JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) throw new GiveUp();
        return p.getLongValue();
    }

    private int intValue(JsonToken t) throws IOException {
        long v = longValue(t);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw new GiveUp();
        return (int) v;
    }

    private static long nonNegative(long v) {
        if (v < 0) throw new GiveUp();
        return v;
    }

    private static int nonNegative(int v) {
        if (v < 0) throw new GiveUp();
        return v;
    }

    private static String oneOf(String s, String[] allowed) {
        for (String a : allowed) if (a.equals(s)) return s;
        throw new GiveUp();
    }

    private byte[] base64(JsonToken t) throws IOException {
        return Base64.getMimeDecoder().decode(string(t)); // an IllegalArgumentException gives up too
    }
}
