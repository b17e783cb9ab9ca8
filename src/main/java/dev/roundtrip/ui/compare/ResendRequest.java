package dev.roundtrip.ui.compare;

import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.ui.composer.ComposedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recorded request made ready to send again, as it was: raw bytes exactly as recorded; a structured
 * request with its method, target, body and every recorded header in their order (Host, User-Agent,
 * Connection included), so the client adds nothing and the bytes on the wire are the recorded ones.
 * Left out are only what cannot be sent as recorded: HTTP/2 pseudo headers from a browser's HAR
 * (":authority") and Transfer-Encoding (the body is kept decoded; Content-Length is set for it).
 */
public final class ResendRequest {
    private ResendRequest() {}

    public static ComposedRequest of(RequestInfo r) {
        if (r.isRaw()) return new ComposedRequest(r.method(), r.target(), List.of(), new byte[0], r.raw());
        List<Header> kept = new ArrayList<>();
        for (Header h : r.headers()) {
            String n = h.name().toLowerCase(Locale.ROOT);
            if (n.startsWith(":") || n.equals("transfer-encoding")) continue;
            kept.add(h);
        }
        return new ComposedRequest(r.method(), r.target(), kept, r.body(), null);
    }
}
