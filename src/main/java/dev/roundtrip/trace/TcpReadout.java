package dev.roundtrip.trace;

/**
 * The kernel's TCP state of one connection ({@code TCP_INFO}, Linux). A field is {@code null} when it
 * could not be read; {@code unavailable} then says why (a {@link Unavailable} code, a colon, an explanation).
 *
 * @param state the TCP state, e.g. {@code ESTABLISHED}
 * @param rttMicros smoothed round-trip time the kernel measured, µs
 * @param rttVarMicros its variation, µs
 * @param congestionWindow the congestion window, in segments
 * @param mss the maximum segment size this side sends, bytes
 * @param retransmits segments retransmitted over the connection's life
 * @param unacked segments sent and not yet acknowledged
 */
public record TcpReadout(String state, Long rttMicros, Long rttVarMicros, Long congestionWindow, Long mss,
                         Long retransmits, Long unacked, String unavailable) {
    public static TcpReadout unavailable(Unavailable why, String explanation) {
        return new TcpReadout(null, null, null, null, null, null, null, why.text(explanation));
    }

    public boolean available() {
        return unavailable == null;
    }
}
