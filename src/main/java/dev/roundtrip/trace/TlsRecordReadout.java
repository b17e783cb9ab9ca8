package dev.roundtrip.trace;

/**
 * One TLS record as it crossed the socket: its 5-byte header read as the network sees it.
 *
 * @param contentType the header's content type: 20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data
 * @param version the header's protocol version, e.g. {@code 0x0303} (TLS 1.3 records say TLS 1.2 for compatibility)
 * @param length the record's payload length after the header, bytes
 * @param message what it carries as far as an observer can tell: "ClientHello", "ServerHello",
 *     "encrypted" (TLS 1.3 hides its handshake flight and the Finished messages in application_data records)
 */
public record TlsRecordReadout(int contentType, int version, int length, String message) {
    /** "handshake", "application_data", ... or "unknown (N)". */
    public String contentTypeName() {
        switch (contentType) {
            case 20: return "change_cipher_spec";
            case 21: return "alert";
            case 22: return "handshake";
            case 23: return "application_data";
            default: return "unknown (" + contentType + ")";
        }
    }

    /** "TLS 1.2" for 0x0303, and so on; "0xHHHH" for anything else. */
    public String versionName() {
        return versionName(version);
    }

    public static String versionName(int version) {
        switch (version) {
            case 0x0300: return "SSL 3.0";
            case 0x0301: return "TLS 1.0";
            case 0x0302: return "TLS 1.1";
            case 0x0303: return "TLS 1.2";
            case 0x0304: return "TLS 1.3";
            default: return String.format(java.util.Locale.ROOT, "0x%04x", version);
        }
    }

    /** "TLS record sent: handshake (22), TLS 1.2, 512 bytes: ClientHello". */
    public Phrase describe(boolean sent) {
        return Phrase.of(sent ? "trace.tlsRecordSent" : "trace.tlsRecordReceived", contentTypeName(), contentType, versionName(), length, message);
    }

    /** Header plus payload: the bytes this record took on the wire. */
    public int wireLength() {
        return 5 + length;
    }
}
