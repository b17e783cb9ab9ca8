package dev.roundtrip.ui.composer;

/**
 * Which HTTP the composer's request speaks. With the TLS switch: HTTP/1.1 over TLS (https), or HTTP/2
 * agreed by ALPN (h2); without it, HTTP/1.1 in plain text, or HTTP/2 with prior knowledge (h2c).
 */
public enum Protocol {
    HTTP_1_1("http1"),
    HTTP_2("http2");

    private final String key;

    Protocol(String key) {
        this.key = key;
    }

    /** "HTTP/1.1", "HTTP/2": the protocols' own names, the same in every language. */
    public String label() {
        return Preset.T.get("protocol." + key);
    }

    /** What the request will travel as, with or without TLS ("HTTP/2 over TLS, agreed by ALPN (h2)"), in the language in use. */
    public String describe(boolean tls) {
        return Preset.T.get("protocol." + key + (tls ? ".tls" : ".plain"));
    }

    @Override
    public String toString() {
        return label();
    }
}
