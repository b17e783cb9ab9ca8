package dev.roundtrip.ui.compare;

import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.ui.composer.ComposedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recorded request made ready to send again. Raw bytes go out exactly as recorded. A structured
 * request keeps method, target, body and its own headers; the headers that belong to the old
 * connection (Host with the old port, Content-Length, Connection, Transfer-Encoding) and HTTP/2
 * pseudo headers from a browser's HAR (":authority") are left for the client to set afresh.
 */
public final class ResendRequest {
    private static final Set<String> CONNECTION_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding");

    private ResendRequest() {}

    public static ComposedRequest of(RequestInfo r) {
        if (r.isRaw()) return new ComposedRequest(r.method(), r.target(), List.of(), new byte[0], r.raw());
        List<Header> kept = new ArrayList<>();
        for (Header h : r.headers()) {
            String n = h.name().toLowerCase(Locale.ROOT);
            if (CONNECTION_HEADERS.contains(n) || n.startsWith(":")) continue;
            kept.add(h);
        }
        return new ComposedRequest(r.method(), r.target(), kept, r.body(), null);
    }
}
