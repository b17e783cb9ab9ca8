package dev.roundtrip.client;

import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.RequestInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link RequestSpec} into the exact bytes put on the wire. Done by hand rather than by
 * Netty's encoder so the recorded request is byte for byte what was sent, raw or not.
 */
public final class RequestEncoder {
    private RequestEncoder() {}

    /**
     * The headers a structured request is sent with: the given ones plus Host, User-Agent,
     * Content-Length and Connection where missing (a request given all of them, as Re-send gives a
     * recorded one, goes out exactly as given).
     */
    public static List<Header> effectiveHeaders(RequestSpec spec, String hostPort) {
        List<Header> out = new ArrayList<>();
        if (!has(spec.headers(), "host")) out.add(new Header("Host", hostPort));
        if (!has(spec.headers(), "user-agent")) out.add(new Header("User-Agent", "roundtrip"));
        out.addAll(spec.headers());
        byte[] body = spec.body();
        boolean bodyMethod = spec.method().equals("POST") || spec.method().equals("PUT") || spec.method().equals("PATCH");
        if (!has(spec.headers(), "content-length") && !has(spec.headers(), "transfer-encoding") && (body.length > 0 || bodyMethod)) {
            out.add(new Header("Content-Length", Integer.toString(body.length)));
        }
        if (!has(spec.headers(), "connection")) out.add(new Header("Connection", spec.keepAlive() ? "keep-alive" : "close"));
        return out;
    }

    public static byte[] encode(RequestSpec spec, String hostPort) {
        if (spec.isRaw()) return spec.raw();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line(out, spec.method() + " " + spec.target() + " HTTP/1.1");
        for (Header h : effectiveHeaders(spec, hostPort)) line(out, h.name() + ": " + h.value());
        line(out, "");
        out.writeBytes(spec.body());
        return out.toByteArray();
    }

    /** What the recording says was asked. */
    public static RequestInfo describe(RequestSpec spec, String hostPort) {
        if (spec.isRaw()) {
            String first = firstLine(spec.raw());
            String[] parts = first.split(" ");
            boolean looksLikeRequest = parts.length == 3 && parts[2].startsWith("HTTP/");
            return new RequestInfo(looksLikeRequest ? parts[0] : "", looksLikeRequest ? parts[1] : "", List.of(), null, spec.raw());
        }
        return new RequestInfo(spec.method(), spec.target(), effectiveHeaders(spec, hostPort), spec.body(), null);
    }

    private static String firstLine(byte[] raw) {
        String s = new String(raw, StandardCharsets.ISO_8859_1);
        int end = s.indexOf('\r');
        if (end < 0) end = s.indexOf('\n');
        return end < 0 ? s : s.substring(0, end);
    }

    private static boolean has(List<Header> headers, String name) {
        for (Header h : headers) if (h.name().toLowerCase(Locale.ROOT).equals(name)) return true;
        return false;
    }

    private static void line(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        out.write('\r');
        out.write('\n');
    }
}
