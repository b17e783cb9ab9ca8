package dev.roundtrip.record;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a recording as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): one entry per
 * exchange with request, response, sizes and timings mapped from our stages:
 * <pre>
 *  blocked, dns = -1                          (not measured as such)
 *  connect = connect begin .. handshake end (or connect end); ssl = the handshake; -1 on a reused connection
 *  send    = SEND begin .. SEND end
 *  wait    = SEND end .. INTERPRET begin      (network both ways + parse + process + respond)
 *  receive = INTERPRET begin .. INTERPRET end
 *  time    = connect + send + wait + receive  (ms, 3 decimals, all >= 0; connect only when measured)
 * </pre>
 * The complete exchange (events, readouts, gates, raw request) also goes into the entry's
 * {@code _roundtrip} field, and the recording's header into {@code log._roundtrip}, so
 * {@link HarImport} gives back exactly the recording that was exported. The mapping is documented
 * in {@code docs/recording-format.md}.
 */
public final class HarExport {
    /** Used in URLs when the request named no Host: a reserved name that cannot resolve. */
    public static final String PLACEHOLDER_ORIGIN = "http://unknown-host.invalid";
    /**
     * Marks the entry of a captured exchange's second hop (Roundtrip to the foreign server) with the id of
     * the exchange whose own entry holds everything: an import reads that one and skips this.
     */
    public static final String UPSTREAM_HOP = "_roundtripUpstreamOf";
    private static final JsonFactory FACTORY = JsonEscapes.factory();
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String VERSION = HarExport.class.getPackage().getImplementationVersion() == null
            ? "dev" : HarExport.class.getPackage().getImplementationVersion();

    private HarExport() {}

    /** All exchanges of {@code recording} as HAR, written to {@code out} (closed afterwards). */
    public static void write(Recording recording, OutputStream out) throws IOException {
        write(recording, recording.exchanges(), null, out);
    }

    /**
     * Some exchanges of {@code recording} as HAR.
     *
     * @param origin scheme://host:port for the entries' URLs, e.g. {@code http://127.0.0.1:8080};
     *     null to take it from each request's Host header, or {@link #PLACEHOLDER_ORIGIN} without one
     */
    public static void write(Recording recording, List<Exchange> exchanges, String origin, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("log");
            g.writeStringField("version", "1.2");
            g.writeObjectFieldStart("creator");
            g.writeStringField("name", "Roundtrip");
            g.writeStringField("version", VERSION);
            g.writeEndObject();
            g.writeArrayFieldStart("pages");
            g.writeEndArray();
            g.writeArrayFieldStart("entries");
            for (Exchange x : exchanges) {
                writeEntry(g, recording.startedAt(), x, origin);
                // a CONNECT tunnel sent no HTTP upstream: its one entry says it all
                if (x.upstream().isPresent() && !x.request().method().equals("CONNECT")) {
                    writeUpstreamEntry(g, recording.startedAt(), x, x.upstream().get());
                }
            }
            g.writeEndArray();
            g.writeObjectFieldStart("_roundtrip");
            g.writeStringField("format", Recording.FORMAT);
            g.writeNumberField("version", Recording.VERSION);
            g.writeStringField("startedAt", recording.startedAt().toString());
            g.writeNumberField("dropped", recording.dropped());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    public static byte[] toBytes(Recording recording) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(recording, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * HAR timings of one exchange in ms with 3 decimals; {@link #time()} is their sum. {@code connectMs}
     * runs from the connect stage's begin to the handshake's end and, as HAR 1.2 says, includes
     * {@code sslMs}; both are null (written -1) for an exchange on a reused connection.
     */
    public record Timings(BigDecimal connectMs, BigDecimal sslMs, BigDecimal sendMs, BigDecimal waitMs, BigDecimal receiveMs) {
        public BigDecimal time() {
            return (connectMs == null ? BigDecimal.ZERO : connectMs).add(sendMs).add(waitMs).add(receiveMs);
        }

        /**
         * A captured exchange's first hop, as its foreign client saw it: the request read (parse), the wait
         * for Roundtrip and the foreign server, the response written (respond).
         */
        public static Timings clientHop(Exchange x) {
            StageTimes t = StageTimes.of(x);
            StageTimes.Span parse = t.get(Stage.PARSE).orElse(null);
            StageTimes.Span respond = t.get(Stage.RESPOND).orElse(null);
            long begin = parse != null ? parse.beginNanos() : x.startedNanos();
            long sent = parse != null && parse.endNanos() != null ? parse.endNanos() : begin;
            long end = x.end().map(ExchangeEnded::tNanos).orElse(sent);
            long answer = respond != null ? respond.beginNanos() : end;
            long done = respond != null && respond.endNanos() != null ? respond.endNanos() : Math.max(answer, end);
            return new Timings(null, null, ms(sent - begin), ms(answer - sent), ms(done - answer));
        }

        public static Timings of(Exchange x) {
            StageTimes t = StageTimes.of(x);
            StageTimes.Span send = t.get(Stage.SEND).orElse(null);
            StageTimes.Span interpret = t.get(Stage.INTERPRET).orElse(null);
            long sendBegin = send != null ? send.beginNanos() : x.startedNanos();
            long sendEnd = send != null && send.endNanos() != null ? send.endNanos() : sendBegin;
            long waitEnd;
            if (interpret != null) waitEnd = interpret.beginNanos();
            else waitEnd = x.end().map(ExchangeEnded::tNanos).orElse(sendEnd); // the client gave up then
            long receiveEnd = interpret == null ? waitEnd
                    : interpret.endNanos() != null ? interpret.endNanos()
                    : x.end().map(ExchangeEnded::tNanos).orElse(interpret.beginNanos());
            StageTimes.Span connect = t.get(Stage.CONNECT).orElse(null);
            StageTimes.Span ssl = t.get(Stage.HANDSHAKE).orElse(null);
            BigDecimal connectMs = null;
            if (connect != null) {
                Long opened = ssl != null ? ssl.endNanos() : connect.endNanos();
                // up to where the request begins: what the first request paid before it could be sent
                connectMs = ms((opened != null ? Math.min(opened, sendBegin) : sendBegin) - connect.beginNanos());
            }
            BigDecimal sslMs = ssl == null || ssl.endNanos() == null ? null : ms(ssl.endNanos() - ssl.beginNanos());
            return new Timings(connectMs, sslMs, ms(sendEnd - sendBegin), ms(waitEnd - sendEnd), ms(receiveEnd - waitEnd));
        }

        private static BigDecimal ms(long nanos) {
            return BigDecimal.valueOf(Math.max(0, nanos)).divide(BigDecimal.valueOf(1_000_000), 3, RoundingMode.HALF_UP);
        }
    }

    private static void writeEntry(JsonGenerator g, Instant recordingStart, Exchange x, String origin) throws IOException {
        RequestInfo req = x.request();
        ExchangeEnded end = x.end().orElse(null); // read once: a live exchange may end meanwhile
        ResponseInfo res = end == null ? null : end.response();
        Timings t = x.upstream().isPresent() ? Timings.clientHop(x) : Timings.of(x);
        g.writeStartObject();
        g.writeStringField("startedDateTime", ISO_MILLIS.format(recordingStart.plusNanos(x.startedNanos())));
        g.writeNumberField("time", t.time());
        writeRequest(g, req, origin != null ? origin : tlsOrigin(x));
        writeResponse(g, end == null ? Outcome.PENDING : end.outcome(), res);
        g.writeObjectFieldStart("cache");
        g.writeEndObject();
        writeTimings(g, t);
        String address = x.peer().map(dev.roundtrip.trace.Peer::address).orElse("127.0.0.1");
        if (!address.isEmpty()) g.writeStringField("serverIPAddress", address);
        g.writeStringField("connection", Long.toString(x.connectionId()));
        String detail = end == null ? null : end.detail();
        if (detail != null && !detail.isEmpty()) g.writeStringField("comment", detail);
        g.writeFieldName("_roundtrip");
        RecordingJson.writeExchange(g, x);
        g.writeEndObject();
    }

    private static void writeTimings(JsonGenerator g, Timings t) throws IOException {
        g.writeObjectFieldStart("timings");
        g.writeNumberField("blocked", -1);
        g.writeNumberField("dns", -1);
        if (t.connectMs() == null) g.writeNumberField("connect", -1);
        else g.writeNumberField("connect", t.connectMs());
        if (t.sslMs() == null) g.writeNumberField("ssl", -1);
        else g.writeNumberField("ssl", t.sslMs());
        g.writeNumberField("send", t.sendMs());
        g.writeNumberField("wait", t.waitMs());
        g.writeNumberField("receive", t.receiveMs());
        g.writeEndObject();
    }

    /** The second hop of a captured exchange: as the foreign server saw it, timed by Roundtrip's client side. */
    private static void writeUpstreamEntry(JsonGenerator g, Instant recordingStart, Exchange x, dev.roundtrip.trace.UpstreamHop hop)
            throws IOException {
        Timings t = Timings.of(x);
        StageTimes.Span send = StageTimes.of(x).get(Stage.SEND).orElse(null);
        long start = send != null ? send.beginNanos() : x.startedNanos();
        ExchangeEnded end = x.end().orElse(null);
        Outcome outcome = hop.response() != null ? Outcome.COMPLETED : end == null ? Outcome.PENDING : end.outcome();
        g.writeStartObject();
        g.writeStringField("startedDateTime", ISO_MILLIS.format(recordingStart.plusNanos(start)));
        g.writeNumberField("time", t.time());
        writeRequest(g, hop.request(), "http://" + hop.server().host());
        writeResponse(g, outcome, hop.response());
        g.writeObjectFieldStart("cache");
        g.writeEndObject();
        writeTimings(g, t);
        if (!hop.server().address().isEmpty()) g.writeStringField("serverIPAddress", hop.server().address());
        g.writeStringField("connection", Long.toString(hop.connectionId()));
        g.writeStringField("comment", "exchange #" + x.id() + " as Roundtrip forwarded it to " + hop.server().describe()
                + "; wait is the foreign server's time measured from outside");
        g.writeNumberField(UPSTREAM_HOP, x.id());
        g.writeEndObject();
    }

    /** HTTP/2 names its request line and status in pseudo-headers (":method", ":status"); HTTP/1.1 has none. */
    private static String httpVersion(List<dev.roundtrip.trace.Header> headers) {
        return headers.stream().anyMatch(h -> h.name().startsWith(":")) ? "HTTP/2" : "HTTP/1.1";
    }

    private static void writeRequest(JsonGenerator g, RequestInfo req, String origin) throws IOException {
        byte[] body = req.body();
        g.writeObjectFieldStart("request");
        g.writeStringField("method", req.method().isEmpty() ? "GET" : req.method());
        g.writeStringField("url", url(req, origin));
        g.writeStringField("httpVersion", httpVersion(req.headers()));
        writeCookies(g, req.headers(), "Cookie");
        RecordingJson.writeHeaders(g, req.headers());
        g.writeArrayFieldStart("queryString");
        for (String[] q : query(req.target())) {
            g.writeStartObject();
            g.writeStringField("name", q[0]);
            g.writeStringField("value", q[1]);
            g.writeEndObject();
        }
        g.writeEndArray();
        if (body.length > 0) {
            g.writeObjectFieldStart("postData");
            g.writeStringField("mimeType", header(req.headers(), "Content-Type", "application/octet-stream"));
            g.writeArrayFieldStart("params");
            g.writeEndArray();
            writeText(g, body);
            g.writeEndObject();
        }
        g.writeNumberField("headersSize", requestHeadersSize(req));
        g.writeNumberField("bodySize", body.length);
        g.writeEndObject();
    }

    private static void writeResponse(JsonGenerator g, Outcome outcome, ResponseInfo res) throws IOException {
        g.writeObjectFieldStart("response");
        if (res == null) {
            // No response was read (cancelled, timeout, failure): as browsers write it, status 0.
            g.writeNumberField("status", 0);
            g.writeStringField("statusText", "");
            g.writeStringField("httpVersion", "");
            g.writeArrayFieldStart("cookies");
            g.writeEndArray();
            g.writeArrayFieldStart("headers");
            g.writeEndArray();
            g.writeObjectFieldStart("content");
            g.writeNumberField("size", 0);
            g.writeStringField("mimeType", "x-unknown");
            g.writeEndObject();
            g.writeStringField("redirectURL", "");
            g.writeNumberField("headersSize", -1);
            g.writeNumberField("bodySize", -1);
            g.writeStringField("_error", errorName(outcome));
        } else {
            byte[] body = res.body();
            g.writeNumberField("status", res.status());
            g.writeStringField("statusText", res.reason());
            g.writeStringField("httpVersion", httpVersion(res.headers()));
            writeCookies(g, res.headers(), "Set-Cookie");
            RecordingJson.writeHeaders(g, res.headers());
            g.writeObjectFieldStart("content");
            g.writeNumberField("size", body.length);
            g.writeStringField("mimeType", header(res.headers(), "Content-Type", "x-unknown"));
            writeText(g, body);
            g.writeEndObject();
            g.writeStringField("redirectURL", header(res.headers(), "Location", ""));
            g.writeNumberField("headersSize", responseHeadersSize(res));
            g.writeNumberField("bodySize", body.length);
        }
        g.writeEndObject();
    }

    private static String errorName(Outcome o) {
        switch (o) {
            case CANCELLED: return "cancelled: the client left before the response";
            case TIMEOUT: return "timeout: the client gave up waiting";
            case PENDING: return "pending: no response yet when exported";
            default: return "failed: no response was read";
        }
    }

    /** UTF-8 text as text; anything else as base64 with {@code encoding}. */
    private static void writeText(JsonGenerator g, byte[] data) throws IOException {
        String text = utf8(data);
        if (text != null) {
            g.writeStringField("text", text);
        } else {
            g.writeFieldName("text");
            g.writeBinary(data);
            g.writeStringField("encoding", "base64");
        }
    }

    static String utf8(byte[] data) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return null;
            }
            return s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void writeCookies(JsonGenerator g, List<Header> headers, String headerName) throws IOException {
        g.writeArrayFieldStart("cookies");
        for (Header h : headers) {
            if (!h.name().equalsIgnoreCase(headerName)) continue;
            // Cookie: a=1; b=2   — Set-Cookie: a=1; Path=/  (only the first pair is the cookie)
            String[] parts = h.value().split(";");
            int n = headerName.equals("Cookie") ? parts.length : Math.min(1, parts.length);
            for (int i = 0; i < n; i++) {
                String p = parts[i].trim();
                int eq = p.indexOf('=');
                if (eq <= 0) continue;
                g.writeStartObject();
                g.writeStringField("name", p.substring(0, eq).trim());
                g.writeStringField("value", p.substring(eq + 1).trim());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    static String header(List<Header> headers, String name, String fallback) {
        for (Header h : headers) if (h.name().equalsIgnoreCase(name)) return h.value();
        return fallback;
    }

    /** Whether the exchange's bytes crossed TLS: its handshake, or ciphertext beside the plaintext it carried. */
    static boolean overTls(Exchange x) {
        return x.events().stream().anyMatch(e -> e.plain() != null || e.stage() == Stage.HANDSHAKE);
    }

    /** {@code https://host} for an exchange over TLS that names its Host; null (each request's own http origin) otherwise. */
    private static String tlsOrigin(Exchange x) {
        String host = header(x.request().headers(), "Host", "");
        return overTls(x) && !host.isBlank() ? "https://" + host.trim() : null;
    }

    static String url(RequestInfo req, String origin) {
        String target = req.target();
        if (target.startsWith("http://") || target.startsWith("https://")) return escapeUrl(target);
        // a CONNECT names host:port only; what it tunnels is nearly always TLS
        if (req.method().equals("CONNECT") && !target.startsWith("/")) return "https://" + escapeUrl(target) + "/";
        String o = origin;
        if (o == null) {
            String host = header(req.headers(), "Host", null);
            o = host == null || host.isBlank() ? PLACEHOLDER_ORIGIN : "http://" + host.trim();
        }
        if (target.isEmpty()) target = "/";
        if (!target.startsWith("/")) target = "/" + target;
        return o + escapeUrl(target);
    }

    /** Percent-encodes only what can never stand in a URL (spaces, controls, non-ASCII). */
    private static String escapeUrl(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    static List<String[]> query(String target) {
        List<String[]> out = new ArrayList<>();
        int q = target.indexOf('?');
        if (q < 0) return out;
        String query = target.substring(q + 1);
        int hash = query.indexOf('#');
        if (hash >= 0) query = query.substring(0, hash);
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(new String[] {decode(name), decode(value)});
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a malformed escape: keep what was sent
        }
    }

    /** Bytes of the request line, the header lines and the empty line, as sent. */
    static long requestHeadersSize(RequestInfo req) {
        if (req.isRaw()) {
            byte[] raw = req.raw();
            int end = indexOfBlankLine(raw);
            return end < 0 ? -1 : end;
        }
        long n = (req.method() + " " + req.target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8).length;
        for (Header h : req.headers()) n += (h.name() + ": " + h.value() + "\r\n").getBytes(StandardCharsets.UTF_8).length;
        return n + 2;
    }

    static long responseHeadersSize(ResponseInfo res) {
        long n = ("HTTP/1.1 " + res.status() + " " + res.reason() + "\r\n").getBytes(StandardCharsets.UTF_8).length;
        for (Header h : res.headers()) n += (h.name() + ": " + h.value() + "\r\n").getBytes(StandardCharsets.UTF_8).length;
        return n + 2;
    }

    private static int indexOfBlankLine(byte[] b) {
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') return i + 4;
        }
        return -1;
    }
}
