package dev.roundtrip.ui.diagram;

import dev.roundtrip.trace.FrameReadout;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/2 flow control (RFC 9113 6.9) worked out from the frames that crossed one connection, in the
 * order they crossed: how many bytes of DATA each side may still send, on the connection and on each
 * stream. A window starts at 65,535 (a stream's at the receiver's SETTINGS_INITIAL_WINDOW_SIZE), every
 * DATA frame's length (padding included) takes from it, a WINDOW_UPDATE from the receiver gives back its
 * increment. A new INITIAL_WINDOW_SIZE moves the windows of the streams already open by the difference.
 * Nothing is estimated: a window no frame told of is not listed.
 */
public final class FlowWindows {
    /** Every window's start (RFC 9113 6.9.2); the connection's never changes with SETTINGS. */
    public static final long INITIAL = 65_535;

    /** What one side may still send: on the connection, and per stream (by id, ascending). */
    public record Side(long connection, Map<Integer, Long> streams) {
        public Side {
            streams = java.util.Collections.unmodifiableMap(new TreeMap<>(streams));
        }
    }

    /** Both sides' windows at one moment. */
    public record Windows(Side client, Side server) {
        public Side of(boolean client) {
            return client ? this.client : this.server;
        }
    }

    /** One sender's windows: its connection window, its streams', and the initial window its peer set for new streams. */
    private static final class Sender {
        long connection = INITIAL;
        long initial = INITIAL;
        final Map<Integer, Long> streams = new TreeMap<>();

        void open(int stream) {
            streams.putIfAbsent(stream, initial);
        }

        Side side() {
            return new Side(connection, streams);
        }
    }

    private final Sender client = new Sender();
    private final Sender server = new Sender();

    /** One frame that crossed, {@code fromClient} true for client to server. */
    void apply(boolean fromClient, FrameReadout f) {
        Sender sender = fromClient ? client : server;
        Sender peer = fromClient ? server : client;
        int stream = f.streamId();
        switch (f.type()) {
            case "HEADERS":
                if (stream > 0) {
                    sender.open(stream);
                    peer.open(stream);
                }
                break;
            case "DATA":
                sender.open(stream);
                peer.open(stream);
                sender.connection -= f.length();
                sender.streams.merge(stream, (long) -f.length(), Long::sum);
                break;
            case "WINDOW_UPDATE":
                // the receiver gives its peer room to send more
                if (f.windowIncrement() == null) break;
                if (stream == 0) peer.connection += f.windowIncrement();
                else {
                    peer.open(stream);
                    peer.streams.merge(stream, f.windowIncrement(), Long::sum);
                }
                break;
            case "SETTINGS":
                // the sender of SETTINGS says how much its peer may send on each stream
                Long initial = f.initialWindowSize();
                if (initial == null) break;
                long delta = initial - peer.initial;
                peer.initial = initial;
                peer.streams.replaceAll((id, w) -> w + delta);
                break;
            default:
        }
    }

    Windows now() {
        return new Windows(client.side(), server.side());
    }
}
