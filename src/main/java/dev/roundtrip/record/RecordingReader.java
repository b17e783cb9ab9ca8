package dev.roundtrip.record;

import dev.roundtrip.trace.Phrase;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
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
import dev.roundtrip.trace.Peer;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.SqlReadout;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code *.roundtrip.json} (as {@link RecordingJson} writes it) in one streaming pass:
 * Jackson's tokens straight into the model, no tree. Fields may come in any order; unknown ones are
 * skipped. The first problem ends the read with a {@link RecordingFormatException} naming line,
 * column (the parser's token location) and JSON path (its parsing context), expected and found.
 * A problem only known once an object is closed (a missing field, a size that does not match) is
 * placed by {@link JsonLocator}: a second pass, on the error path only.
 */
final class RecordingReader {
    private static final String[] STAGES = names(Stage.values());
    private static final String[] PHASES = names(Phase.values());
    private static final String[] ACTORS = names(Actor.values());
    private static final String[] OUTCOMES = names(Outcome.values());
    private static final String[] GATE_KINDS = names(GateEvent.Kind.values());

    static final String INSTANT = "an ISO 8601 instant like 2024-05-01T10:15:30.123Z";
    static final String MISSING = "nothing (the field is missing)";
    /** Events read before their exchange's id carry this one until it is known. */
    private static final long NO_ID = Long.MIN_VALUE;

    private final JsonParser p;
    private final JsonSource source;
    /** Where {@code p}'s root stands in the file: empty, or a HAR entry's {@code _roundtrip}. */
    private final JsonPointer base;
    private final String basePath;
    /** True when {@code p} reads the file's bytes, so its token locations are the file's. */
    private final boolean located;
    /** Thread names, header names and the like repeat in every event: one String each. */
    private final Map<String, String> shared = new HashMap<>();

    private RecordingReader(JsonParser p, JsonSource source, JsonPointer base, String basePath, boolean located) {
        this.p = p;
        this.source = source;
        this.base = base;
        this.basePath = basePath;
        this.located = located;
    }

    /** Reads a whole recording; a HAR is refused with a hint to import it. */
    static Recording read(JsonSource source) throws RecordingFormatException {
        RecordingHeader.scan(source, false).check(source);
        JsonParser p = null;
        try {
            p = source.parser();
            return new RecordingReader(p, source, JsonPointer.empty(), "", true).document();
        } catch (IOException e) {
            throw source.syntaxError(e, p);
        } finally {
            close(p);
        }
    }

    /** One exchange object held in a Jackson tree (a HAR entry's {@code _roundtrip}) at {@code at} in the file. */
    static Exchange exchange(JsonSource source, JsonNode node, JsonPointer at, String path) throws RecordingFormatException {
        try (JsonParser p = node.traverse()) {
            return new RecordingReader(p, source, at, path, false).exchange(p.nextToken());
        } catch (IOException e) {
            throw source.syntaxError(e, null); // a tree is valid JSON; not expected
        }
    }

    private Recording document() throws IOException, RecordingFormatException {
        p.nextToken(); // the header check saw the object start
        Instant startedAt = null;
        long dropped = -1;
        List<Exchange> exchanges = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "format": seen = once(seen, 0); break; // a scalar, checked by RecordingHeader
                case "version": seen = once(seen, 1); break;
                case "startedAt": seen = once(seen, 2); startedAt = instant(v); break;
                case "dropped": seen = once(seen, 3); if (v != JsonToken.VALUE_NULL) dropped = nonNegative(integer(v)); break;
                case "exchanges": seen = once(seen, 4); exchanges = exchanges(v); break;
                default: p.skipChildren();
            }
        }
        if (startedAt == null) throw missing("startedAt", "a string");
        if (exchanges == null) throw missing("exchanges", "an array");
        if (p.nextToken() != null) throw at(Phrase.of("record.afterEnd"));
        Recording recording = new Recording(startedAt);
        if (dropped >= 0) recording.setDropped(dropped);
        for (Exchange x : exchanges) recording.add(x);
        return recording;
    }

    private List<Exchange> exchanges(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_ARRAY) throw fail("an array");
        List<Exchange> out = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            Exchange x = exchange(e);
            if (!ids.add(x.id())) throw atField("id", Phrase.of("record.idTwice", x.id()));
            out.add(x);
        }
        return out;
    }

    private Exchange exchange(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        long id = NO_ID;
        long connectionId = 0;
        long startedNanos = 0;
        long endedNanos = 0;
        boolean hasConnection = false;
        boolean hasStart = false;
        boolean hasEnd = false;
        boolean endIsNull = false;
        Outcome outcome = null;
        RequestInfo request = null;
        ResponseInfo response = null;
        String detail = null;
        KeyAndArgs phrase = null;
        List<StageEvent> events = null;
        List<GateEvent> gates = List.of();
        Peer peer = null;
        dev.roundtrip.trace.UpstreamHop upstream = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "id": seen = once(seen, 0); id = integer(v); break;
                case "connectionId": seen = once(seen, 1); connectionId = integer(v); hasConnection = true; break;
                case "startedNanos": seen = once(seen, 2); startedNanos = time(v); hasStart = true; break;
                case "endedNanos":
                    seen = once(seen, 3);
                    endIsNull = v == JsonToken.VALUE_NULL;
                    if (!endIsNull) endedNanos = time(v);
                    hasEnd = !endIsNull;
                    break;
                case "outcome": seen = once(seen, 4); outcome = Outcome.fromWireName(oneOf(v, OUTCOMES)); break;
                case "request": seen = once(seen, 5); request = request(v); break;
                case "response": seen = once(seen, 6); response = v == JsonToken.VALUE_NULL ? null : response(v); break;
                case "detail": seen = once(seen, 7); detail = stringOrNull(v); break;
                case "events": seen = once(seen, 8); events = events(v, id); break;
                case "gates": seen = once(seen, 9); gates = v == JsonToken.VALUE_NULL ? List.of() : gates(v, id); break;
                case "peer": seen = once(seen, 10); peer = v == JsonToken.VALUE_NULL ? null : peer(v); break;
                case "upstream": seen = once(seen, 11); upstream = v == JsonToken.VALUE_NULL ? null : upstream(v); break;
                case "phrase": seen = once(seen, 12); phrase = v == JsonToken.VALUE_NULL ? null : phrase(v); break;
                default: p.skipChildren();
            }
        }
        if (id == NO_ID) throw missing("id", "an integer");
        if (!hasConnection) throw missing("connectionId", "an integer");
        if (!hasStart) throw missing("startedNanos", "an integer");
        if (outcome == null) throw missing("outcome", "one of " + String.join("|", OUTCOMES));
        if (request == null) throw missing("request", "an object");
        if (events == null) throw missing("events", "an array");
        if (hasEnd && endedNanos < startedNanos) {
            throw atField("endedNanos", Phrase.of("record.endsBeforeStart", nanos(endedNanos), nanos(startedNanos)));
        }
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).tNanos() < startedNanos) throw beforeStart("events", i, events.get(i).tNanos(), startedNanos);
        }
        for (int i = 0; i < gates.size(); i++) {
            if (gates.get(i).tNanos() < startedNanos) throw beforeStart("gates", i, gates.get(i).tNanos(), startedNanos);
        }
        Exchange x = new Exchange(new ExchangeStarted(id, connectionId, startedNanos, request));
        if (peer != null) x.setPeer(peer);
        if (upstream != null) x.setUpstream(upstream);
        for (StageEvent e : events) x.append(e.exchangeId() == id ? e : withId(e, id)); // "events" came before "id"
        for (GateEvent g : gates) x.append(g.exchangeId() == id ? g : new GateEvent(id, g.tNanos(), g.stage(), g.kind(), g.kernel(), g.tcp()));
        if (hasEnd) {
            x.finish(new ExchangeEnded(id, endedNanos, outcome, response, detail, phrase == null ? null : recorded(phrase, detail)));
        } else if (outcome != Outcome.PENDING) {
            throw atField("endedNanos", Phrase.of("record.noEnd", outcome.wireName(), ProblemWords.found(endIsNull ? "null" : MISSING)));
        } else if (response != null) {
            throw atField("response", Phrase.of("record.pendingWithResponse"));
        }
        return x;
    }

    /** {"host": "example.com", "address": "93.184.216.34"}: both optional texts of one line. */
    private Peer peer(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        String host = "";
        String address = "";
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "host": seen = once(seen, 0); host = v == JsonToken.VALUE_NULL ? "" : oneLine(string(v), "a host"); break;
                case "address": seen = once(seen, 1); address = v == JsonToken.VALUE_NULL ? "" : oneLine(string(v), "an address"); break;
                default: p.skipChildren();
            }
        }
        return new Peer(host, address);
    }

    /** {"connectionId": 2, "server": {peer}, "request": {...}, "response": {...}}: a captured exchange's second hop. */
    private dev.roundtrip.trace.UpstreamHop upstream(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        long connectionId = 0;
        boolean hasConnection = false;
        Peer server = new Peer("", "");
        RequestInfo request = null;
        ResponseInfo response = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "connectionId": seen = once(seen, 0); connectionId = integer(v); hasConnection = true; break;
                case "server": seen = once(seen, 1); if (v != JsonToken.VALUE_NULL) server = peer(v); break;
                case "request": seen = once(seen, 2); request = request(v); break;
                case "response": seen = once(seen, 3); response = v == JsonToken.VALUE_NULL ? null : response(v); break;
                default: p.skipChildren();
            }
        }
        if (!hasConnection) throw missing("connectionId", "an integer");
        if (request == null) throw missing("request", "an object");
        return new dev.roundtrip.trace.UpstreamHop(connectionId, server, request, response);
    }

    private RequestInfo request(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        String method = null;
        String target = null;
        List<Header> headers = null;
        byte[] body = null;
        byte[] raw = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "method": seen = once(seen, 0); method = oneLine(string(v), "a method"); break;
                case "target": seen = once(seen, 1); target = oneLine(string(v), "a request target"); break;
                case "headers": seen = once(seen, 2); headers = headers(v); break;
                case "body": seen = once(seen, 3); body = v == JsonToken.VALUE_NULL ? null : body(v); break;
                case "raw": seen = once(seen, 4); raw = v == JsonToken.VALUE_NULL ? null : body(v); break;
                default: p.skipChildren();
            }
        }
        if (method == null) throw missing("method", "a string");
        if (target == null) throw missing("target", "a string");
        if (headers == null) throw missing("headers", "an array");
        return new RequestInfo(method, target, headers, body, raw);
    }

    private ResponseInfo response(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        int status = 0; // not given: a given one is 100 to 999
        String reason = "";
        List<Header> headers = null;
        byte[] body = new byte[0];
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "status":
                    seen = once(seen, 0);
                    status = int32(v);
                    if (status < 100 || status > 999) throw fail("an HTTP status from 100 to 999");
                    break;
                case "reason": seen = once(seen, 1); reason = v == JsonToken.VALUE_NULL ? "" : oneLine(string(v), "a reason phrase"); break;
                case "headers": seen = once(seen, 2); headers = headers(v); break;
                case "body": seen = once(seen, 3); body = v == JsonToken.VALUE_NULL ? new byte[0] : body(v); break;
                default: p.skipChildren();
            }
        }
        if (status == 0) throw missing("status", "an integer");
        if (headers == null) throw missing("headers", "an array");
        return new ResponseInfo(status, reason, headers, body);
    }

    private List<Header> headers(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_ARRAY) throw fail("an array");
        List<Header> out = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e != JsonToken.START_OBJECT) throw fail("an object");
            String name = null;
            String value = null;
            int seen = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                switch (f) {
                    case "name": seen = once(seen, 0); name = shared(oneLine(string(v), "a header name")); break;
                    case "value": seen = once(seen, 1); value = oneLine(string(v), "a header value"); break;
                    default: p.skipChildren();
                }
            }
            if (name == null) throw missing("name", "a string");
            if (value == null) throw missing("value", "a string");
            out.add(new Header(name, value));
        }
        return out;
    }

    /** {"size": n, "base64": "..."}; the size, when given, must be the decoded length. */
    private byte[] body(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        Long size = null;
        byte[] data = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "size": seen = once(seen, 0); size = v == JsonToken.VALUE_NULL ? null : integer(v); break;
                case "base64": seen = once(seen, 1); data = base64(v); break;
                default: p.skipChildren();
            }
        }
        if (data == null) throw missing("base64", "a string");
        if (size != null && size != data.length) throw atField("size", Phrase.of("record.sizeNotBase64", data.length, size));
        return data;
    }

    private List<StageEvent> events(JsonToken t, long exchangeId) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_ARRAY) throw fail("an array");
        List<StageEvent> out = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) out.add(event(e, exchangeId));
        return out;
    }

    private StageEvent event(JsonToken t, long exchangeId) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        Stage stage = null;
        Phase phase = null;
        Actor actor = null;
        long connectionId = 0;
        long tNanos = 0;
        boolean hasConnection = false;
        boolean hasTime = false;
        String thread = null;
        String detail = null;
        BytesReadout bytes = null;
        BufferReadout buffer = null;
        KernelReadout kernel = null;
        MemoryReadout memory = null;
        SqlReadout sql = null;
        dev.roundtrip.trace.TcpReadout tcp = null;
        dev.roundtrip.trace.TlsRecordReadout tlsRecord = null;
        dev.roundtrip.trace.TlsReadout tls = null;
        BytesReadout plain = null;
        dev.roundtrip.trace.DatabaseReadout database = null;
        dev.roundtrip.trace.MessageReadout message = null;
        dev.roundtrip.trace.FrameReadout frame = null;
        KeyAndArgs phrase = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            boolean nul = v == JsonToken.VALUE_NULL;
            switch (f) {
                case "phrase": seen = once(seen, 19); phrase = nul ? null : phrase(v); break;
                case "tcp": seen = once(seen, 12); tcp = nul ? null : tcp(v); break;
                case "tlsRecord": seen = once(seen, 13); tlsRecord = nul ? null : tlsRecord(v); break;
                case "tls": seen = once(seen, 14); tls = nul ? null : tls(v); break;
                case "plain": seen = once(seen, 15); plain = nul ? null : bytes(v); break;
                case "database": seen = once(seen, 16); database = nul ? null : database(v); break;
                case "message": seen = once(seen, 17); message = nul ? null : message(v); break;
                case "frame": seen = once(seen, 18); frame = nul ? null : frame(v); break;
                case "stage": seen = once(seen, 0); stage = Stage.fromWireName(oneOf(v, STAGES)); break;
                case "phase": seen = once(seen, 1); phase = Phase.fromWireName(oneOf(v, PHASES)); break;
                case "actor": seen = once(seen, 2); actor = Actor.fromWireName(oneOf(v, ACTORS)); break;
                case "connectionId": seen = once(seen, 3); connectionId = integer(v); hasConnection = true; break;
                case "tNanos": seen = once(seen, 4); tNanos = time(v); hasTime = true; break;
                case "thread": seen = once(seen, 5); thread = nul ? null : shared(string(v)); break;
                case "detail": seen = once(seen, 6); detail = stringOrNull(v); break;
                case "bytes": seen = once(seen, 7); bytes = nul ? null : bytes(v); break;
                case "buffer": seen = once(seen, 8); buffer = nul ? null : buffer(v); break;
                case "kernel": seen = once(seen, 9); kernel = nul ? null : kernel(v); break;
                case "memory": seen = once(seen, 10); memory = nul ? null : memory(v); break;
                case "sql": seen = once(seen, 11); sql = nul ? null : sql(v); break;
                default: p.skipChildren();
            }
        }
        if (stage == null) throw missing("stage", "one of " + String.join("|", STAGES));
        if (phase == null) throw missing("phase", "one of " + String.join("|", PHASES));
        if (actor == null) throw missing("actor", "one of " + String.join("|", ACTORS));
        if (!hasConnection) throw missing("connectionId", "an integer");
        if (!hasTime) throw missing("tNanos", "an integer");
        return new StageEvent(exchangeId, connectionId, stage, phase, actor, tNanos, thread, detail, bytes, buffer, kernel, memory, sql,
                tcp, tlsRecord, tls, plain, database, message, frame, phrase == null ? null : recorded(phrase, detail));
    }

    private record KeyAndArgs(String key, List<Object> args) {}

    private static dev.roundtrip.trace.Phrase recorded(KeyAndArgs k, String english) {
        return dev.roundtrip.trace.Phrase.recorded(k.key, k.args, english);
    }

    /** An event's {@code phrase}: its text key and arguments; the event's detail is its English. */
    private KeyAndArgs phrase(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object {\"key\": ..., \"args\": [...]}");
        return phraseFrom(p.nextToken() == JsonToken.FIELD_NAME ? p.currentName() : null);
    }

    /** The rest of a phrase object whose first field {@code first} was just read (null: it is empty). */
    private KeyAndArgs phraseFrom(String first) throws IOException, RecordingFormatException {
        String key = null;
        List<Object> args = List.of();
        int seen = 0;
        for (String f = first; f != null; f = p.nextToken() == JsonToken.FIELD_NAME ? p.currentName() : null) {
            JsonToken v = p.nextToken();
            switch (f) {
                case "key":
                    seen = once(seen, 0);
                    key = shared(string(v));
                    if (!dev.roundtrip.trace.Phrase.isKey(key)) throw fail("a text key like \"server.socketRead\"");
                    break;
                case "args": seen = once(seen, 1); args = phraseArgs(v); break;
                default: p.skipChildren();
            }
        }
        if (key == null) throw missing("key", "a text key like \"server.socketRead\"");
        return new KeyAndArgs(key, args);
    }

    private List<Object> phraseArgs(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_ARRAY) throw fail("an array of numbers, strings and objects");
        List<Object> args = new ArrayList<>();
        for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
            if (v == JsonToken.VALUE_NUMBER_INT) args.add(integer(v));
            else if (v == JsonToken.VALUE_NUMBER_FLOAT) args.add(p.getDoubleValue());
            else if (v == JsonToken.VALUE_STRING) args.add(shared(p.getText()));
            else if (v == JsonToken.START_OBJECT) args.add(phraseArg());
            else throw fail("a number, a string or an object");
        }
        return args;
    }

    /** An object argument: a phrase {key, args}, or {nanos}, {bytes}, {ordinal}. */
    private Object phraseArg() throws IOException, RecordingFormatException {
        String f = p.nextToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
        if (!"nanos".equals(f) && !"bytes".equals(f) && !"ordinal".equals(f)) return recorded(phraseFrom(f), null);
        long n = nonNegative(integer(p.nextToken()));
        if (p.nextToken() != JsonToken.END_OBJECT) throw fail("the end of {\"" + f + "\": n}");
        return "nanos".equals(f) ? dev.roundtrip.trace.Phrase.duration(n) : "bytes".equals(f) ? dev.roundtrip.trace.Phrase.size(n)
                : dev.roundtrip.trace.Phrase.ordinal(n);
    }

    private static final String[] MESSAGE_KINDS = java.util.Arrays.stream(dev.roundtrip.trace.MessageReadout.Kind.values())
            .map(dev.roundtrip.trace.MessageReadout.Kind::wireName).toArray(String[]::new);

    /** An SSE event or a WebSocket frame of a long-lived exchange (version 2, written since real-time routes exist). */
    private dev.roundtrip.trace.MessageReadout message(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        dev.roundtrip.trace.MessageReadout.Kind kind = null;
        String from = null;
        String eventId = null;
        int opcode = -1;
        long length = -1;
        boolean fin = true;
        boolean masked = false;
        Integer closeCode = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "kind": seen = once(seen, 0); kind = dev.roundtrip.trace.MessageReadout.Kind.fromWireName(oneOf(v, MESSAGE_KINDS)); break;
                case "from": seen = once(seen, 1); from = oneOf(v, new String[] {"client", "server"}); break;
                case "eventId": seen = once(seen, 2); eventId = v == JsonToken.VALUE_NULL ? null : shared(string(v)); break;
                case "opcode": seen = once(seen, 3); opcode = byteValue(v, 15); break;
                case "length": seen = once(seen, 4); length = nonNegative(integer(v)); break;
                case "fin": seen = once(seen, 5); fin = bool(v); break;
                case "masked": seen = once(seen, 6); masked = bool(v); break;
                case "closeCode": seen = once(seen, 7); closeCode = v == JsonToken.VALUE_NULL ? null : byteValue(v, 0xffff); break;
                default: p.skipChildren(); // "opcodeName" is derived
            }
        }
        if (kind == null) throw missing("kind", "one of " + String.join("|", MESSAGE_KINDS));
        if (from == null) throw missing("from", "client|server");
        if (length < 0) throw missing("length", "an integer >= 0");
        if (kind == dev.roundtrip.trace.MessageReadout.Kind.WS_FRAME && opcode < 0) throw missing("opcode", "an integer from 0 to 15");
        return new dev.roundtrip.trace.MessageReadout(kind, from.equals("client"), eventId, opcode, length, fin, masked, closeCode);
    }

    /** An HTTP/2 frame (written since the server speaks h2; older files have none). */
    private dev.roundtrip.trace.FrameReadout frame(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        String type = null;
        int streamId = -1;
        int length = -1;
        int flags = -1;
        Integer headerBlock = null;
        List<Header> headers = null;
        String errorCode = null;
        Boolean fromClient = null;
        Long increment = null;
        java.util.Map<String, Long> settings = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "type": seen = once(seen, 0); type = shared(oneLine(string(v), "a frame type")); break;
                case "from": seen = once(seen, 7); fromClient = oneOf(v, new String[] {"client", "server"}).equals("client"); break;
                case "windowIncrement": seen = once(seen, 8); increment = nonNegative(integer(v)); break;
                case "settings": seen = once(seen, 9); settings = settings(v); break;
                case "streamId": seen = once(seen, 1); streamId = nonNegative(int32(v)); break;
                case "length": seen = once(seen, 2); length = byteValue(v, 0xffffff); break;
                case "flags": seen = once(seen, 3); flags = byteValue(v, 255); break;
                case "headerBlock": seen = once(seen, 4); headerBlock = nonNegative(int32(v)); break;
                case "headers": seen = once(seen, 5); headers = headers(v); break;
                case "errorCode": seen = once(seen, 6); errorCode = shared(oneLine(string(v), "an error code")); break;
                default: p.skipChildren(); // "flagNames" is derived
            }
        }
        if (type == null) throw missing("type", "a string");
        if (streamId < 0) throw missing("streamId", "an integer >= 0");
        if (length < 0) throw missing("length", "an integer");
        if (flags < 0) throw missing("flags", "an integer");
        return new dev.roundtrip.trace.FrameReadout(type, streamId, length, flags, headerBlock, headers, errorCode, fromClient, increment, settings);
    }

    /** A SETTINGS frame's parameters: names to values (32-bit, unsigned), in the order sent. */
    private java.util.Map<String, Long> settings(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object of setting names to integers");
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = shared(oneLine(p.currentName(), "a setting name"));
            long v = nonNegative(integer(p.nextToken()));
            if (v > 0xFFFFFFFFL) throw fail("a setting value within 32 bits");
            out.put(name, v);
        }
        return out;
    }

    private static final String[] DATABASE_STEPS = java.util.Arrays.stream(dev.roundtrip.trace.DatabaseReadout.Step.values())
            .map(dev.roundtrip.trace.DatabaseReadout.Step::wireName).toArray(String[]::new);

    /** A step of an SQL call over the database socket (version 2, written since the database has its own socket). */
    private dev.roundtrip.trace.DatabaseReadout database(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        dev.roundtrip.trace.DatabaseReadout.Step step = null;
        int connection = -1;
        int use = 0;
        int roundTrips = 0;
        Long nanos = null;
        boolean session = false;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "step": seen = once(seen, 0); step = dev.roundtrip.trace.DatabaseReadout.Step.fromWireName(oneOf(v, DATABASE_STEPS)); break;
                case "connection": seen = once(seen, 1); connection = nonNegative(int32(v)); break;
                case "use": seen = once(seen, 2); use = nonNegative(int32(v)); break;
                case "roundTrips": seen = once(seen, 3); roundTrips = nonNegative(int32(v)); break;
                case "nanos": seen = once(seen, 4); nanos = v == JsonToken.VALUE_NULL ? null : nonNegative(integer(v)); break;
                case "session": seen = once(seen, 5); session = bool(v); break;
                default: p.skipChildren();
            }
        }
        if (step == null) throw missing("step", "one of " + String.join("|", DATABASE_STEPS));
        if (connection < 0) throw missing("connection", "an integer >= 0");
        return new dev.roundtrip.trace.DatabaseReadout(step, connection, use, roundTrips, nanos, session);
    }

    /** Every figure may be missing or null: not measured, and {@code unavailable} says why. */
    private dev.roundtrip.trace.TcpReadout tcp(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        String state = null;
        String unavailable = null;
        Long[] n = new Long[6];
        String[] names = {"rttMicros", "rttVarMicros", "congestionWindow", "mss", "retransmits", "unacked"};
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            boolean nul = v == JsonToken.VALUE_NULL;
            int i = java.util.Arrays.asList(names).indexOf(f);
            if (i >= 0) {
                seen = once(seen, i);
                n[i] = nul ? null : nonNegative(integer(v));
            } else if (f.equals("state")) {
                seen = once(seen, 6);
                state = nul ? null : shared(oneLine(string(v), "a TCP state"));
            } else if (f.equals("unavailable")) {
                seen = once(seen, 7);
                unavailable = nul ? null : shared(string(v));
            } else {
                p.skipChildren();
            }
        }
        return new dev.roundtrip.trace.TcpReadout(state, n[0], n[1], n[2], n[3], n[4], n[5], unavailable);
    }

    private dev.roundtrip.trace.TlsRecordReadout tlsRecord(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        int type = -1;
        int version = -1;
        int length = -1;
        String message = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "contentType": seen = once(seen, 0); type = byteValue(v, 255); break;
                case "version": seen = once(seen, 1); version = byteValue(v, 0xffff); break;
                case "length": seen = once(seen, 2); length = byteValue(v, 0xffff); break;
                case "message": seen = once(seen, 3); message = shared(string(v)); break;
                default: p.skipChildren(); // "type" and "versionName" are derived
            }
        }
        if (type < 0) throw missing("contentType", "an integer");
        if (version < 0) throw missing("version", "an integer");
        if (length < 0) throw missing("length", "an integer");
        if (message == null) throw missing("message", "a string");
        return new dev.roundtrip.trace.TlsRecordReadout(type, version, length, message);
    }

    private int byteValue(JsonToken t, int max) throws IOException, RecordingFormatException {
        int v = int32(t);
        if (v < 0 || v > max) throw fail("an integer from 0 to " + max);
        return v;
    }

    private dev.roundtrip.trace.TlsReadout tls(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        String protocol = null;
        String suite = null;
        String alpn = null;
        Integer roundTrips = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            boolean nul = v == JsonToken.VALUE_NULL;
            switch (f) {
                case "protocol": seen = once(seen, 0); protocol = shared(oneLine(string(v), "a protocol")); break;
                case "cipherSuite": seen = once(seen, 1); suite = shared(oneLine(string(v), "a cipher suite")); break;
                case "alpn": seen = once(seen, 2); alpn = nul ? null : shared(oneLine(string(v), "an ALPN protocol")); break;
                case "roundTrips": seen = once(seen, 3); roundTrips = nul ? null : nonNegative(int32(v)); break;
                default: p.skipChildren();
            }
        }
        if (protocol == null) throw missing("protocol", "a string");
        if (suite == null) throw missing("cipherSuite", "a string");
        return new dev.roundtrip.trace.TlsReadout(protocol, suite, alpn, roundTrips);
    }

    private List<GateEvent> gates(JsonToken t, long exchangeId) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_ARRAY) throw fail("an array");
        List<GateEvent> out = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e != JsonToken.START_OBJECT) throw fail("an object");
            Stage stage = null;
            GateEvent.Kind kind = null;
            long tNanos = 0;
            boolean hasTime = false;
            KernelReadout kernel = null;
            dev.roundtrip.trace.TcpReadout tcp = null;
            int seen = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                switch (f) {
                    case "stage": seen = once(seen, 0); stage = Stage.fromWireName(oneOf(v, STAGES)); break;
                    case "kind": seen = once(seen, 1); kind = GateEvent.Kind.valueOf(oneOf(v, GATE_KINDS).toUpperCase(Locale.ROOT)); break;
                    case "tNanos": seen = once(seen, 2); tNanos = time(v); hasTime = true; break;
                    case "kernel": seen = once(seen, 3); kernel = v == JsonToken.VALUE_NULL ? null : kernel(v); break;
                    case "tcp": seen = once(seen, 4); tcp = v == JsonToken.VALUE_NULL ? null : tcp(v); break;
                    default: p.skipChildren();
                }
            }
            if (stage == null) throw missing("stage", "one of " + String.join("|", STAGES));
            if (kind == null) throw missing("kind", "one of " + String.join("|", GATE_KINDS));
            if (!hasTime) throw missing("tNanos", "an integer");
            out.add(new GateEvent(exchangeId, tNanos, stage, kind, kernel, tcp));
        }
        return out;
    }

    private BytesReadout bytes(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        int count = -1;
        byte[] data = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "count": seen = once(seen, 0); count = nonNegative(int32(v)); break;
                case "base64": seen = once(seen, 1); data = base64(v); break;
                default: p.skipChildren(); // "truncated" is count > kept bytes, derived
            }
        }
        if (count < 0) throw missing("count", "an integer");
        if (data == null) throw missing("base64", "a string");
        if (data.length > count) throw atField("count", Phrase.of("record.countBelowKept", data.length, count));
        return BytesReadout.adopting(count, data);
    }

    private BufferReadout buffer(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        int capacity = -1;
        int reader = -1;
        int writer = -1;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "capacity": seen = once(seen, 0); capacity = nonNegative(int32(v)); break;
                case "readerIndex": seen = once(seen, 1); reader = nonNegative(int32(v)); break;
                case "writerIndex": seen = once(seen, 2); writer = nonNegative(int32(v)); break;
                default: p.skipChildren();
            }
        }
        if (capacity < 0) throw missing("capacity", "an integer");
        if (reader < 0) throw missing("readerIndex", "an integer");
        if (writer < 0) throw missing("writerIndex", "an integer");
        if (reader > writer) throw atField("readerIndex", Phrase.of("record.readerPastWriter", reader, writer));
        if (writer > capacity) throw atField("writerIndex", Phrase.of("record.writerPastCapacity", writer, capacity));
        return new BufferReadout(capacity, reader, writer);
    }

    /** Every field may be missing or null: not measured, and {@code unavailable} says why. */
    private KernelReadout kernel(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        Long rx = null;
        Long tx = null;
        Integer rcv = null;
        Integer snd = null;
        String unavailable = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            boolean nul = v == JsonToken.VALUE_NULL;
            switch (f) {
                case "rxQueue": seen = once(seen, 0); rx = nul ? null : integer(v); break;
                case "txQueue": seen = once(seen, 1); tx = nul ? null : integer(v); break;
                case "rcvBuf": seen = once(seen, 2); rcv = nul ? null : int32(v); break;
                case "sndBuf": seen = once(seen, 3); snd = nul ? null : int32(v); break;
                case "unavailable": seen = once(seen, 4); unavailable = nul ? null : shared(string(v)); break;
                default: p.skipChildren();
            }
        }
        return new KernelReadout(rx, tx, rcv, snd, unavailable);
    }

    private MemoryReadout memory(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        long heap = 0;
        long direct = 0;
        boolean hasHeap = false;
        boolean hasDirect = false;
        Long allocated = null;
        Long instrument = null;
        String unavailable = null;
        boolean cold = false;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "heapUsed": seen = once(seen, 0); heap = integer(v); hasHeap = true; break;
                case "allocatedBytes": seen = once(seen, 1); allocated = v == JsonToken.VALUE_NULL ? null : integer(v); break;
                case "directUsed": seen = once(seen, 2); direct = integer(v); hasDirect = true; break;
                case "instrumentAllocatedBytes": seen = once(seen, 3); instrument = v == JsonToken.VALUE_NULL ? null : integer(v); break;
                case "unavailable": seen = once(seen, 4); unavailable = stringOrNull(v); break;
                case "cold": seen = once(seen, 5); cold = flag(v); break;
                default: p.skipChildren();
            }
        }
        if (!hasHeap) throw missing("heapUsed", "an integer");
        if (!hasDirect) throw missing("directUsed", "an integer");
        return new MemoryReadout(heap, allocated, instrument, direct, unavailable, cold);
    }

    private SqlReadout sql(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.START_OBJECT) throw fail("an object");
        String statement = null;
        int rows = 0;
        long nanos = 0;
        boolean hasRows = false;
        boolean hasNanos = false;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "statement": seen = once(seen, 0); statement = string(v); break;
                case "rows": seen = once(seen, 1); rows = int32(v); hasRows = true; break;
                case "nanos": seen = once(seen, 2); nanos = integer(v); hasNanos = true; break;
                default: p.skipChildren();
            }
        }
        if (statement == null) throw missing("statement", "a string");
        if (!hasRows) throw missing("rows", "an integer");
        if (!hasNanos) throw missing("nanos", "an integer");
        return new SqlReadout(statement, rows, nanos);
    }

    // --- values: the current token, or an error at it ---

    /**
     * Marks field number {@code bit} of the object being read. A field given twice is refused at
     * its second value (Jackson's own check costs a hash set per object, a third of the read).
     */
    private int once(int seen, int bit) throws RecordingFormatException {
        if ((seen & (1 << bit)) != 0) throw at(Phrase.of("record.twice"));
        return seen | (1 << bit);
    }

    private String string(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.VALUE_STRING) throw fail("a string");
        return p.getText();
    }

    private String stringOrNull(JsonToken t) throws IOException, RecordingFormatException {
        return t == JsonToken.VALUE_NULL ? null : string(t);
    }

    private String shared(String s) {
        String known = shared.putIfAbsent(s, s);
        return known != null ? known : s;
    }

    private boolean flag(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) throw fail("true or false");
        return t == JsonToken.VALUE_TRUE;
    }

    private long integer(JsonToken t) throws IOException, RecordingFormatException {
        if (t != JsonToken.VALUE_NUMBER_INT) throw fail("an integer");
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) throw fail("an integer within 64 bits");
        return p.getLongValue();
    }

    private int int32(JsonToken t) throws IOException, RecordingFormatException {
        long v = integer(t);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw fail("an integer within 32 bits");
        return (int) v;
    }

    /** A time in ns since the recording began: never negative. */
    private long time(JsonToken t) throws IOException, RecordingFormatException {
        long v = integer(t);
        if (v < 0) throw fail("a time >= 0 (ns since the recording began)");
        return v;
    }

    /** A text that goes into a request or status line, or a header line, when replayed or exported: no CR or LF. */
    private String oneLine(String s, String what) throws IOException, RecordingFormatException {
        String wrong = FileChecks.lineBreak(s);
        if (wrong != null) throw at(what + " may not hold a line break (it would start a new header when sent or exported); this one " + wrong);
        return s;
    }

    private static String nanos(long ns) {
        return JsonSource.thousands(ns) + " ns";
    }

    /** Event or gate {@code i} of the exchange just closed is earlier than the exchange's start. */
    private RecordingFormatException beforeStart(String list, int i, long t, long start) {
        JsonStreamContext c = p.getParsingContext();
        String path = JsonSource.join(basePath, JsonSource.join(JsonSource.path(c), list + "[" + i + "].tNanos"));
        JsonPointer at = base.append(c.pathAsPointer()).appendProperty(list).appendIndex(i).appendProperty("tNanos");
        return source.error(at, path, Phrase.of(list.equals("events") ? "record.eventBeforeStart" : "record.gateBeforeStart", nanos(t), nanos(start)));
    }

    private boolean bool(JsonToken t) throws IOException, RecordingFormatException {
        if (t == JsonToken.VALUE_TRUE) return true;
        if (t == JsonToken.VALUE_FALSE) return false;
        throw fail("true or false");
    }

    private long nonNegative(long v) throws IOException, RecordingFormatException {
        if (v < 0) throw fail("a number >= 0");
        return v;
    }

    private int nonNegative(int v) throws IOException, RecordingFormatException {
        if (v < 0) throw fail("a number >= 0");
        return v;
    }

    private String oneOf(JsonToken t, String[] allowed) throws IOException, RecordingFormatException {
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            for (String a : allowed) if (a.equals(s)) return a;
        }
        throw fail("one of " + String.join("|", allowed));
    }

    private byte[] base64(JsonToken t) throws IOException, RecordingFormatException {
        String s = string(t);
        try {
            return FileChecks.base64(s);
        } catch (IllegalArgumentException e) {
            throw fail("base64 data (" + e.getMessage() + ")");
        }
    }

    private Instant instant(JsonToken t) throws IOException, RecordingFormatException {
        Instant i = parseInstant(string(t));
        if (i == null) throw fail(INSTANT);
        return i;
    }

    /** The instant, or null when {@code s} is not one. */
    static Instant parseInstant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static StageEvent withId(StageEvent e, long id) {
        return e.withExchangeId(id);
    }

    // --- errors ---

    /** "expected {what}, found {the current value}", at the current token. */
    private RecordingFormatException fail(String expected) throws IOException {
        return at(ProblemWords.expectedFound(expected, JsonSource.found(p)));
    }

    /** A problem with the current value, at its token; its path is its parsing context's. */
    private RecordingFormatException at(Phrase problem) {
        JsonToken t = p.currentToken();
        // An object or array value has opened its own context already: its path is the parent's entry.
        JsonStreamContext c = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                ? p.getParsingContext().getParent() : p.getParsingContext();
        String path = JsonSource.join(basePath, JsonSource.path(c));
        if (located) return source.error(p.currentTokenLocation(), path, problem);
        return source.error(base.append(c.pathAsPointer()), path, problem);
    }

    /** The same with a problem said in English only (its words come from elsewhere): the same in every language. */
    private RecordingFormatException at(String problem) {
        return at(Phrase.of("record.literal", problem));
    }

    /**
     * A problem with {@code field} of the object just closed (the parser is at its end), placed by a
     * second pass at the field, or at the object when the field is missing.
     */
    private RecordingFormatException atField(String field, Phrase problem) {
        JsonStreamContext c = p.getParsingContext(); // after END_OBJECT: the parent, whose current entry is the object
        String path = JsonSource.join(basePath, JsonSource.join(JsonSource.path(c), field));
        return source.error(base.append(c.pathAsPointer()).appendProperty(field), path, problem);
    }

    private RecordingFormatException missing(String field, String expected) {
        JsonStreamContext c = p.getParsingContext();
        String path = JsonSource.join(basePath, JsonSource.join(JsonSource.path(c), field));
        return source.error(base.append(c.pathAsPointer()).appendProperty(field), path, ProblemWords.expectedFound(expected, MISSING));
    }

    static void close(JsonParser p) {
        try {
            if (p != null) p.close();
        } catch (IOException ignored) {
            // a parser over a byte array has nothing to release
        }
    }

    private static String[] names(Enum<?>[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i].name().toLowerCase(Locale.ROOT);
        return out;
    }
}
