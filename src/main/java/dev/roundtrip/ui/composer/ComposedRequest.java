package dev.roundtrip.ui.composer;

import dev.roundtrip.trace.Header;
import java.util.List;

/** What the composer asks to send: a structured request, or raw bytes when {@code raw} is not null; over TLS (https) when {@code tls}. */
public record ComposedRequest(String method, String target, List<Header> headers, byte[] body, byte[] raw, boolean tls) {
    /** A cleartext (http) request. */
    public ComposedRequest(String method, String target, List<Header> headers, byte[] body, byte[] raw) {
        this(method, target, headers, body, raw, false);
    }

    public ComposedRequest {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
        raw = raw == null ? null : raw.clone();
    }

    public boolean isRaw() {
        return raw != null;
    }

    public String summary() {
        String what = isRaw() ? Preset.T.get("summary.raw", raw.length) : method + " " + target;
        return tls ? Preset.T.get("summary.tls", what) : what;
    }
}
