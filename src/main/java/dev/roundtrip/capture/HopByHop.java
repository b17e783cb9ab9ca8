package dev.roundtrip.capture;

import dev.roundtrip.trace.Phrase;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a proxy must not pass on (RFC 9110 7.6.1): the fields that describe one connection, not the
 * message. The proxy frames each body anew for its own connection (RFC 9112 6.1), so Transfer-Encoding
 * and the trailer it would carry go too; Proxy-* fields were meant for this proxy. It then says it
 * was there with {@code Via} (RFC 9110 7.6.3).
 */
final class HopByHop {
    /** Always connection-specific, named in Connection or not. */
    private static final List<String> ALWAYS = List.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade");
    static final String PSEUDONYM = "roundtrip";

    private HopByHop() {}

    /** Removes the hop-by-hop fields from {@code h} and returns their names as they were spelled, in order. */
    static List<String> strip(HttpHeaders h) {
        Set<String> drop = new LinkedHashSet<>(ALWAYS);
        for (String value : h.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                String t = token.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) drop.add(t);
            }
        }
        List<String> removed = new ArrayList<>();
        for (String name : h.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (drop.contains(lower) || lower.startsWith("proxy-")) removed.add(name);
        }
        for (String name : removed) h.remove(name);
        return removed;
    }

    /** Appends this proxy to {@code Via}: "1.1 roundtrip" for a message received as HTTP/1.1. */
    static void via(HttpHeaders h, HttpVersion received) {
        String hop = received.majorVersion() + "." + received.minorVersion() + " " + PSEUDONYM;
        String before = String.join(", ", h.getAll(HttpHeaderNames.VIA));
        h.set("Via", before.isEmpty() ? hop : before + ", " + hop);
    }

    /** "; hop-by-hop fields removed: Connection, Keep-Alive" or "" */
    static Object said(List<String> removed) {
        return removed.isEmpty() ? "" : Phrase.of("capture.removed", String.join(", ", removed));
    }
}
