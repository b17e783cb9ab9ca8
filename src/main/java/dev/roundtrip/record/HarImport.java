package dev.roundtrip.record;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Peer;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a HAR file (1.1 or 1.2, as browsers' developer tools and proxies save it) into a new
 * {@link Recording}.
 *
 * <p>An entry with a {@code _roundtrip} field (our own export) is read from it, losslessly. Any
 * other entry becomes an exchange built only from what the HAR says:
 * <ul>
 *   <li>request: method; target = path and query of the URL; headers as listed (HTTP/2 pseudo
 *       headers included); body = {@code postData.text} (base64-decoded when {@code encoding} is
 *       {@code base64});</li>
 *   <li>response: status, statusText, headers, body = {@code content.text} (base64 when
 *       {@code content.encoding} says so; empty when the HAR did not keep it). Status 0 means no
 *       response: outcome cancelled, timeout or failed as {@code _error} suggests;</li>
 *   <li>events, in time from {@code startedDateTime} plus {@code blocked}, {@code dns} and
 *       {@code connect} (negative = not applicable = 0): SEND begin/end spanning {@code send},
 *       then INTERPRET begin/end spanning {@code receive}, {@code wait} after SEND. There are no
 *       PARSE, PROCESS or RESPOND events (a HAR does not split the server's time from the network's)
 *       and no bytes, buffer, kernel or memory readouts: the UI shows those as not available.</li>
 * </ul>
 * Unknown fields ({@code _initiator}, {@code _priority}, {@code pages}, {@code cookies}, ...) are
 * ignored. Fields HAR requires that we need ({@code log}, {@code log.entries}, an entry's
 * {@code startedDateTime}, {@code request.method}, {@code request.url}, {@code response.status})
 * give a {@link RecordingFormatException} naming file, line and field when missing.
 */
public final class HarImport {
    /** A HAR duration (a timing phase, an entry's {@code time}) may be at most this many ms: 11.6 days. */
    static final double MAX_MS = 1e9;
    /** Entries may lie at most this far after the earliest one. */
    static final Duration MAX_SPAN = Duration.ofDays(365L * 100);
    /** Warnings placed at their line (each costs a pass over the file); the next ones name only their path. */
    private static final int LOCATED_WARNINGS = 20;
    /** Warnings kept; beyond them one more says how many were left out. */
    private static final int MAX_WARNINGS = 100;

    private HarImport() {}

    /** The doubtful values of one import, in file order. */
    private static final class Warnings {
        final List<RecordingWarning> list = new ArrayList<>();
        int more;

        void add(LocatedJson at, Phrase problem) {
            if (list.size() >= MAX_WARNINGS) more++;
            else list.add(list.size() < LOCATED_WARNINGS ? at.warning(problem) : at.warningByPath(problem));
        }

        List<RecordingWarning> all(String file) {
            if (more == 0) return list;
            List<RecordingWarning> out = new ArrayList<>(list);
            out.add(new RecordingWarning(file, 0, 0, "", Phrase.of("record.har.moreWarnings", more)));
            return out;
        }
    }

    /**
     * Reads a HAR document.
     *
     * @param file the name used in error messages
     */
    public static Recording read(byte[] content, String file) throws RecordingFormatException {
        return read(JsonSource.of(content, file));
    }

    /** Reads a HAR into a Jackson tree, then checks it value by value (HAR files are free-form and small). */
    static Recording read(JsonSource source) throws RecordingFormatException {
        LocatedJson root = LocatedJson.parse(source);
        if (!root.isObject()) throw root.fail(Phrase.of("record.har.anObject"));
        LocatedJson log = root.get("log");
        log.expectObject("the HAR \"log\" object");
        LocatedJson ours = log.get("_roundtrip");
        if (!ours.isAbsent()) checkVersion(ours);
        List<LocatedJson> entries = log.get("entries").elements();
        if (entries.isEmpty() && ours.isAbsent()) {
            throw log.get("entries").at(Phrase.of("record.har.noEntries"));
        }
        Warnings warnings = new Warnings();

        Instant startedAt = !ours.isAbsent() ? instant(ours.get("startedAt")) : earliest(log, entries);
        Recording recording = new Recording(startedAt);
        String creator = creator(log);

        Set<Long> ids = new HashSet<>();
        List<Exchange> exchanges = new ArrayList<>();
        List<LocatedJson> foreign = new ArrayList<>();
        for (LocatedJson e : entries) {
            e.expectObject(Phrase.of("record.har.anEntry"));
            if (e.has(HarExport.UPSTREAM_HOP)) continue; // a captured exchange's second hop: its own entry holds it whole
            if (e.has("_roundtrip")) {
                Exchange x = exchange(e.get("_roundtrip"));
                if (!ids.add(x.id())) throw e.get("_roundtrip").get("id").at(Phrase.of("record.idTwice", x.id()));
                exchanges.add(x);
            } else {
                exchanges.add(null); // placeholder keeps the file's order
                foreign.add(e);
            }
        }
        long nextId = ids.stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        Map<String, Long> connections = new HashMap<>();
        int f = 0;
        for (int i = 0; i < exchanges.size(); i++) {
            if (exchanges.get(i) != null) continue;
            LocatedJson e = foreign.get(f++);
            while (ids.contains(nextId)) nextId++;
            ids.add(nextId);
            exchanges.set(i, entry(e, nextId++, startedAt, connections, creator, warnings));
        }
        if (!ours.isAbsent() && ours.has("dropped")) recording.setDropped(ours.get("dropped").nonNegativeLong());
        for (Exchange x : exchanges) recording.add(x);
        recording.setWarnings(warnings.all(source.file()));
        return recording;
    }

    /** Our own export's exchange, read by the recording reader from the tree. */
    private static Exchange exchange(LocatedJson x) throws RecordingFormatException {
        return RecordingReader.exchange(x.source(), x.json(), x.pointer(), x.path());
    }

    private static Instant instant(LocatedJson n) throws RecordingFormatException {
        Instant i = RecordingReader.parseInstant(n.string());
        if (i == null) throw n.fail(RecordingReader.INSTANT);
        return i;
    }

    private static void checkVersion(LocatedJson ours) throws RecordingFormatException {
        LocatedJson format = ours.get("format");
        if (!format.isAbsent() && !Recording.FORMAT.equals(format.scalarText(""))) {
            throw format.fail("\"" + Recording.FORMAT + "\"");
        }
        LocatedJson version = ours.get("version");
        if (!version.isAbsent() && version.longValue() > Recording.VERSION) {
            throw version.at(Phrase.of("record.har.newerVersion", version.longValue(), Recording.VERSION));
        }
    }

    private static String creator(LocatedJson log) throws RecordingFormatException {
        LocatedJson c = log.get("creator");
        if (!c.isObject()) return "HAR";
        String name = c.get("name").scalarText("HAR");
        String version = c.get("version").scalarText("");
        return (name + " " + version).trim();
    }

    /** The recording's start: the first page or entry, whichever is earlier. */
    private static Instant earliest(LocatedJson log, List<LocatedJson> entries) throws RecordingFormatException {
        Instant first = null;
        for (LocatedJson p : log.get("pages").isArray() ? log.get("pages").elements() : List.<LocatedJson>of()) {
            if (p.isObject() && p.get("startedDateTime").isString()) first = min(first, dateTime(p.get("startedDateTime")));
        }
        for (LocatedJson e : entries) {
            if (e.isObject()) first = min(first, dateTime(e.get("startedDateTime")));
        }
        return first == null ? Instant.EPOCH : first;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** ISO 8601 with an offset (Chrome: Z, Firefox: +01:00); a missing offset reads as UTC. */
    static Instant dateTime(LocatedJson n) throws RecordingFormatException {
        String s = n.string().trim();
        // Some tools write the offset without a colon (+0100); ISO 8601 allows both.
        if (s.matches(".*[+-]\\d{4}$")) s = s.substring(0, s.length() - 2) + ":" + s.substring(s.length() - 2);
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw n.fail("an ISO 8601 date and time like 2024-05-01T10:15:30.123Z");
            }
        }
    }

    private static Exchange entry(LocatedJson e, long id, Instant recordingStart, Map<String, Long> connections, String creator,
                                  Warnings warnings) throws RecordingFormatException {
        LocatedJson reqNode = e.get("request");
        reqNode.expectObject("the HAR \"request\" object");
        LocatedJson resNode = e.get("response");
        resNode.expectObject("the HAR \"response\" object");
        Instant started = dateTime(e.get("startedDateTime"));
        if (Duration.between(recordingStart, started).compareTo(MAX_SPAN) > 0) {
            throw e.get("startedDateTime").at(Phrase.of("record.har.tooFarApart", String.valueOf(recordingStart)));
        }
        long t0 = Duration.between(recordingStart, started).toNanos();
        long connectionId = connection(e.get("connection"), connections);

        RequestInfo request = request(reqNode);
        LocatedJson statusNode = resNode.get("status");
        int status = statusNode.intValue();
        if (status != 0 && (status < 100 || status > 999)) throw statusNode.fail("an HTTP status from 100 to 999, or 0 for no response");
        ResponseInfo response = status > 0 ? response(resNode, status, warnings) : null;

        LocatedJson timings = e.get("timings");
        if (!timings.isAbsent()) timings.expectObject(Phrase.of("record.har.timings"));
        double blocked = phase(timings, "blocked", false, warnings);
        double dns = phase(timings, "dns", false, warnings);
        double connect = phase(timings, "connect", false, warnings);
        phase(timings, "ssl", false, warnings); // included in connect (HAR 1.2): checked only
        double send = phase(timings, "send", true, warnings);
        double wait = phase(timings, "wait", true, warnings);
        double receive = phase(timings, "receive", true, warnings);
        LocatedJson time = e.get("time");
        double total = duration(time, true, warnings, Phrase.of(timings.isObject() ? "record.har.timingsUsed" : "record.har.readAs0"));
        if (!timings.isObject()) {
            wait = total; // only the total is known
        } else if (!time.isAbsent() && time.doubleValue() >= 0) {
            double sum = blocked + dns + connect + send + wait + receive;
            if (Math.abs(total - sum) > Math.max(1, 0.05 * Math.max(total, sum))) {
                warnings.add(time, Phrase.of("record.har.timeNotSum", total, sum));
            }
        }

        long sendBegin = t0 + nanos(blocked + dns + connect);
        long sendEnd = sendBegin + nanos(send);
        long interpretBegin = sendEnd + nanos(wait);
        long interpretEnd = interpretBegin + nanos(receive);

        Exchange x = new Exchange(new ExchangeStarted(id, connectionId, t0, request));
        x.setPeer(peer(e, reqNode));
        String from = creator;
        x.append(event(id, connectionId, Stage.SEND, Phase.BEGIN, sendBegin, blocked + dns + connect > 0
                ? Phrase.of("record.har.requestStartsAfter", from, blocked + dns + connect) : Phrase.of("record.har.requestStarts", from)));
        x.append(event(id, connectionId, Stage.SEND, Phase.END, sendEnd, Phrase.of("record.har.sent", send)));
        Outcome outcome;
        Phrase detail;
        long ended;
        if (response != null) {
            x.append(event(id, connectionId, Stage.INTERPRET, Phase.BEGIN, interpretBegin,
                    Phrase.of("record.har.firstByte", wait)));
            x.append(event(id, connectionId, Stage.INTERPRET, Phase.END, interpretEnd,
                    Phrase.of("record.har.received", receive)));
            outcome = Outcome.COMPLETED;
            ended = interpretEnd;
            detail = Phrase.of(bodyKept(resNode) ? "record.har.answered" : "record.har.answeredNoBody", status + " " + response.reason(), from);
        } else {
            String error = resNode.get("_error").scalarText("");
            outcome = outcomeOf(error);
            ended = interpretBegin; // the client stopped waiting there; no INTERPRET events
            detail = error.isEmpty() ? Phrase.of("record.har.noResponse", from) : Phrase.of("record.har.noResponseError", error, from);
        }
        x.finish(new ExchangeEnded(id, ended, outcome, response, detail));
        return x;
    }

    /** False when the HAR gave a body's size but not its text. */
    private static boolean bodyKept(LocatedJson res) throws RecordingFormatException {
        LocatedJson content = res.get("content");
        if (!content.isObject() || content.has("text")) return true;
        LocatedJson size = content.get("size");
        return !(size.isNumber() && size.doubleValue() > 0);
    }

    private static Outcome outcomeOf(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        if (e.contains("abort") || e.contains("cancel")) return Outcome.CANCELLED;
        if (e.contains("timed_out") || e.contains("timeout") || e.contains("timed out")) return Outcome.TIMEOUT;
        return Outcome.FAILED;
    }

    private static StageEvent event(long id, long connectionId, Stage stage, Phase phase, long t, Phrase detail) {
        // Actor = the stage's owner; thread "" = not known. No readouts: a HAR measured none.
        return new StageEvent(id, connectionId, stage, phase, stage.owner(), t, "", detail.english(), null, null, null, null, null, detail, null);
    }

    /** A HAR timing phase in ms, read by {@link #duration}; 0 when there are no timings. */
    private static double phase(LocatedJson timings, String name, boolean requiredByHar, Warnings warnings) throws RecordingFormatException {
        if (!timings.isObject()) return 0;
        return duration(timings.get(name), requiredByHar, warnings, Phrase.of("record.har.readAs0"));
    }

    /**
     * A duration in ms: a number from 0 to {@link #MAX_MS}, or -1 for "not known" (read as 0). HAR
     * allows -1 for blocked, dns, connect and ssl; for send, wait, receive and time it is imported
     * with a warning ({@code doubtfulIfUnknown}). A missing one is 0. Anything else is refused: a
     * negative or huge time would draw the exchange before it started or at the end of time.
     */
    private static double duration(LocatedJson n, boolean doubtfulIfUnknown, Warnings warnings, Phrase instead) throws RecordingFormatException {
        if (n.isAbsent()) return 0;
        double v = n.doubleValue();
        if (v == -1) {
            if (doubtfulIfUnknown) warnings.add(n, Phrase.of("record.har.unknownTime", instead));
            return 0;
        }
        if (v < 0 && v > -0.001) return 0; // a rounding error of a tool, not a negative time
        if (!(v >= 0 && v <= MAX_MS)) throw n.fail(Phrase.of("record.har.aDuration"));
        return v;
    }

    private static long nanos(double ms) {
        return Math.round(ms * 1_000_000.0);
    }


    /** HAR's connection is a free string (Chrome: an id, Firefox: the port); numbered in order of appearance. */
    private static long connection(LocatedJson n, Map<String, Long> connections) throws RecordingFormatException {
        String key = n.scalarText(null);
        if (key == null || key.isEmpty()) return 0;
        return connections.computeIfAbsent(key, k -> (long) connections.size() + 1);
    }

    private static RequestInfo request(LocatedJson r) throws RecordingFormatException {
        LocatedJson methodNode = r.get("method");
        String method = methodNode.string();
        if (method.isEmpty() || FileChecks.controlCharacter(method, false) != null || method.indexOf(' ') >= 0) {
            throw methodNode.fail(Phrase.of("record.har.aMethod"));
        }
        LocatedJson urlNode = r.get("url");
        String url = url(urlNode);
        String target = target(url);
        List<Header> headers = headers(r.get("headers"));
        byte[] body = new byte[0];
        LocatedJson post = r.get("postData");
        if (post.isObject()) body = post.has("text") ? text(post) : formParams(post);
        return new RequestInfo(method, target, headers, body, null);
    }

    private static ResponseInfo response(LocatedJson r, int status, Warnings warnings) throws RecordingFormatException {
        String reason = r.get("statusText").scalarText("");
        Phrase wrong = FileChecks.controlCharacterSaid(reason, true);
        if (wrong != null) throw r.get("statusText").at(Phrase.of("record.har.statusControl", wrong));
        LocatedJson content = r.get("content");
        byte[] body = content.isObject() ? text(content) : new byte[0];
        if (content.isObject() && content.has("text") && "base64".equalsIgnoreCase(content.get("encoding").scalarText(""))) {
            // base64 is the body's exact bytes: its length must be the size the HAR gives
            LocatedJson size = content.get("size");
            if (size.isNumber() && size.doubleValue() > 0 && size.doubleValue() != body.length) {
                warnings.add(size, Phrase.of("record.har.sizeNotBase64", size.scalarText(""), body.length));
            }
        }
        return new ResponseInfo(status, reason, headers(r.get("headers")), body);
    }

    /** A form posted as {@code params} only (no {@code text}): rebuilt as the urlencoded body it was. */
    private static byte[] formParams(LocatedJson post) throws RecordingFormatException {
        if (!post.get("mimeType").scalarText("").toLowerCase(Locale.ROOT).contains("x-www-form-urlencoded")) return new byte[0];
        StringBuilder sb = new StringBuilder();
        for (LocatedJson p : post.get("params").elementsOrEmpty()) {
            if (sb.length() > 0) sb.append('&');
            sb.append(java.net.URLEncoder.encode(p.get("name").string(), StandardCharsets.UTF_8));
            if (!p.get("value").isAbsent()) sb.append('=').append(java.net.URLEncoder.encode(p.get("value").scalarText(""), StandardCharsets.UTF_8));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code text}, base64-decoded when {@code encoding} is base64; empty when absent. */
    private static byte[] text(LocatedJson holder) throws RecordingFormatException {
        LocatedJson text = holder.get("text");
        if (text.isAbsent()) return new byte[0];
        if ("base64".equalsIgnoreCase(holder.get("encoding").scalarText(""))) return text.base64();
        return text.string().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Header> headers(LocatedJson list) throws RecordingFormatException {
        List<Header> out = new ArrayList<>();
        for (LocatedJson h : list.elementsOrEmpty()) {
            String name = h.get("name").string();
            String value = h.get("value").scalarText("");
            Phrase wrong = FileChecks.controlCharacterSaid(name, false);
            if (wrong != null) throw h.get("name").at(Phrase.of("record.har.headerName", wrong));
            wrong = FileChecks.controlCharacterSaid(value, true);
            if (wrong != null) throw h.get("value").at(Phrase.of("record.har.headerValue", wrong));
            out.add(new Header(name, value));
        }
        return out;
    }

    /** Where the entry went: its URL's host and the HAR's {@code serverIPAddress}, never "loopback" unless it was. */
    private static Peer peer(LocatedJson entry, LocatedJson request) throws RecordingFormatException {
        LocatedJson ip = entry.get("serverIPAddress");
        String address = ip.scalarText("").trim();
        Phrase wrong = FileChecks.controlCharacterSaid(address, false);
        if (wrong != null) throw ip.at(Phrase.of("record.har.addressControl", wrong));
        return new Peer(host(request.get("url").string()), address);
    }


    /**
     * The entry's URL: absolute ({@code scheme:...}), without spaces or control characters (its path
     * becomes the request target, sent again on a line of its own); a web URL ({@code http},
     * {@code https}, {@code ws}, {@code wss}) with a host.
     */
    private static String url(LocatedJson n) throws RecordingFormatException {
        String url = n.string();
        Phrase wrong = FileChecks.controlCharacterSaid(url, false);
        if (wrong != null) throw n.at(Phrase.of("record.har.urlControl", wrong));
        int space = url.indexOf(' ');
        if (space >= 0) throw n.at(Phrase.of("record.har.urlSpace", space + 1));
        String scheme = scheme(url);
        if (scheme == null) throw n.fail("an absolute URL such as https://example.com/path");
        if (WEB_SCHEMES.contains(scheme) && host(url).isEmpty()) {
            throw n.fail(Phrase.of("record.har.anUrlWithHost", scheme));
        }
        return url;
    }

    private static final Set<String> WEB_SCHEMES = Set.of("http", "https", "ws", "wss");

    /** The scheme of {@code url} in lower case, or null when it does not start with one. */
    static String scheme(String url) {
        int colon = url.indexOf(':');
        if (colon < 1) return null;
        for (int i = 0; i < colon; i++) {
            char c = url.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
            if (!ok) return null;
        }
        return url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** The host (and port, as written) of a {@code scheme://host/...} URL; "" when it has none. */
    static String host(String url) {
        int start = url.indexOf("://");
        if (start < 0) return "";
        start += 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
        String authority = url.substring(start, end);
        int at = authority.lastIndexOf('@');
        return at >= 0 ? authority.substring(at + 1) : authority;
    }

    /** Path and query of an absolute URL; the URL itself when it is not one (data:, about:, malformed). */
    static String target(String url) {
        try {
            URI u = new URI(url);
            if (u.getRawPath() == null || u.isOpaque()) return url;
            String path = u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
        } catch (URISyntaxException e) {
            int scheme = url.indexOf("://");
            if (scheme < 0) return url;
            int slash = url.indexOf('/', scheme + 3);
            return slash < 0 ? "/" : url.substring(slash);
        }
    }
}
