package dev.roundtrip.trace;

/**
 * One message of a long-lived exchange after its response head: a Server-Sent Event, or a WebSocket
 * frame either way after the 101 upgrade. The event that carries it has the message's bytes as they
 * crossed the socket ({@code bytes}); this readout says what they are.
 *
 * @param kind {@link Kind#SSE_EVENT} or {@link Kind#WS_FRAME}
 * @param fromClient who sent it: the client (a WebSocket frame the client wrote) or the server
 * @param eventId an SSE event's {@code id:} field (null when it has none, and for WebSocket frames)
 * @param opcode a WebSocket frame's opcode (1 text, 2 binary, 8 close, 9 ping, 10 pong, 0 continuation); -1 for SSE
 * @param length the payload's length in bytes (a frame's payload, an event's {@code data})
 * @param fin a WebSocket frame's FIN bit: the last frame of its message (always true for SSE)
 * @param masked a WebSocket frame's MASK bit (a client's frames must be masked, a server's must not); false for SSE
 * @param closeCode a close frame's status code (1000 normal, 1001 going away, 1002 protocol error, 1009 too big), or null
 */
public record MessageReadout(Kind kind, boolean fromClient, String eventId, int opcode, long length, boolean fin, boolean masked,
                             Integer closeCode) {
    public enum Kind {
        SSE_EVENT("sse-event"), WS_FRAME("ws-frame");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Kind fromWireName(String name) {
            for (Kind k : values()) if (k.wireName.equals(name)) return k;
            throw new IllegalArgumentException("unknown message kind: " + name);
        }
    }

    public static MessageReadout sse(String eventId, long dataLength) {
        return new MessageReadout(Kind.SSE_EVENT, false, eventId, -1, dataLength, true, false, null);
    }

    public static MessageReadout frame(boolean fromClient, int opcode, long length, boolean fin, boolean masked, Integer closeCode) {
        return new MessageReadout(Kind.WS_FRAME, fromClient, null, opcode, length, fin, masked, closeCode);
    }

    /** "text", "binary", "close", "ping", "pong", "continuation" or "reserved (N)"; "event" for SSE. */
    public String opcodeName() {
        if (kind == Kind.SSE_EVENT) return "event";
        switch (opcode) {
            case 0: return "continuation";
            case 1: return "text";
            case 2: return "binary";
            case 8: return "close";
            case 9: return "ping";
            case 10: return "pong";
            default: return "reserved (" + opcode + ")";
        }
    }

    /** "SSE event id 7: 41 data bytes" or "WebSocket text frame from the client: 5 bytes, FIN, masked". */
    public Phrase describe() {
        if (kind == Kind.SSE_EVENT) {
            return eventId == null ? Phrase.of("trace.sseEvent", length) : Phrase.of("trace.sseEventId", eventId, length);
        }
        return Phrase.of(closeCode == null ? "trace.wsFrame" : "trace.wsFrameClose", opcodeName(), fromClient ? 1 : 0, length,
                fin ? 1 : 0, masked ? 1 : 0, closeCode == null ? 0 : closeCode);
    }
}
