package dev.roundtrip.ui.diagram;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.FrameReadout;
import dev.roundtrip.trace.StageEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Every HTTP/2 frame of one connection in the order it crossed, whichever exchange (stream) it was
 * recorded on, with the flow-control windows after it: what the diagram draws when an h2 exchange's
 * connection is shown whole. Frames are taken as one side saw them (the client's when it is ours, else
 * the server's), so each frame is drawn once.
 *
 * @param ownStream the stream of the exchange shown (the one highlighted); 0 when it has none yet
 * @param streams the streams seen on the connection, ascending (0, the connection itself, not among them)
 * @param seenBy whose view the frames are: {@link Actor#CLIENT} or {@link Actor#SERVER}
 * @param frames in time order, at most {@link #MAX_DRAWN}
 * @param total how many frames crossed (more than {@code frames.size()} when not all are drawn)
 * @param windows the windows after the last frame
 */
public record ConnectionFrames(long connectionId, int ownStream, List<Integer> streams, Actor seenBy, List<Arrow> frames,
                               int total, FlowWindows.Windows windows) {
    /** A connection's frames drawn at most: a long download's DATA frames beyond these are counted, not drawn. */
    static final int MAX_DRAWN = 300;

    public ConnectionFrames {
        streams = List.copyOf(streams);
        frames = List.copyOf(frames);
    }

    /**
     * One frame as an arrow.
     *
     * @param exchangeId the exchange it was recorded on
     * @param windows the windows after it, when it changed one (DATA, WINDOW_UPDATE, SETTINGS with INITIAL_WINDOW_SIZE); else null
     */
    public record Arrow(long tNanos, boolean fromClient, FrameReadout frame, long exchangeId, FlowWindows.Windows windows) {}

    /** The frames of {@code x}'s connection found in {@code all}; null when {@code x} has no HTTP/2 frame (not an h2 exchange). */
    static ConnectionFrames of(Exchange x, List<Exchange> all) {
        if (x.events().stream().noneMatch(e -> e.frame() != null)) return null;
        long connection = x.events().stream().filter(e -> e.frame() != null).findFirst().orElseThrow().connectionId();
        List<StageEvent> seen = new ArrayList<>();
        boolean client = false;
        for (Exchange other : all.contains(x) ? all : withX(all, x)) {
            for (StageEvent e : other.events()) {
                if (e.frame() == null || e.connectionId() != connection) continue;
                seen.add(e);
                client |= e.actor() == Actor.CLIENT;
            }
        }
        Actor side = client ? Actor.CLIENT : Actor.SERVER;
        seen.removeIf(e -> e.actor() != side);
        seen.sort(Comparator.comparingLong(StageEvent::tNanos)); // stable: one read's frames keep their order
        FlowWindows flow = new FlowWindows();
        List<Arrow> arrows = new ArrayList<>();
        TreeSet<Integer> streams = new TreeSet<>();
        for (StageEvent e : seen) {
            FrameReadout f = e.frame();
            boolean fromClient = fromClient(e);
            flow.apply(fromClient, f);
            if (f.streamId() > 0) streams.add(f.streamId());
            if (arrows.size() < MAX_DRAWN) {
                arrows.add(new Arrow(e.tNanos(), fromClient, f, e.exchangeId(), changesWindows(f) ? flow.now() : null));
            }
        }
        return new ConnectionFrames(connection, streamOf(x), new ArrayList<>(streams), side, arrows, seen.size(), flow.now());
    }

    private static List<Exchange> withX(List<Exchange> all, Exchange x) {
        List<Exchange> l = new ArrayList<>(all);
        l.add(x);
        return l;
    }

    /** The stream an exchange is: the first stream frame recorded on it (0 before its HEADERS went). */
    static int streamOf(Exchange x) {
        for (StageEvent e : x.events()) {
            if (e.frame() != null && !e.frame().connectionLevel()) return e.frame().streamId();
        }
        return 0;
    }

    /** Its direction; a recording from before the readout kept it says so in the event's words. */
    static boolean fromClient(StageEvent e) {
        if (e.frame().fromClient() != null) return e.frame().fromClient();
        boolean sent = e.detail() != null && e.detail().startsWith("frame sent");
        return sent == (e.actor() == Actor.CLIENT);
    }

    private static boolean changesWindows(FrameReadout f) {
        return f.type().equals("DATA") || (f.type().equals("WINDOW_UPDATE") && f.windowIncrement() != null) || f.initialWindowSize() != null;
    }

    /** Whether the exchange shown is the one this frame belongs to. */
    boolean own(Arrow a) {
        return ownStream != 0 && a.frame().streamId() == ownStream;
    }

    /** The colour a stream's frames take: 0 for the connection's, 1.. by the stream's place among {@link #streams}, cycling. */
    int colour(int streamId) {
        if (streamId == 0) return 0;
        int i = streams.indexOf(streamId);
        return i < 0 ? 0 : 1 + i % COLOURS;
    }

    static final int COLOURS = 6;
}
