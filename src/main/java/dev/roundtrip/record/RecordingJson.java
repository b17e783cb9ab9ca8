package dev.roundtrip.record;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.MemoryReadout;
import dev.roundtrip.trace.Peer;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.SqlReadout;
import dev.roundtrip.trace.StageEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a {@link Recording} as {@code *.roundtrip.json} (format {@value Recording#FORMAT},
 * version {@value Recording#VERSION}); the schema is documented in {@code docs/recording-format.md}.
 * Writing streams, so a large recording never exists twice in memory. Reading checks {@code format}
 * and {@code version} first, then parses the whole file into a new {@link Recording}: on any error a
 * {@link RecordingFormatException} names the file, line, column and field, and nothing is returned.
 */
public final class RecordingJson {
    private static final JsonFactory FACTORY = JsonEscapes.factory();

    private RecordingJson() {}

    /** Writes {@code recording} to {@code out} and closes it. */
    public static void write(Recording recording, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", Recording.FORMAT);
            g.writeNumberField("version", Recording.VERSION);
            g.writeStringField("startedAt", recording.startedAt().toString());
            g.writeNumberField("dropped", recording.dropped());
            g.writeArrayFieldStart("exchanges");
            for (Exchange x : recording.exchanges()) writeExchange(g, x);
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Writes one exchange object; also used for the {@code _roundtrip} field of a HAR entry. */
    static void writeExchange(JsonGenerator g, Exchange x) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", x.id());
        g.writeNumberField("connectionId", x.connectionId());
        g.writeNumberField("startedNanos", x.startedNanos());
        // Read the end once: a live exchange may finish while it is being written.
        ExchangeEnded end = x.end().orElse(null);
        g.writeStringField("outcome", (end == null ? dev.roundtrip.trace.Outcome.PENDING : end.outcome()).wireName());
        if (end != null) {
            g.writeNumberField("endedNanos", end.tNanos());
            g.writeStringField("detail", end.detail());
            if (end.phrase() != null) writePhrase(g, "phrase", end.phrase());
        }
        Peer peer = x.peer().orElse(null);
        if (peer != null) {
            g.writeObjectFieldStart("peer");
            g.writeStringField("host", peer.host());
            g.writeStringField("address", peer.address());
            g.writeEndObject();
        }
        g.writeFieldName("request");
        writeRequest(g, x.request());
        dev.roundtrip.trace.UpstreamHop hop = x.upstream().orElse(null);
        if (hop != null) writeUpstream(g, hop);
        if (end != null && end.response() != null) {
            g.writeFieldName("response");
            writeResponse(g, end.response());
        }
        g.writeArrayFieldStart("events");
        for (StageEvent e : x.events()) writeEvent(g, e);
        g.writeEndArray();
        g.writeArrayFieldStart("gates");
        for (GateEvent e : x.gateEvents()) writeGate(g, e);
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The recording as UTF-8 JSON bytes. */
    public static byte[] toBytes(Recording recording) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(recording, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /**
     * Reads a whole {@code *.roundtrip.json} document.
     *
     * @param content the file's bytes
     * @param file the name used in error messages (usually the file name)
     * @throws RecordingFormatException when the content is not a recording this version can read
     */
    public static Recording read(byte[] content, String file) throws RecordingFormatException {
        return RecordingReader.read(JsonSource.of(content, file));
    }

    /** A captured exchange's second hop: where it went, what was forwarded and what came back. */
    private static void writeUpstream(JsonGenerator g, dev.roundtrip.trace.UpstreamHop hop) throws IOException {
        g.writeObjectFieldStart("upstream");
        g.writeNumberField("connectionId", hop.connectionId());
        g.writeObjectFieldStart("server");
        g.writeStringField("host", hop.server().host());
        g.writeStringField("address", hop.server().address());
        g.writeEndObject();
        g.writeFieldName("request");
        writeRequest(g, hop.request());
        if (hop.response() != null) {
            g.writeFieldName("response");
            writeResponse(g, hop.response());
        }
        g.writeEndObject();
    }

    private static void writeRequest(JsonGenerator g, RequestInfo r) throws IOException {
        g.writeStartObject();
        g.writeStringField("method", r.method());
        g.writeStringField("target", r.target());
        writeHeaders(g, r.headers());
        writeBody(g, "body", r.body());
        if (r.isRaw()) writeBody(g, "raw", r.raw());
        g.writeEndObject();
    }

    private static void writeResponse(JsonGenerator g, ResponseInfo r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("status", r.status());
        g.writeStringField("reason", r.reason());
        writeHeaders(g, r.headers());
        writeBody(g, "body", r.body());
        g.writeEndObject();
    }

    /** HAR writes headers the same way: an array of {name, value}. */
    static void writeHeaders(JsonGenerator g, List<Header> headers) throws IOException {
        g.writeArrayFieldStart("headers");
        for (Header h : headers) {
            g.writeStartObject();
            g.writeStringField("name", h.name());
            g.writeStringField("value", h.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeBody(JsonGenerator g, String field, byte[] data) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("size", data.length);
        g.writeFieldName("base64");
        g.writeBinary(data);
        g.writeEndObject();
    }

    private static void writeEvent(JsonGenerator g, StageEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("stage", e.stage().wireName());
        g.writeStringField("phase", e.phase().wireName());
        g.writeStringField("actor", e.actor().wireName());
        g.writeNumberField("tNanos", e.tNanos());
        g.writeNumberField("connectionId", e.connectionId());
        g.writeStringField("thread", e.thread());
        g.writeStringField("detail", e.detail());
        if (e.phrase() != null) writePhrase(g, "phrase", e.phrase());
        if (e.bytes() != null) writeBytes(g, "bytes", e.bytes());
        if (e.buffer() != null) writeBuffer(g, e.buffer());
        if (e.kernel() != null) writeKernel(g, e.kernel());
        if (e.memory() != null) writeMemory(g, e.memory());
        if (e.sql() != null) writeSql(g, e.sql());
        if (e.tcp() != null) writeTcp(g, e.tcp());
        if (e.tlsRecord() != null) writeTlsRecord(g, e.tlsRecord());
        if (e.tls() != null) writeTls(g, e.tls());
        if (e.plain() != null) writeBytes(g, "plain", e.plain());
        if (e.database() != null) writeDatabase(g, e.database());
        if (e.message() != null) writeMessage(g, e.message());
        if (e.frame() != null) writeFrame(g, e.frame());
        g.writeEndObject();
    }

    /** The detail as its text key and arguments, so a reader shows it in its own language (docs/recording-format.md). */
    private static void writePhrase(JsonGenerator g, String field, dev.roundtrip.trace.Phrase phrase) throws IOException {
        if (field != null) g.writeFieldName(field);
        g.writeStartObject();
        g.writeStringField("key", phrase.key());
        g.writeArrayFieldStart("args");
        for (Object a : phrase.args()) {
            if (a instanceof dev.roundtrip.trace.Phrase) writePhrase(g, null, (dev.roundtrip.trace.Phrase) a);
            else if (a instanceof dev.roundtrip.trace.Phrase.Duration) oneField(g, "nanos", ((dev.roundtrip.trace.Phrase.Duration) a).nanos());
            else if (a instanceof dev.roundtrip.trace.Phrase.Size) oneField(g, "bytes", ((dev.roundtrip.trace.Phrase.Size) a).bytes());
            else if (a instanceof dev.roundtrip.trace.Phrase.Ordinal) oneField(g, "ordinal", ((dev.roundtrip.trace.Phrase.Ordinal) a).n());
            else if (a instanceof Double) g.writeNumber((Double) a);
            else if (a instanceof Number) g.writeNumber(((Number) a).longValue());
            else g.writeString(String.valueOf(a));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void oneField(JsonGenerator g, String name, long value) throws IOException {
        g.writeStartObject();
        g.writeNumberField(name, value);
        g.writeEndObject();
    }

    private static void writeMessage(JsonGenerator g, dev.roundtrip.trace.MessageReadout m) throws IOException {
        g.writeObjectFieldStart("message");
        g.writeStringField("kind", m.kind().wireName());
        g.writeStringField("from", m.fromClient() ? "client" : "server");
        if (m.eventId() != null) g.writeStringField("eventId", m.eventId());
        if (m.opcode() >= 0) {
            g.writeNumberField("opcode", m.opcode());
            g.writeStringField("opcodeName", m.opcodeName());
        }
        g.writeNumberField("length", m.length());
        g.writeBooleanField("fin", m.fin());
        g.writeBooleanField("masked", m.masked());
        if (m.closeCode() != null) g.writeNumberField("closeCode", m.closeCode());
        g.writeEndObject();
    }

    /** An HTTP/2 frame; {@code flagNames} is derived (the reader ignores it), {@code headerBlock} and {@code headers} only for HEADERS. */
    private static void writeFrame(JsonGenerator g, dev.roundtrip.trace.FrameReadout f) throws IOException {
        g.writeObjectFieldStart("frame");
        g.writeStringField("type", f.type());
        g.writeNumberField("streamId", f.streamId());
        g.writeNumberField("length", f.length());
        g.writeNumberField("flags", f.flags());
        g.writeStringField("flagNames", f.flagNames());
        if (f.headerBlock() != null) g.writeNumberField("headerBlock", f.headerBlock());
        if (f.headers() != null) writeHeaders(g, f.headers());
        if (f.errorCode() != null) g.writeStringField("errorCode", f.errorCode());
        if (f.fromClient() != null) g.writeStringField("from", f.fromClient() ? "client" : "server");
        if (f.windowIncrement() != null) g.writeNumberField("windowIncrement", f.windowIncrement());
        if (f.settings() != null) {
            g.writeObjectFieldStart("settings");
            for (java.util.Map.Entry<String, Long> e : f.settings().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeDatabase(JsonGenerator g, dev.roundtrip.trace.DatabaseReadout d) throws IOException {
        g.writeObjectFieldStart("database");
        g.writeStringField("step", d.step().wireName());
        g.writeNumberField("connection", d.connection());
        g.writeNumberField("use", d.use());
        g.writeNumberField("roundTrips", d.roundTrips());
        writeNullable(g, "nanos", d.nanos());
        if (d.session()) g.writeBooleanField("session", true);
        g.writeEndObject();
    }

    private static void writeTcp(JsonGenerator g, dev.roundtrip.trace.TcpReadout t) throws IOException {
        g.writeObjectFieldStart("tcp");
        if (t.state() == null) g.writeNullField("state");
        else g.writeStringField("state", t.state());
        writeNullable(g, "rttMicros", t.rttMicros());
        writeNullable(g, "rttVarMicros", t.rttVarMicros());
        writeNullable(g, "congestionWindow", t.congestionWindow());
        writeNullable(g, "mss", t.mss());
        writeNullable(g, "retransmits", t.retransmits());
        writeNullable(g, "unacked", t.unacked());
        if (t.unavailable() != null) g.writeStringField("unavailable", t.unavailable());
        g.writeEndObject();
    }

    private static void writeTlsRecord(JsonGenerator g, dev.roundtrip.trace.TlsRecordReadout r) throws IOException {
        g.writeObjectFieldStart("tlsRecord");
        g.writeNumberField("contentType", r.contentType());
        g.writeStringField("type", r.contentTypeName());
        g.writeNumberField("version", r.version());
        g.writeStringField("versionName", r.versionName());
        g.writeNumberField("length", r.length());
        g.writeStringField("message", r.message());
        g.writeEndObject();
    }

    private static void writeTls(JsonGenerator g, dev.roundtrip.trace.TlsReadout t) throws IOException {
        g.writeObjectFieldStart("tls");
        g.writeStringField("protocol", t.protocol());
        g.writeStringField("cipherSuite", t.cipherSuite());
        if (t.alpn() == null) g.writeNullField("alpn");
        else g.writeStringField("alpn", t.alpn());
        writeNullable(g, "roundTrips", t.roundTrips() == null ? null : t.roundTrips().longValue());
        g.writeEndObject();
    }

    private static void writeGate(JsonGenerator g, GateEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("stage", e.stage().wireName());
        g.writeStringField("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeNumberField("tNanos", e.tNanos());
        if (e.kernel() != null) writeKernel(g, e.kernel());
        if (e.tcp() != null) writeTcp(g, e.tcp());
        g.writeEndObject();
    }

    private static void writeBytes(JsonGenerator g, String field, BytesReadout b) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("count", b.count());
        g.writeFieldName("base64");
        g.writeBinary(b.data());
        if (b.truncated()) g.writeBooleanField("truncated", true);
        g.writeEndObject();
    }

    private static void writeBuffer(JsonGenerator g, BufferReadout b) throws IOException {
        g.writeObjectFieldStart("buffer");
        g.writeNumberField("capacity", b.capacity());
        g.writeNumberField("readerIndex", b.readerIndex());
        g.writeNumberField("writerIndex", b.writerIndex());
        g.writeEndObject();
    }

    private static void writeKernel(JsonGenerator g, KernelReadout k) throws IOException {
        g.writeObjectFieldStart("kernel");
        writeNullable(g, "rxQueue", k.rxQueue());
        writeNullable(g, "txQueue", k.txQueue());
        writeNullable(g, "rcvBuf", k.rcvBuf() == null ? null : k.rcvBuf().longValue());
        writeNullable(g, "sndBuf", k.sndBuf() == null ? null : k.sndBuf().longValue());
        if (k.unavailable() != null) g.writeStringField("unavailable", k.unavailable());
        g.writeEndObject();
    }

    private static void writeMemory(JsonGenerator g, MemoryReadout m) throws IOException {
        g.writeObjectFieldStart("memory");
        g.writeNumberField("heapUsed", m.heapUsed());
        writeNullable(g, "allocatedBytes", m.allocatedBytes());
        if (m.instrumentAllocatedBytes() != null) g.writeNumberField("instrumentAllocatedBytes", m.instrumentAllocatedBytes());
        g.writeNumberField("directUsed", m.directUsed());
        if (m.unavailable() != null) g.writeStringField("unavailable", m.unavailable());
        if (m.cold()) g.writeBooleanField("cold", true);
        g.writeEndObject();
    }

    private static void writeSql(JsonGenerator g, SqlReadout s) throws IOException {
        g.writeObjectFieldStart("sql");
        g.writeStringField("statement", s.statement());
        g.writeNumberField("rows", s.rows());
        g.writeNumberField("nanos", s.nanos());
        g.writeEndObject();
    }

    private static void writeNullable(JsonGenerator g, String field, Long value) throws IOException {
        if (value == null) g.writeNullField(field);
        else g.writeNumberField(field, value);
    }
}
