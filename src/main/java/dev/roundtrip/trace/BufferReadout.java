package dev.roundtrip.trace;

/** The application buffer (a Netty ByteBuf) at the moment of the event. */
public record BufferReadout(int capacity, int readerIndex, int writerIndex) {
    /** Bytes written but not yet read. */
    public int readable() {
        return writerIndex - readerIndex;
    }
}
