package dev.roundtrip.server;

import dev.roundtrip.trace.Phrase;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Follows the requests of one connection through its raw bytes, as they arrive and before the codec
 * reads them, so that the checks the codec is too lenient for see every request: the traced and the
 * untraced server alike, the second of two pipelined requests that came in one read, and the
 * chunk-size lines of a body of any length. For each request it keeps its head (request line and
 * header lines, up to {@value #MAX_HEAD} bytes) and the first problem of its chunk-size lines
 * (RFC 9112 §7.1.1, {@link ChunkExtensions}); the body itself is skipped, never kept.
 *
 * <p>It judges nothing the codec judges: where the bytes stop making sense as HTTP/1.1 framing (a
 * head too long, a size that is not hex, CR without LF), it stops following the connection and
 * leaves the verdict to the codec, which will close it. One instance per connection, fed on its
 * event loop.
 */
final class RequestFraming {
    /** Larger heads are refused by the codec (431) before this matters. */
    static final int MAX_HEAD = 64 * 1024;
    /** A chunk-size line longer than this is the codec's to refuse. */
    static final int MAX_CHUNK_LINE = 8 * 1024;

    /** What one request's bytes showed: its head and, for a chunked body, the first bad chunk-size line. */
    record RawRequest(byte[] head, Phrase chunkProblem) {
        static final RawRequest NONE = new RawRequest(new byte[0], null);
    }

    private enum State { HEAD, BODY, CHUNK_LINE, CHUNK_DATA, CHUNK_END, TRAILERS, LOST }

    private State state = State.HEAD;
    private final ArrayDeque<RawRequest> complete = new ArrayDeque<>();
    private byte[] head = new byte[512];
    private int headLength;
    private final StringBuilder line = new StringBuilder();
    /** Bytes of the current request so far, for the offsets in messages. */
    private long offset;
    private long remaining;
    private int crlf;
    private Phrase chunkProblem;
    /** The head of the last request finished (never written to: requests share it), and its framing. */
    private byte[] lastHead;
    private Framing lastFraming;
    /** The last head that passed the server's checks ({@link #passedBefore}). */
    private byte[] passedHead;

    /**
     * Whether {@code raw} is the head that passed the checks last time, byte for byte (one array is shared by
     * equal heads in a row): what the checks judge is in those bytes, so the verdict is the same.
     */
    boolean passedBefore(RawRequest raw) {
        return raw.head() == passedHead && raw.chunkProblem() == null;
    }

    void passed(RawRequest raw) {
        if (raw.chunkProblem() == null) passedHead = raw.head();
    }

    /** Follows the readable bytes of {@code bytes} (not consumed); a body's bytes are skipped, not read. */
    void feed(ByteBuf bytes) {
        int end = bytes.writerIndex();
        int i = bytes.readerIndex();
        while (i < end && state != State.LOST) {
            switch (state) {
                case BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, end - i);
                    i += n;
                    offset += n;
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == State.BODY) finish();
                        else state = State.CHUNK_END;
                    }
                }
                case HEAD -> i = head(bytes, i, end);
                default -> {
                    int stopped = bytes.forEachByte(i, end - i, byByte);
                    i = stopped < 0 ? end : stopped + 1;
                }
            }
        }
    }

    /**
     * What the oldest request not yet taken showed: a complete one if there is one, else the one
     * being read (what came of it so far: a request the codec refused before its end). Each request
     * the codec decodes takes exactly one.
     */
    RawRequest next() {
        RawRequest done = complete.poll();
        if (done != null) return done;
        if (headLength == 0) return RawRequest.NONE;
        // The codec ended a request this framing had not: they disagree, so stop following this connection.
        RawRequest partial = new RawRequest(Arrays.copyOf(head, headLength), chunkProblem);
        headLength = 0;
        state = State.LOST;
        return partial;
    }

    /**
     * A head's bytes from {@code i}: copied in one go, at most as many as the head's array holds now (so a
     * body behind the head is not copied), then looked through for the blank line. Returns where it stopped.
     */
    private int head(ByteBuf bytes, int i, int end) {
        if (headLength == 0) { // empty lines before a request are allowed
            while (i < end && (bytes.getByte(i) == '\r' || bytes.getByte(i) == '\n')) i++;
            if (i == end) return i;
            offset = 0;
        }
        if (headLength == MAX_HEAD) {
            state = State.LOST;
            return i;
        }
        if (headLength == head.length) head = Arrays.copyOf(head, Math.min(MAX_HEAD, head.length * 2));
        int n = Math.min(end - i, head.length - headLength);
        bytes.getBytes(i, head, headLength, n);
        for (int k = headLength, stop = headLength + n; k < stop; k++) {
            byte b = head[k];
            crlf = b == "\r\n\r\n".charAt(crlf) ? crlf + 1 : (b == '\r' ? 1 : 0);
            if (crlf == 4) {
                int taken = k + 1 - headLength;
                headLength = k + 1;
                offset += taken;
                endOfHead();
                return i + taken;
            }
        }
        headLength += n;
        offset += n;
        return i + n;
    }

    /** Takes the bytes of chunk-size lines and trailers one by one (one bounds check for the whole run), until a chunk's data or the next head. */
    private final ByteProcessor byByte = b -> {
        offset++;
        take(b);
        return state == State.CHUNK_LINE || state == State.TRAILERS || state == State.CHUNK_END;
    };

    private void take(byte b) {
        switch (state) {
            case CHUNK_LINE, TRAILERS -> {
                if (b != '\n') {
                    if (line.length() >= MAX_CHUNK_LINE) state = State.LOST;
                    else line.append((char) (b & 0xff));
                    return;
                }
                if (line.length() == 0 || line.charAt(line.length() - 1) != '\r') {
                    state = State.LOST; // a bare LF: the codec's to refuse
                    return;
                }
                line.setLength(line.length() - 1);
                String text = line.toString();
                long lineStart = offset - text.length() - 2;
                line.setLength(0);
                if (state == State.TRAILERS) {
                    if (text.isEmpty()) finish();
                } else {
                    chunkSize(text, lineStart);
                }
            }
            case CHUNK_END -> {
                crlf++;
                if ((crlf == 1 && b != '\r') || (crlf == 2 && b != '\n')) state = State.LOST;
                else if (crlf == 2) state = State.CHUNK_LINE;
            }
            default -> state = State.LOST;
        }
    }

    private void chunkSize(String text, long lineStart) {
        int sizeEnd = 0;
        while (sizeEnd < text.length() && text.charAt(sizeEnd) < 0x80 && Character.digit(text.charAt(sizeEnd), 16) >= 0) sizeEnd++;
        if (sizeEnd == 0 || sizeEnd > 15) {
            state = State.LOST; // the codec judges sizes
            return;
        }
        Phrase why = ChunkExtensions.extensions(text, sizeEnd);
        if (why != null && chunkProblem == null) {
            chunkProblem = Phrase.of("server.problem.chunkLine", why, RequestTarget.quote(text), lineStart);
        }
        long size = Long.parseLong(text.substring(0, sizeEnd), 16);
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            crlf = 0;
            state = State.CHUNK_DATA;
        }
    }

    private void endOfHead() {
        crlf = 0;
        // keep-alive traffic sends the same head again and again: the same bytes, the same framing, one copy
        boolean again = lastHead != null && Arrays.equals(lastHead, 0, lastHead.length, head, 0, headLength);
        Framing f = again ? lastFraming : Framing.of(head, headLength);
        if (!again) lastHead = null;
        lastFraming = f;
        if (f == Framing.UNKNOWN) {
            state = State.LOST;
        } else if (f.chunked) {
            state = State.CHUNK_LINE;
        } else if (f.length > 0) {
            remaining = f.length;
            state = State.BODY;
        } else {
            finish();
        }
    }

    private void finish() {
        if (lastHead == null) lastHead = Arrays.copyOf(head, headLength);
        complete.add(new RawRequest(lastHead, chunkProblem));
        headLength = 0;
        chunkProblem = null;
        offset = 0;
        crlf = 0;
        state = State.HEAD;
    }

    /** The pipeline's eyes for it: in front of the codec, it shows each read to the framing and passes it on. */
    static final class Tap extends ChannelInboundHandlerAdapter {
        private final RequestFraming framing;

        Tap(RequestFraming framing) {
            this.framing = framing;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf b) framing.feed(b);
            ctx.fireChannelRead(msg);
        }
    }

    /** How a request's body is delimited, read from its head as RFC 9112 §6.3 says for requests. */
    private record Framing(boolean chunked, long length) {
        static final Framing UNKNOWN = new Framing(false, -1);

        /** From the header lines of {@code head} (its first {@code length} bytes); only these two headers become strings. */
        static Framing of(byte[] head, int length) {
            String te = null, cl = null;
            int line = 0;
            while (line < length) {
                int eol = line;
                while (eol < length && head[eol] != '\r') eol++;
                int colon = line;
                while (colon < eol && head[colon] != ':') colon++;
                boolean isTe = is(head, line, colon, "transfer-encoding");
                if (isTe || is(head, line, colon, "content-length")) {
                    String value = new String(head, colon + 1, eol - colon - 1, StandardCharsets.ISO_8859_1).trim();
                    if (isTe) {
                        te = te == null ? value : te + "," + value;
                    } else {
                        if (cl != null && !cl.equals(value)) return UNKNOWN;
                        cl = value;
                    }
                }
                line = eol + 2;
            }
            if (te != null) {
                if (cl != null) return UNKNOWN; // refused by the codec and the handler
                String[] codings = te.split(",");
                return codings[codings.length - 1].trim().equalsIgnoreCase("chunked") ? new Framing(true, 0) : UNKNOWN;
            }
            if (cl == null) return new Framing(false, 0);
            if (cl.isEmpty() || cl.length() > 18 || !cl.chars().allMatch(c -> c >= '0' && c <= '9')) return UNKNOWN;
            return new Framing(false, Long.parseLong(cl));
        }

        /** Whether bytes {@code from..to} are {@code name}, ignoring ASCII case and whitespace before the colon. */
        private static boolean is(byte[] b, int from, int to, String name) {
            while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) to--;
            if (to - from != name.length()) return false;
            for (int i = 0; i < name.length(); i++) {
                if (Character.toLowerCase((char) (b[from + i] & 0xff)) != name.charAt(i)) return false;
            }
            return true;
        }
    }
}
