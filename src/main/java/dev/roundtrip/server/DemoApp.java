package dev.roundtrip.server;

import dev.roundtrip.text.Units;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The demo application: a handful of routes that show the usual paths of a request (a constant, the
 * database, an echo, a slow handler, a big body, a failure, nothing found).
 * Runs on a worker thread, never on an event loop, so it may block.
 */
public final class DemoApp implements Routes {
    /** The answer to {@code GET /}, the same every time (nobody writes to its body: it is wrapped, never copied into). */
    private static final AppResponse GREETING = AppResponse.text(200, "Hello, world!", dev.roundtrip.trace.Phrase.of("server.app.greeting"));
    public static final int MAX_SLOW_MS = 30_000;
    public static final int MAX_BIG_KB = 8 * 1024;

    private final UserStore users;

    public DemoApp(UserStore users) {
        this.users = users;
    }

    /** Thrown by {@code GET /fail}: the handler's own bug, answered 500 by the server. */
    public static final class DeliberateFailure extends RuntimeException {
        DeliberateFailure() {
            super("GET /fail throws on purpose: an unhandled error inside the handler");
        }
    }

    /** Whether this request may wait (database, sleep): such work must not run on an event loop. */
    public static boolean mayBlock(String uri) {
        String path = uri;
        int q = uri.indexOf('?');
        if (q >= 0) path = uri.substring(0, q);
        return path.equals("/users") || path.startsWith("/users/") || path.equals("/slow");
    }

    @Override
    public AppResponse handle(String method, String uri, byte[] body, String contentType, SqlObserver sql)
            throws SQLException, InterruptedException {
        try {
            return route(method, uri, body, contentType, sql);
        } catch (DatabaseUnavailableException e) {
            // not the handler's bug: the database is down or its connection broke; the server goes on serving
            return AppResponse.text(503, "Service Unavailable: " + e.getMessage(), dev.roundtrip.trace.Phrase.of("server.app.databaseUnreachable"));
        }
    }

    private AppResponse route(String method, String uri, byte[] body, String contentType, SqlObserver sql)
            throws SQLException, InterruptedException {
        String path = uri;
        String query = "";
        int q = uri.indexOf('?');
        if (q >= 0) {
            path = uri.substring(0, q);
            query = uri.substring(q + 1);
        }
        boolean get = method.equals("GET") || method.equals("HEAD");
        if (path.equals("/")) {
            if (!get) return notAllowed(method, path, "GET");
            return GREETING;
        }
        if (path.equals("/users")) {
            if (!get) return notAllowed(method, path, "GET");
            List<UserStore.User> all = users.all(sql);
            StringJoiner j = new StringJoiner(",", "[", "]");
            for (UserStore.User u : all) j.add(json(u));
            return AppResponse.json(200, j.toString(), dev.roundtrip.trace.Phrase.of("server.app.users", all.size()));
        }
        if (path.startsWith("/users/")) {
            if (!get) return notAllowed(method, path, "GET");
            String id = path.substring("/users/".length());
            long n;
            try {
                n = Long.parseLong(id);
            } catch (NumberFormatException e) {
                return AppResponse.text(400, "user id must be a number, was '" + id + "'", dev.roundtrip.trace.Phrase.of("server.app.badUserId"));
            }
            Optional<UserStore.User> u = users.byId(n, sql);
            if (u.isEmpty()) return AppResponse.text(404, "no user with id " + n, dev.roundtrip.trace.Phrase.of("server.app.noSuchUser"));
            return AppResponse.json(200, json(u.get()), dev.roundtrip.trace.Phrase.of("server.app.user", n));
        }
        if (path.equals("/echo")) {
            if (!method.equals("POST")) return notAllowed(method, path, "POST");
            String type = contentType == null ? "application/octet-stream" : contentType;
            return new AppResponse(200, type, body, dev.roundtrip.trace.Phrase.of("server.app.echoed", body.length));
        }
        if (path.equals("/slow")) {
            if (!get) return notAllowed(method, path, "GET");
            Integer ms = intParam(query, "ms");
            if (ms == null || ms < 0) return AppResponse.text(400, "use /slow?ms=N with N >= 0", dev.roundtrip.trace.Phrase.of("server.app.badMs"));
            int wait = Math.min(ms, MAX_SLOW_MS);
            Thread.sleep(wait);
            return AppResponse.text(200, "slept " + Units.millis(wait), dev.roundtrip.trace.Phrase.of("server.app.slept", dev.roundtrip.trace.Phrase.duration(wait * 1_000_000L)));
        }
        if (path.equals("/big")) {
            if (!get) return notAllowed(method, path, "GET");
            Integer kb = intParam(query, "kb");
            if (kb == null || kb < 0) return AppResponse.text(400, "use /big?kb=N with N >= 0", dev.roundtrip.trace.Phrase.of("server.app.badKb"));
            int n = Math.min(kb, MAX_BIG_KB);
            return new AppResponse(200, "text/plain; charset=utf-8", bigBody(n * 1024), dev.roundtrip.trace.Phrase.of("server.app.bigBody", dev.roundtrip.trace.Phrase.size(n * 1024L)));
        }
        if (path.equals("/fail")) {
            throw new DeliberateFailure();
        }
        return AppResponse.text(404, "no route for " + method + " " + path, dev.roundtrip.trace.Phrase.of("server.app.noRoute"));
    }

    private static AppResponse notAllowed(String method, String path, String allowed) {
        return AppResponse.text(405, method + " is not allowed on " + path + " (use " + allowed + ")", dev.roundtrip.trace.Phrase.of("server.app.methodNotAllowed"));
    }

    private static Integer intParam(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return Integer.parseInt(pair.substring(eq + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static byte[] bigBody(int size) {
        byte[] line = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-roundtrip\n".getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = line[i % line.length];
        return b;
    }

    private static String json(UserStore.User u) {
        return "{\"id\":" + u.id() + ",\"name\":\"" + u.name() + "\",\"email\":\"" + u.email() + "\"}";
    }
}
