package dev.roundtrip.wire;

import dev.roundtrip.trace.FrameReadout;
import dev.roundtrip.trace.Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the HTTP/2 frames in one direction of a connection from the bytes that crossed it, as an
 * observer on the wire would (the codec's own view is not used): each frame's 9-byte header, and for
 * a header block its HPACK bytes, decoded with a decoder of its own that follows the same blocks in
 * the same order as the peer's, so its dynamic table is the peer's. A frame is told once its last
 * byte has been seen; the bytes may come in any pieces.
 */
public final class H2Frames {
    /** The client connection preface (RFC 9113 3.4), before the client's first frame. */
    public static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Payloads kept whole (header blocks, SETTINGS, GOAWAY's debug text) up to this size; DATA is only counted. */
    private static final int MAX_KEPT = 1 << 20;

    /** One frame and a sentence about it ("HEADERS on stream 3: 17 bytes of HPACK for 5 headers ..."). */
    public record Frame(FrameReadout readout, String detail) {}

    private final boolean fromClient;
    private int prefaceLeft;
    private final byte[] head = new byte[9];
    private int headFill;
    private int type;
    private int flags;
    private int streamId;
    private int length;
    private int payloadLeft;
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
    /** HEADERS then CONTINUATIONs: the header block is decoded once END_HEADERS came. */
    private final ByteArrayOutputStream block = new ByteArrayOutputStream();
    private int blockFlags;
    private final DefaultHttp2HeadersDecoder hpack = new DefaultHttp2HeadersDecoder(false, 0xFFFFFFFFL);

    /** @param fromClient true for the client-to-server direction: it begins with the connection preface */
    public H2Frames(boolean fromClient) {
        this.fromClient = fromClient;
        this.prefaceLeft = fromClient ? PREFACE.length : 0;
    }

    /** Does {@code buf} begin with (a part of) the connection preface? Needs at least one byte; its indexes are unchanged. */
    public static boolean startsWithPreface(ByteBuf buf) {
        int n = Math.min(buf.readableBytes(), PREFACE.length);
        for (int i = 0; i < n; i++) {
            if (buf.getByte(buf.readerIndex() + i) != PREFACE[i]) return false;
        }
        return n > 0;
    }

    /** The frames that end in these bytes (its indexes are unchanged). */
    public List<Frame> feed(ByteBuf buf) {
        List<Frame> out = new ArrayList<>(2);
        int i = buf.readerIndex();
        int end = buf.writerIndex();
        while (i < end) {
            if (prefaceLeft > 0) {
                int n = Math.min(prefaceLeft, end - i);
                prefaceLeft -= n;
                i += n;
                continue;
            }
            if (headFill < 9) {
                head[headFill++] = buf.getByte(i++);
                if (headFill == 9) {
                    length = ((head[0] & 0xff) << 16) | ((head[1] & 0xff) << 8) | (head[2] & 0xff);
                    type = head[3] & 0xff;
                    flags = head[4] & 0xff;
                    streamId = ((head[5] & 0x7f) << 24) | ((head[6] & 0xff) << 16) | ((head[7] & 0xff) << 8) | (head[8] & 0xff);
                    payloadLeft = length;
                    payload.reset();
                    if (length == 0) out.add(ended());
                }
                continue;
            }
            int n = Math.min(payloadLeft, end - i);
            if (type != 0 && payload.size() + n <= MAX_KEPT) {
                byte[] b = new byte[n];
                buf.getBytes(i, b);
                payload.writeBytes(b);
            }
            i += n;
            payloadLeft -= n;
            if (payloadLeft == 0) out.add(ended());
        }
        return out;
    }

    private Frame ended() {
        headFill = 0;
        byte[] p = payload.toByteArray();
        String name = FrameReadout.typeName(type);
        String f = new FrameReadout(name, streamId, length, flags, null, null, null).flagNames();
        String about = name + (streamId == 0 ? " on the connection" : " on stream " + streamId) + ", " + length + " bytes"
                + (f.isEmpty() ? "" : " (" + f + ")");
        switch (type) {
            case 1: // HEADERS
                block.reset();
                blockFlags = flags;
                block.writeBytes(fragment(p));
                if ((flags & 0x4) != 0) return headerBlock(about);
                return new Frame(readout(), about + ": the header block goes on in CONTINUATION");
            case 9: // CONTINUATION
                block.writeBytes(p);
                if ((flags & 0x4) != 0) return headerBlock(about);
                return new Frame(readout(), about);
            case 3: { // RST_STREAM
                String code = p.length >= 4 ? FrameReadout.errorName(u32(p, 0)) : null;
                return new Frame(readout(null, null, code, null, null), about + ": " + code);
            }
            case 7: { // GOAWAY
                String code = p.length >= 8 ? FrameReadout.errorName(u32(p, 4)) : null;
                String debug = p.length > 8 ? new String(p, 8, p.length - 8, StandardCharsets.UTF_8) : "";
                String text = about + ": " + code + (p.length >= 4 ? ", last stream " + (u32(p, 0) & 0x7fffffffL) : "")
                        + (debug.isEmpty() ? "" : " (" + printable(debug) + ")");
                return new Frame(readout(null, null, code, null, null), text);
            }
            case 8: { // WINDOW_UPDATE
                Long increment = p.length >= 4 ? u32(p, 0) & 0x7fffffffL : null;
                return new Frame(readout(null, null, null, increment, null),
                        about + (increment != null ? ": the window grows by " + increment + " bytes" : ""));
            }
            case 4: { // SETTINGS
                Map<String, Long> values = (flags & 0x1) != 0 ? null : settings(p);
                return new Frame(readout(null, null, null, null, values), about + describe(values));
            }
            default:
                return new Frame(readout(), about);
        }
    }

    /** HEADERS' payload without its padding and priority fields: the header block fragment. */
    private byte[] fragment(byte[] p) {
        int start = 0;
        int end = p.length;
        if ((flags & 0x8) != 0 && p.length > 0) {
            start = 1;
            end -= p[0] & 0xff;
        }
        if ((flags & 0x20) != 0) start += 5;
        return start <= end ? java.util.Arrays.copyOfRange(p, start, end) : new byte[0];
    }

    private Frame headerBlock(String about) {
        byte[] encoded = block.toByteArray();
        List<Header> headers = null;
        String decoded;
        try {
            Http2Headers h = hpack.decodeHeaders(streamId, Unpooled.wrappedBuffer(encoded));
            headers = new ArrayList<>();
            for (Map.Entry<CharSequence, CharSequence> e : h) headers.add(Header.shared(e.getKey().toString(), e.getValue().toString()));
            int text = 0;
            for (Header x : headers) text += x.name().length() + 2 + x.value().length() + 2;
            decoded = ": " + encoded.length + " bytes of HPACK for " + headers.size() + " header" + (headers.size() == 1 ? "" : "s")
                    + " (" + text + " bytes as HTTP/1.1 text lines)";
        } catch (Exception e) {
            decoded = ": " + encoded.length + " bytes of HPACK that could not be decoded (" + e.getMessage() + ")";
        }
        // the frame that ends the block carries it: a HEADERS with its own flags, or the last CONTINUATION
        return new Frame(new FrameReadout(FrameReadout.typeName(type), streamId, length, type == 9 ? flags : blockFlags,
                encoded.length, headers, null, fromClient, null, null), about + decoded);
    }

    private FrameReadout readout() {
        return readout(null, null, null, null, null);
    }

    /** The frame just ended, in this direction. */
    private FrameReadout readout(Integer headerBlock, List<Header> headers, String errorCode, Long increment, Map<String, Long> settings) {
        return new FrameReadout(FrameReadout.typeName(type), streamId, length, flags, headerBlock, headers, errorCode, fromClient, increment, settings);
    }

    /** A SETTINGS payload's parameters in the order sent; a repeated one keeps its last value, as the peer applies them. */
    private static Map<String, Long> settings(byte[] p) {
        Map<String, Long> values = new java.util.LinkedHashMap<>();
        String[] names = {"", "HEADER_TABLE_SIZE", "ENABLE_PUSH", "MAX_CONCURRENT_STREAMS", "INITIAL_WINDOW_SIZE", "MAX_FRAME_SIZE",
                "MAX_HEADER_LIST_SIZE"};
        for (int i = 0; i + 6 <= p.length; i += 6) {
            int id = ((p[i] & 0xff) << 8) | (p[i + 1] & 0xff);
            values.put(id > 0 && id < names.length ? names[id] : "0x" + Integer.toHexString(id), u32(p, i + 2));
        }
        return values;
    }

    private static String describe(Map<String, Long> settings) {
        if (settings == null || settings.isEmpty()) return "";
        StringBuilder b = new StringBuilder(":");
        settings.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    /** The peer's debug text, control characters shown as \\xHH (it is the peer's, not ours). */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f) b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    private static long u32(byte[] p, int at) {
        return ((long) (p[at] & 0xff) << 24) | ((p[at + 1] & 0xff) << 16) | ((p[at + 2] & 0xff) << 8) | (p[at + 3] & 0xff);
    }
}
