package dev.roundtrip.capture;

import dev.roundtrip.trace.Phrase;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;

/** The first bytes of a body, up to a cap, with the exact length of all of it: what the recording keeps of a body. */
final class KeptBody {
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    long length;

    KeptBody(int cap) {
        this.cap = cap;
    }

    void add(ByteBuf b) {
        int n = b.readableBytes();
        length += n;
        int take = Math.min(n, cap - kept.size());
        if (take > 0) {
            byte[] part = new byte[take];
            b.getBytes(b.readerIndex(), part);
            kept.writeBytes(part);
        }
    }

    byte[] bytes() {
        return kept.toByteArray();
    }

    /** " (the recording keeps its first 1048576 of 67108864 bytes)" when the cap cut it; "" otherwise (a phrase's argument). */
    Object note() {
        return kept.size() < length ? Phrase.of("capture.bodyCut", kept.size(), length) : "";
    }
}
