package dev.roundtrip.trace;

import java.util.List;
import java.util.Map;

/**
 * One HTTP/2 frame as it crossed the connection: its 9-byte header read as the network sees it
 * (RFC 9113 4.1), and for a header block what HPACK made of it.
 *
 * @param type "HEADERS", "DATA", "SETTINGS", ... ({@link #typeName(int)}), or "UNKNOWN(N)"
 * @param streamId the stream it belongs to; 0 for the connection's own frames (SETTINGS, PING, GOAWAY, ...)
 * @param length the payload length after the 9-byte header, bytes
 * @param flags the header's flags byte (END_STREAM 0x1, ACK 0x1, END_HEADERS 0x4, PADDED 0x8, PRIORITY 0x20)
 * @param headerBlock HEADERS only (with its CONTINUATIONs): the HPACK-encoded header block's bytes on the wire; null otherwise
 * @param headers HEADERS only: the header list HPACK decoded from that block (pseudo-headers first); null otherwise or not decodable
 * @param errorCode RST_STREAM and GOAWAY: the error code's name ("CANCEL", "PROTOCOL_ERROR", ...); null otherwise
 * @param fromClient the direction: true client to server, false server to client; null when not known (recordings before it was kept)
 * @param windowIncrement WINDOW_UPDATE only: the Window Size Increment, bytes; null otherwise
 * @param settings SETTINGS only (not an ACK): the parameters in the order sent ("INITIAL_WINDOW_SIZE" = 65535, an unknown id as "0xN"); null otherwise
 */
public record FrameReadout(String type, int streamId, int length, int flags, Integer headerBlock, List<Header> headers,
                           String errorCode, Boolean fromClient, Long windowIncrement, Map<String, Long> settings) {
    public FrameReadout {
        headers = headers == null ? null : List.copyOf(headers);
        settings = settings == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }

    /** A frame without its direction, WINDOW_UPDATE increment and SETTINGS values (as recordings before them hold it). */
    public FrameReadout(String type, int streamId, int length, int flags, Integer headerBlock, List<Header> headers, String errorCode) {
        this(type, streamId, length, flags, headerBlock, headers, errorCode, null, null, null);
    }

    /** SETTINGS_INITIAL_WINDOW_SIZE when this SETTINGS frame sets it, else null. */
    public Long initialWindowSize() {
        return settings == null ? null : settings.get("INITIAL_WINDOW_SIZE");
    }

    private static final String[] TYPES = {"DATA", "HEADERS", "PRIORITY", "RST_STREAM", "SETTINGS", "PUSH_PROMISE", "PING",
            "GOAWAY", "WINDOW_UPDATE", "CONTINUATION"};
    private static final String[] ERRORS = {"NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR", "SETTINGS_TIMEOUT",
            "STREAM_CLOSED", "FRAME_SIZE_ERROR", "REFUSED_STREAM", "CANCEL", "COMPRESSION_ERROR", "CONNECT_ERROR",
            "ENHANCE_YOUR_CALM", "INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED"};

    public static String typeName(int type) {
        return type >= 0 && type < TYPES.length ? TYPES[type] : "UNKNOWN(" + type + ")";
    }

    public static String errorName(long code) {
        return code >= 0 && code < ERRORS.length ? ERRORS[(int) code] : "UNKNOWN(" + code + ")";
    }

    /** Header plus payload: the bytes this frame took on the connection. */
    public int wireLength() {
        return 9 + length;
    }

    /** The connection's own frame (stream 0), not one stream's. */
    public boolean connectionLevel() {
        return streamId == 0;
    }

    /** END_STREAM on a DATA or HEADERS frame: the sender has no more to send on this stream. */
    public boolean endStream() {
        return (type.equals("DATA") || type.equals("HEADERS")) && (flags & 0x1) != 0;
    }

    /** The bytes the decoded headers would take as HTTP/1.1 text lines ("name: value\r\n"); null without headers. */
    public Integer headersAsText() {
        if (headers == null) return null;
        int n = 0;
        for (Header h : headers) n += h.name().length() + 2 + h.value().length() + 2;
        return n;
    }

    /** "END_STREAM|END_HEADERS", or "" for none. */
    public String flagNames() {
        StringBuilder b = new StringBuilder();
        boolean data = type.equals("DATA");
        boolean headersFrame = type.equals("HEADERS");
        boolean ack = type.equals("SETTINGS") || type.equals("PING");
        if ((flags & 0x1) != 0) b.append(ack ? "ACK" : data || headersFrame ? "END_STREAM" : "0x1");
        if ((flags & 0x4) != 0 && (headersFrame || type.equals("CONTINUATION") || type.equals("PUSH_PROMISE"))) sep(b).append("END_HEADERS");
        if ((flags & 0x8) != 0 && (data || headersFrame || type.equals("PUSH_PROMISE"))) sep(b).append("PADDED");
        if ((flags & 0x20) != 0 && headersFrame) sep(b).append("PRIORITY");
        return b.toString();
    }

    private static StringBuilder sep(StringBuilder b) {
        return b.length() == 0 ? b : b.append('|');
    }
}
