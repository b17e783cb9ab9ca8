package dev.roundtrip.client;

import dev.roundtrip.trace.Header;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A request to send: structured (method, target, headers, body) or {@code raw} bytes sent exactly
 * as given (to show what a server does with a malformed request). Arrays are copied in and out.
 * With {@code tls} it goes to the server's TLS port, encrypted (https).
 */
public record RequestSpec(String method, String target, List<Header> headers, byte[] body, byte[] raw,
                          boolean keepAlive, Duration timeout, boolean tls) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public RequestSpec {
        method = method == null ? "" : method;
        target = target == null ? "" : target;
        headers = headers == null ? List.of() : List.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
        raw = raw == null ? null : raw.clone();
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        if (raw == null && (method.isBlank() || target.isBlank())) {
            throw new IllegalArgumentException("a structured request needs a method and a target (or use raw bytes)");
        }
        if (raw == null) {
            if (!method.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException("method '" + method + "' is not an HTTP token (send raw bytes to show a bad one)");
            }
            if (target.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                throw new IllegalArgumentException("target '" + target + "' contains a space or control character (send raw bytes to show that)");
            }
            for (Header h : headers) {
                if (!h.name().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                    throw new IllegalArgumentException("header name '" + h.name() + "' is not an HTTP token");
                }
                if (h.value().indexOf('\r') >= 0 || h.value().indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("the value of header " + h.name() + " contains a line break (send raw bytes to show that)");
                }
            }
        }
    }

    /** A cleartext request (http). */
    public RequestSpec(String method, String target, List<Header> headers, byte[] body, byte[] raw, boolean keepAlive, Duration timeout) {
        this(method, target, headers, body, raw, keepAlive, timeout, false);
    }

    public static RequestSpec get(String target) {
        return new RequestSpec("GET", target, List.of(), null, null, true, DEFAULT_TIMEOUT);
    }

    public static RequestSpec post(String target, byte[] body) {
        return new RequestSpec("POST", target, List.of(), body, null, true, DEFAULT_TIMEOUT);
    }

    public static RequestSpec of(String method, String target) {
        return new RequestSpec(method, target, List.of(), null, null, true, DEFAULT_TIMEOUT);
    }

    /** Raw bytes, sent as they are on a connection of their own (closed afterwards). */
    public static RequestSpec raw(byte[] bytes) {
        return new RequestSpec("", "", List.of(), null, bytes, false, DEFAULT_TIMEOUT);
    }

    public static RequestSpec raw(String text) {
        return raw(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RequestSpec withHeader(String name, String value) {
        List<Header> h = new ArrayList<>(headers);
        h.add(new Header(name, value));
        return new RequestSpec(method, target, h, body, raw, keepAlive, timeout, tls);
    }

    public RequestSpec withBody(byte[] newBody) {
        return new RequestSpec(method, target, headers, newBody, raw, keepAlive, timeout, tls);
    }

    public RequestSpec withTimeout(Duration d) {
        return new RequestSpec(method, target, headers, body, raw, keepAlive, d, tls);
    }

    public RequestSpec withKeepAlive(boolean k) {
        return new RequestSpec(method, target, headers, body, raw, k, timeout, tls);
    }

    /** Over TLS to the server's TLS port (https), or cleartext (http). */
    public RequestSpec withTls(boolean on) {
        return new RequestSpec(method, target, headers, body, raw, keepAlive, timeout, on);
    }

    public boolean isRaw() {
        return raw != null;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public byte[] raw() {
        return raw == null ? null : raw.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestSpec r && r.method.equals(method) && r.target.equals(target) && r.headers.equals(headers)
                && java.util.Arrays.equals(r.body, body) && java.util.Arrays.equals(r.raw, raw)
                && r.keepAlive == keepAlive && r.timeout.equals(timeout) && r.tls == tls;
    }

    @Override
    public int hashCode() {
        return (method + target).hashCode() * 31 + java.util.Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return (isRaw() ? "RequestSpec[raw " + raw.length + " bytes" : "RequestSpec[" + method + " " + target) + (tls ? ", tls]" : "]");
    }
}
