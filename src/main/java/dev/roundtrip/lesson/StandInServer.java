package dev.roundtrip.lesson;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Plays the student's own server in a rehearsal only ({@code lesson run}, tests), where nobody has
 * started one: the JDK's small HTTP server on the address the lesson names, answering every GET with a
 * short page, as {@code python3 -m http.server} would. Never used in class: there the lesson says
 * "start your server" instead.
 */
final class StandInServer implements AutoCloseable {
    static final String PAGE = "<!doctype html><title>Your server</title><h1>Hello from a stand-in for your server</h1>\n";
    private final HttpServer server;

    private StandInServer(HttpServer server) {
        this.server = server;
    }

    static StandInServer start(InetSocketAddress at) throws IOException {
        HttpServer s = HttpServer.create(at, 0);
        s.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!head) out.write(body);
            }
        });
        s.start();
        return new StandInServer(s);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
