package dev.roundtrip.wire;

import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.MessageReadout;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads WebSocket frames (RFC 6455 §5.2) out of the bytes that cross one direction of a socket, as an
 * observer on the wire sees them: a socket read or write may hold several frames or part of one. Each
 * frame comes out whole, with its header read and its bytes kept (at most {@code keepAtMost} of them).
 * Instrument work: it never changes what the codecs see.
 */
public final class WebSocketFrames {
    /** A frame as it crossed the socket. */
    public record Frame(MessageReadout readout, BytesReadout bytes) {}

    private final boolean fromClient;
    private final int keepAtMost;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    /** Bytes of the frame being read so far, kept or not. */
    private long seen;
    /** The whole frame's length once its header is known, else -1. */
    private long frameLength = -1;

    public WebSocketFrames(boolean fromClient, int keepAtMost) {
        this.fromClient = fromClient;
        this.keepAtMost = Math.max(keepAtMost, 14); // a frame's header is always kept
    }

    /** The frames that end in {@code buf} (its readable bytes; its indexes are not moved). */
    public List<Frame> feed(ByteBuf buf) {
        List<Frame> out = new ArrayList<>(1);
        int i = buf.readerIndex();
        int end = buf.writerIndex();
        while (i < end) {
            if (frameLength < 0) { // byte by byte until the header is whole (2 to 14 bytes)
                byte b = buf.getByte(i++);
                keep(buf, i - 1, 1);
                seen++;
                header[headerSeen++] = b;
                frameLength = lengthOnceHeaderWhole();
            } else {
                int take = (int) Math.min(end - i, frameLength - seen);
                keep(buf, i, take);
                i += take;
                seen += take;
            }
            if (frameLength >= 0 && seen == frameLength) out.add(finish());
        }
        return out;
    }

    private final byte[] header = new byte[14];
    private int headerSeen;

    private void keep(ByteBuf buf, int at, int n) {
        int k = Math.min(n, keepAtMost - current.size());
        if (k <= 0) return;
        byte[] b = new byte[k];
        buf.getBytes(at, b);
        current.write(b, 0, k);
    }

    private int headerLength() {
        int len7 = header[1] & 0x7f;
        return 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((header[1] & 0x80) != 0 ? 4 : 0);
    }

    /** The whole frame's length once the header has been seen, else -1. */
    private long lengthOnceHeaderWhole() {
        if (headerSeen < 2 || headerSeen < headerLength()) return -1;
        int len7 = header[1] & 0x7f;
        int extended = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        long payload = len7 < 126 ? len7 : 0;
        for (int k = 0; k < extended; k++) payload = (payload << 8) | (header[2 + k] & 0xff);
        return headerLength() + payload;
    }

    private Frame finish() {
        boolean masked = (header[1] & 0x80) != 0;
        int headerLength = headerLength();
        long payload = frameLength - headerLength;
        int opcode = header[0] & 0x0f;
        boolean fin = (header[0] & 0x80) != 0;
        byte[] kept = current.toByteArray();
        Integer closeCode = null;
        if (opcode == 8 && payload >= 2 && kept.length >= headerLength + 2) {
            int hi = kept[headerLength] & 0xff;
            int lo = kept[headerLength + 1] & 0xff;
            if (masked) {
                hi ^= kept[headerLength - 4] & 0xff;
                lo ^= kept[headerLength - 3] & 0xff;
            }
            closeCode = (hi << 8) | lo;
        }
        Frame f = new Frame(MessageReadout.frame(fromClient, opcode, payload, fin, masked, closeCode),
                BytesReadout.adopting((int) Math.min(frameLength, Integer.MAX_VALUE), kept));
        current.reset();
        seen = 0;
        frameLength = -1;
        headerSeen = 0;
        return f;
    }

    /** Payload bytes of {@code frame} unmasked, as far as they were kept (tests, the lab's client). */
    public static byte[] payload(Frame frame) {
        byte[] b = frame.bytes().data();
        int len7 = b[1] & 0x7f;
        boolean masked = (b[1] & 0x80) != 0;
        int at = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0);
        byte[] key = masked ? java.util.Arrays.copyOfRange(b, at, at + 4) : null;
        if (masked) at += 4;
        byte[] p = java.util.Arrays.copyOfRange(b, at, b.length);
        if (masked) for (int i = 0; i < p.length; i++) p[i] ^= key[i % 4];
        return p;
    }
}
