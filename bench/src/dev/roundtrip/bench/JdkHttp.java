package dev.roundtrip.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The JDK's com.sun.net.httpserver hello-world (its default executor: the dispatcher thread). */
final class JdkHttp implements AutoCloseable {
    private static final byte[] CONTENT = "Hello, world!".getBytes(StandardCharsets.US_ASCII);
    private final HttpServer server;

    JdkHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/", x -> {
            x.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            x.sendResponseHeaders(200, CONTENT.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(CONTENT);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
