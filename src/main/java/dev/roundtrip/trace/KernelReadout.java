package dev.roundtrip.trace;

/**
 * This connection's socket as the kernel sees it. A field is {@code null} when it could not be
 * measured; {@code unavailable} then says why. Never a made-up zero.
 *
 * @param rxQueue bytes received by the kernel and not yet read by the application
 * @param txQueue bytes written by the application and not yet acknowledged by the peer
 * @param rcvBuf SO_RCVBUF
 * @param sndBuf SO_SNDBUF
 * @param unavailable why the queues could not be read, or null when they were: a {@link Unavailable}
 *     code, a colon and an explanation ({@code "closed: the socket is not connected"})
 */
public record KernelReadout(Long rxQueue, Long txQueue, Integer rcvBuf, Integer sndBuf, String unavailable) {
    public static KernelReadout unavailable(String why, Integer rcvBuf, Integer sndBuf) {
        return new KernelReadout(null, null, rcvBuf, sndBuf, why);
    }

    /** Missing queues, and why ({@code why.text(explanation)}). */
    public static KernelReadout unavailable(Unavailable why, String explanation, Integer rcvBuf, Integer sndBuf) {
        return new KernelReadout(null, null, rcvBuf, sndBuf, why.text(explanation));
    }

    /** Why the queues are missing, when the text says it by its code (older recordings do not). */
    public java.util.Optional<Unavailable> reason() {
        return Unavailable.of(unavailable);
    }

    public boolean queuesAvailable() {
        return rxQueue != null && txQueue != null;
    }
}
