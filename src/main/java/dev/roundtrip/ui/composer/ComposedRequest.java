package dev.roundtrip.ui.composer;

import dev.roundtrip.trace.Header;
import java.util.List;

/** What the composer asks to send: a structured request, or raw bytes when {@code raw} is not null. */
public record ComposedRequest(String method, String target, List<Header> headers, byte[] body, byte[] raw) {
    public ComposedRequest {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
        raw = raw == null ? null : raw.clone();
    }

    public boolean isRaw() {
        return raw != null;
    }

    public String summary() {
        return isRaw() ? "raw request (" + raw.length + " B)" : method + " " + target;
    }
}
