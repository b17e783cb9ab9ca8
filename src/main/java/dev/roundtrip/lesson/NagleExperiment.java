package dev.roundtrip.lesson;

import dev.roundtrip.text.Units;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The 40 ms mystery, measured. A JDK built-in HTTP server ({@code com.sun.net.httpserver}) on
 * 127.0.0.1 and a client that sends each request in two small writes (headers, then body) on one
 * keep-alive connection, once with TCP_NODELAY off and once with it on.
 *
 * <p>With TCP_NODELAY off, Nagle's algorithm keeps the body back while the headers are not yet
 * acknowledged; the server's kernel delays that ACK (delayed ACK, 40 ms minimum on Linux) hoping
 * to piggyback it on a reply that cannot come before the body does. The JDK server, whose own
 * sockets keep Nagle on by default, writes its response headers and body separately too, so even
 * with the client's TCP_NODELAY on one such stall may remain: the experiment reports what it
 * measured, whatever it is.
 *
 * <p>The first round of each connection is a warm-up and left out of the median: a fresh Linux
 * connection acknowledges at once ("quick ACK" mode) for its first segments.
 */
public final class NagleExperiment {
    private static final byte[] BODY = "ping".getBytes(StandardCharsets.US_ASCII);

    /** One connection's round trips, in ns, warm-up first. */
    public record Measurement(boolean tcpNoDelay, List<Long> roundTripNanos) {
        public Measurement {
            roundTripNanos = List.copyOf(roundTripNanos);
        }

        /** Median without the warm-up round. */
        public long medianNanos() {
            List<Long> rest = new ArrayList<>(roundTripNanos.subList(Math.min(1, roundTripNanos.size() - 1), roundTripNanos.size()));
            rest.sort(null);
            return rest.get(rest.size() / 2);
        }

        public double medianMillis() {
            return medianNanos() / 1e6;
        }
    }

    /** Both measurements. */
    public record Result(Measurement nodelayOff, Measurement nodelayOn) {
        /** "nodelay-off" or "nodelay-on": the setting whose median round trip was longer. */
        public String slower() {
            return nodelayOff.medianNanos() >= nodelayOn.medianNanos() ? "nodelay-off" : "nodelay-on";
        }

        public double savedMillis() {
            return nodelayOff.medianMillis() - nodelayOn.medianMillis();
        }

        @Override
        public String toString() {
            return "TCP_NODELAY off: median " + Units.duration(nodelayOff.medianNanos())
                    + "; TCP_NODELAY on: median " + Units.duration(nodelayOn.medianNanos());
        }
    }

    private NagleExperiment() {}

    /** Runs {@code rounds} round trips per setting (at least 2: one warm-up, one measured). */
    public static Result run(int rounds) throws IOException {
        if (rounds < 2) throw new IllegalArgumentException("rounds must be >= 2");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] got = exchange.getRequestBody().readAllBytes();
            byte[] answer = ("pong " + got.length).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            Measurement off = measure(port, false, rounds);
            Measurement on = measure(port, true, rounds);
            return new Result(off, on);
        } finally {
            server.stop(0);
        }
    }

    private static Measurement measure(int port, boolean noDelay, int rounds) throws IOException {
        List<Long> times = new ArrayList<>();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(noDelay);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            byte[] head = ("POST /mystery HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: " + BODY.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                out.write(head);   // two separate small writes: the pattern Nagle delays
                out.flush();
                out.write(BODY);
                out.flush();
                readResponse(in);
                times.add(System.nanoTime() - t0);
            }
        }
        return new Measurement(noDelay, times);
    }

    private static void readResponse(InputStream in) throws IOException {
        String status = line(in);
        if (!status.startsWith("HTTP/1.1 200")) throw new IOException("unexpected response: " + status);
        int length = -1;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                length = Integer.parseInt(h.substring(colon + 1).trim());
            }
        }
        if (length < 0) throw new IOException("response without Content-Length");
        if (in.readNBytes(length).length != length) throw new IOException("response body cut short");
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("connection closed mid-response");
            if (c != '\r') b.append((char) c);
        }
        return b.toString();
    }
}
