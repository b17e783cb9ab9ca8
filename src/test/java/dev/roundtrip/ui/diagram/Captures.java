package dev.roundtrip.ui.diagram;

import com.sun.net.httpserver.HttpServer;
import dev.roundtrip.capture.CaptureOptions;
import dev.roundtrip.capture.CaptureProxy;
import dev.roundtrip.capture.Target;
import dev.roundtrip.trace.Exchange;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Real captured exchanges: a CaptureProxy on loopback in front of a JDK HttpServer, one request through it. */
final class Captures {
    private Captures() {}

    /** GET {@code path} through the proxy to a server that answers {@code status} with a short body. */
    static Exchange through(String path, int status) throws Exception {
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", x -> {
            byte[] body = ("hello from the foreign server, " + x.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(status, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        upstream.start();
        try {
            return once("http://127.0.0.1:" + upstream.getAddress().getPort(), path);
        } finally {
            upstream.stop(0);
        }
    }

    /** GET {@code path} through the proxy to a port where nothing listens (the proxy answers 502). */
    static Exchange refused(String path) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return once("http://127.0.0.1:" + port, path);
    }

    private static Exchange once(String target, String path) throws IOException, InterruptedException {
        try (CaptureProxy proxy = CaptureProxy.start(CaptureOptions.reverse(0, Target.parse(target)))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline) {
                List<Exchange> xs = proxy.recording().exchanges();
                if (!xs.isEmpty() && xs.get(0).end().isPresent()) return xs.get(0);
                Thread.sleep(5);
            }
            throw new AssertionError("the captured exchange did not end within 20 s: " + proxy.recording().exchanges());
        }
    }
}
