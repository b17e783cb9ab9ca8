package dev.roundtrip.capture;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A fresh JVM's first captured exchange would show class loading and the JIT's first compilations as the
 * proxy's cost (a GET's parse stage took 58 ms cold, under 1 ms warm). So before the first proxy of a JVM
 * listens, exchanges of its own run through a private proxy to a private server (the JDK's), both on
 * loopback ports of their own, then both close: nothing of it reaches the user's recording, ids or clock.
 * Best effort: a warm-up that fails does not stop the capture. {@code -Droundtrip.warmup=0} switches it off.
 */
final class CaptureWarmup {
    static final int EXCHANGES = 20;
    private static boolean done; // guarded by the class

    private CaptureWarmup() {}

    static synchronized void ensure() {
        if (done || "0".equals(System.getProperty("roundtrip.warmup", "").trim())) return;
        done = true;
        HttpServer server = null;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", x -> {
                byte[] in = x.getRequestBody().readAllBytes();
                byte[] body = in.length > 0 ? in : "warm".getBytes(StandardCharsets.US_ASCII);
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
                x.close();
            });
            server.start();
            Target target = Target.of("127.0.0.1", server.getAddress().getPort());
            try (CaptureProxy proxy = new CaptureProxy(new CaptureOptions(InetAddress.getLoopbackAddress(), 0, target, false, false,
                    Duration.ofSeconds(5), CaptureOptions.DEFAULT_KEPT_BYTES), false)) {
                for (int i = 0; i < EXCHANGES; i++) {
                    String request = i % 2 == 0 ? "GET /warm/" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                            : "POST /warm HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n4\r\nwarm\r\n0\r\n\r\n";
                    exchange(proxy.port(), request);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a cold first exchange is worse than none, but the capture still works
        } finally {
            if (server != null) server.stop(0);
        }
    }

    private static void exchange(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            in.readAllBytes();
        }
    }
}
