package dev.roundtrip.ui.composer;

import dev.roundtrip.trace.Header;
import java.util.List;

/**
 * What the composer asks to send: a structured request, or raw bytes when {@code raw} is not null; over TLS (https)
 * when {@code tls}; over HTTP/2 when {@code protocol} says so (h2 by ALPN with TLS, h2c with prior knowledge without).
 */
public record ComposedRequest(String method, String target, List<Header> headers, byte[] body, byte[] raw, boolean tls, Protocol protocol) {
    /** A cleartext (http) HTTP/1.1 request. */
    public ComposedRequest(String method, String target, List<Header> headers, byte[] body, byte[] raw) {
        this(method, target, headers, body, raw, false, Protocol.HTTP_1_1);
    }

    public ComposedRequest {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
        raw = raw == null ? null : raw.clone();
        if (protocol == null) protocol = Protocol.HTTP_1_1;
        if (raw != null && protocol != Protocol.HTTP_1_1) throw new IllegalArgumentException(Preset.T.get("problem.rawHttp2"));
    }

    public boolean http2() {
        return protocol == Protocol.HTTP_2;
    }

    public boolean isRaw() {
        return raw != null;
    }

    public String summary() {
        String what = isRaw() ? Preset.T.get("summary.raw", raw.length) : method + " " + target;
        if (http2()) return Preset.T.get("summary.http2", what, protocol.describe(tls));
        return tls ? Preset.T.get("summary.tls", what) : what;
    }
}
