package dev.roundtrip.capture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A foreign server for the tests: the JDK's own HttpServer on loopback, with a few routes. */
final class Upstream implements AutoCloseable {
    final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    /** The headers of the last request, as the server got them (names as the JDK spells them). */
    volatile Map<String, List<String>> lastHeaders = Map.of();
    /** /stream waits here after its first mebibyte until the test has read that much through the proxy. */
    final CountDownLatch firstPartRead = new CountDownLatch(1);
    /** Body bytes /stream has handed to its socket so far: a write blocks once the proxy stops reading. */
    final java.util.concurrent.atomic.AtomicLong streamed = new java.util.concurrent.atomic.AtomicLong();

    Upstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    private void handle(HttpExchange x) throws IOException {
        requests.incrementAndGet();
        lastHeaders = new ConcurrentHashMap<>(x.getRequestHeaders());
        String path = x.getRequestURI().getPath();
        byte[] in = x.getRequestBody().readAllBytes();
        if (path.equals("/echo")) {
            x.getResponseHeaders().set("Content-Type", "application/octet-stream");
            x.sendResponseHeaders(200, in.length == 0 ? -1 : in.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(in);
            }
        } else if (path.startsWith("/stream")) {
            long mib = Long.parseLong(x.getRequestURI().getQuery().replace("mib=", ""));
            x.sendResponseHeaders(200, mib << 20);
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < block.length; i++) block[i] = (byte) (i * 31);
            try (OutputStream o = x.getResponseBody()) {
                o.write(block);
                o.flush();
                streamed.addAndGet(block.length);
                await(firstPartRead);
                for (long i = 1; i < mib; i++) {
                    o.write(block);
                    streamed.addAndGet(block.length);
                }
            }
        } else {
            byte[] body = ("hello from the foreign server, " + path).getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "text/plain");
            x.getResponseHeaders().set("Keep-Alive", "timeout=5");
            x.getResponseHeaders().set("Connection", "X-Server-Private");
            x.getResponseHeaders().set("X-Server-Private", "for the proxy only");
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        }
    }

    void countDown() {
        firstPartRead.countDown();
    }

    private static void await(CountDownLatch l) {
        try {
            if (!l.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("the test never read the first part");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
