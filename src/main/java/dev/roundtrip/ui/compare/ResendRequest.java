package dev.roundtrip.ui.compare;

import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.ui.composer.ComposedRequest;
import dev.roundtrip.ui.composer.Protocol;
import dev.roundtrip.ui.exchanges.ExchangeListViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recorded request made ready to send again, as it was: raw bytes exactly as recorded; a structured
 * request with its method, target, body and every recorded header in their order (Host, User-Agent,
 * Connection included), so the client adds nothing and the bytes on the wire are the recorded ones.
 * Left out are only what cannot be sent as recorded: HTTP/2 pseudo headers from a browser's HAR
 * (":authority") and Transfer-Encoding (the body is kept decoded; Content-Length is set for it).
 * An exchange goes again the way it went: HTTP/1.1 or HTTP/2, over TLS or not ({@link ExchangeListViewModel#protocol}).
 */
public final class ResendRequest {
    private ResendRequest() {}

    public static ComposedRequest of(Exchange x) {
        String went = ExchangeListViewModel.protocol(x);
        boolean tls = went.equals("h2") || went.equals("HTTPS");
        Protocol protocol = went.startsWith("h2") && !x.request().isRaw() ? Protocol.HTTP_2 : Protocol.HTTP_1_1;
        ComposedRequest r = of(x.request());
        return new ComposedRequest(r.method(), r.target(), r.headers(), r.body(), r.raw(), tls, protocol);
    }

    /** The request alone, as cleartext HTTP/1.1. */
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
