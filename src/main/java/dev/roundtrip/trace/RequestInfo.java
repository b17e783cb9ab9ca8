package dev.roundtrip.trace;

import java.util.Arrays;
import java.util.List;

/**
 * What was asked. For a raw request {@code raw} holds the exact bytes sent and the structured
 * fields are what could be read from them (method and target may be empty).
 */
public record RequestInfo(String method, String target, List<Header> headers, byte[] body, byte[] raw) {
    /** A request not yet read: a server announces an outside client's exchange with it, then describes it. */
    public static final RequestInfo EMPTY = new RequestInfo("", "", List.of(), null, null);

    public RequestInfo {
        headers = SharedTexts.shareHeaders(headers);
        body = body == null ? SharedTexts.NO_BYTES : SharedTexts.share(body.clone());
        raw = raw == null ? null : raw.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public byte[] raw() {
        return raw == null ? null : raw.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    public boolean isRaw() {
        return raw != null;
    }

    /** "GET /users/1", or "raw request" for raw bytes that name no method or target; English (recordings, diagrams as files). */
    public String summary() {
        return summary(java.util.Locale.ENGLISH);
    }

    /** The same in {@code language}: only the words for raw bytes are translated, a method and target stay as sent. */
    public String summary(java.util.Locale language) {
        if (!method.isEmpty() || !target.isEmpty()) return (method + " " + target).trim();
        return RAW.in(language);
    }

    private static final Phrase RAW = Phrase.of("trace.rawRequest");

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestInfo r && r.method.equals(method) && r.target.equals(target)
                && r.headers.equals(headers) && Arrays.equals(r.body, body) && Arrays.equals(r.raw, raw);
    }

    @Override
    public int hashCode() {
        return (method.hashCode() * 31 + target.hashCode()) * 31 + Arrays.hashCode(body);
    }
}
