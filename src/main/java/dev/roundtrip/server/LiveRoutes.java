package dev.roundtrip.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

/**
 * The real-time routes of the demo application, four ways of delivering the same updates:
 * <pre>
 *  GET /poll?since=C          the updates after cursor C, at once (polling)
 *  GET /poll?since=C&amp;wait=N  the same, but held up to N seconds until there is one (long polling)
 *  GET /events                Server-Sent Events: one event per update, with its id (Last-Event-ID resumes)
 *  GET /ws                    WebSocket after the 101 upgrade: an echo of each frame, and each update
 * </pre>
 * They need the request's headers (the upgrade, Last-Event-ID), so they sit beside {@link Routes}.
 */
final class LiveRoutes {
    public static final int MAX_WAIT_SECONDS = 30;
    /** A WebSocket frame's payload may be at most this long; a longer one is closed with 1009. */
    public static final int MAX_FRAME_BYTES = 64 * 1024;

    private final LiveUpdates updates;

    LiveRoutes(LiveUpdates updates) {
        this.updates = updates;
    }

    static boolean claims(String uri) {
        String path = path(uri);
        return path.equals("/poll") || path.equals("/events") || path.equals("/ws");
    }

    static String path(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    LiveAnswer handle(String method, String uri, HttpHeaders headers) {
        String path = path(uri);
        String query = query(uri);
        if (!method.equals("GET")) {
            return LiveAnswer.now(AppResponse.text(405, method + " is not allowed on " + path + " (use GET)", dev.roundtrip.trace.Phrase.of("server.app.methodNotAllowed")));
        }
        if (!updates.plugged()) {
            return LiveAnswer.now(AppResponse.text(503, "this server has no source of updates", dev.roundtrip.trace.Phrase.of("server.app.noUpdateSource")));
        }
        switch (path) {
            case "/poll": return poll(query);
            case "/events": return events(query, headers);
            default: return webSocket(headers);
        }
    }

    private LiveAnswer poll(String query) {
        Long since = longParam(query, "since", 0);
        if (since == null || since < 0) return bad("use /poll?since=C with C >= 0 (the id of the last update seen)", dev.roundtrip.trace.Phrase.of("server.app.badSince"));
        Long wait = longParam(query, "wait", 0);
        if (wait == null || wait < 0 || wait > MAX_WAIT_SECONDS) {
            return bad("use /poll?wait=N with N from 0 to " + MAX_WAIT_SECONDS + " seconds", dev.roundtrip.trace.Phrase.of("server.app.badWait"));
        }
        if (wait == 0) return LiveAnswer.now(answer(updates.poll(since), since, false));
        return LiveAnswer.later(updates.next(since, Duration.ofSeconds(wait)).thenApply(u -> answer(u, since, true)));
    }

    /** {@code {"cursor":7,"updates":[...]}}: the cursor is what to send as {@code since} next time. */
    private static AppResponse answer(List<Update> found, long since, boolean waited) {
        long cursor = found.isEmpty() ? since : found.get(found.size() - 1).id();
        StringJoiner j = new StringJoiner(",", "{\"cursor\":" + cursor + ",\"updates\":[", "]}");
        for (Update u : found) j.add(u.json());
        dev.roundtrip.trace.Phrase detail = dev.roundtrip.trace.Phrase.of(waited && found.isEmpty() ? "server.app.noUpdatesWaited" : "server.app.updates",
                found.size(), since);
        return AppResponse.json(200, j.toString(), detail);
    }

    private LiveAnswer events(String query, HttpHeaders headers) {
        Long since = eventsSince(query, headers);
        if (since == null) return badLastEventId(headers);
        return LiveAnswer.stream((c) -> new EventStream(c, updates, since));
    }

    /** Where an event stream starts: after Last-Event-ID, or {@code ?since=C}, or -1 (new updates only); null when not a number. */
    static Long eventsSince(String query, HttpHeaders headers) {
        String last = headers.get("Last-Event-ID");
        return last != null ? parse(last.trim()) : longParam(query, "since", -1);
    }

    static LiveAnswer badLastEventId(HttpHeaders headers) {
        return bad("Last-Event-ID must be the id of an event this server sent (a number), was '" + headers.get("Last-Event-ID") + "'",
                dev.roundtrip.trace.Phrase.of("server.app.badLastEventId"));
    }

    /** What {@code /ws} answers over HTTP/2: a WebSocket opens with HTTP/1.1's upgrade, which HTTP/2 does not have. */
    static AppResponse webSocketOverHttp2() {
        return AppResponse.text(501, "/ws is a WebSocket, opened by HTTP/1.1's Upgrade: HTTP/2 has no upgrade, and this server does not"
                + " offer WebSocket over HTTP/2 (RFC 8441's extended CONNECT). Open it over HTTP/1.1: ws:// on the http port, wss:// on"
                + " the https port", dev.roundtrip.trace.Phrase.of("server.app.noWebSocketOverHttp2"));
    }

    LiveUpdates updates() {
        return updates;
    }

    static String query(String uri) {
        String path = path(uri);
        return uri.length() > path.length() ? uri.substring(path.length() + 1) : "";
    }

    private LiveAnswer webSocket(HttpHeaders headers) {
        String problem = upgradeProblem(headers);
        if (problem != null) return bad("not a WebSocket upgrade: " + problem, dev.roundtrip.trace.Phrase.of("server.app.badUpgrade"));
        return LiveAnswer.stream((c) -> new WebSocketSession(c, updates));
    }

    /** What RFC 6455 §4.2.1 asks of an opening handshake that this one lacks; null when it is one. */
    static String upgradeProblem(HttpHeaders h) {
        if (!h.containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) return "the Upgrade header must say websocket";
        if (!h.containsValue(HttpHeaderNames.CONNECTION, "upgrade", true)) return "the Connection header must say Upgrade";
        String version = h.get(HttpHeaderNames.SEC_WEBSOCKET_VERSION);
        if (!"13".equals(version)) return "Sec-WebSocket-Version must be 13, was " + (version == null ? "missing" : "'" + version + "'");
        String key = h.get(HttpHeaderNames.SEC_WEBSOCKET_KEY);
        if (key == null) return "Sec-WebSocket-Key is missing";
        try {
            if (Base64.getDecoder().decode(key.trim()).length != 16) return "Sec-WebSocket-Key must be 16 bytes in base64";
        } catch (IllegalArgumentException e) {
            return "Sec-WebSocket-Key is not base64";
        }
        return null;
    }

    private static LiveAnswer bad(String why, dev.roundtrip.trace.Phrase detail) {
        return LiveAnswer.now(AppResponse.text(400, why, detail));
    }

    /** The parameter's value, {@code absent} when it is not there, null when it is not a number. */
    private static Long longParam(String query, String name, long absent) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) return parse(pair.substring(eq + 1));
        }
        return absent;
    }

    private static Long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
