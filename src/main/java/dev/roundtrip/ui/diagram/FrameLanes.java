package dev.roundtrip.ui.diagram;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.FrameReadout;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * An HTTP/2 connection drawn as its frames, one row each in the order they crossed, on the diagram's
 * lifelines: client to server solid, server to client dashed, over both kernels. Each stream has a
 * colour and a lane at the left ("s3"), and its id is written on the arrow ("HEADERS s3"), so colour is
 * never the only sign; the exchange shown is outlined. Beside a frame that moved a flow-control window
 * stands what the sender may still send after it; under the last frame, every window as it is now.
 */
final class FrameLanes {
    static final double ROW = 66;
    /** The wrapped texts' font (legend, windows): set here, so a text is measured as it is drawn. */
    private static final Font NOTE = Font.font(Font.getDefault().getFamily(), 17);
    private static final Font NOTE_BOLD = Font.font(Font.getDefault().getFamily(), javafx.scene.text.FontWeight.BOLD, 17);

    /** One frame's row: its nodes, when it crossed, and whether it is the shown exchange's stream. */
    record Row(Group group, long tNanos, boolean own) {}

    private final SequenceDiagram d;
    private final ConnectionFrames c;
    private final java.text.NumberFormat number = java.text.NumberFormat.getIntegerInstance(dev.roundtrip.text.Texts.locale());

    FrameLanes(SequenceDiagram d, ConnectionFrames c) {
        this.d = d;
        this.c = c;
    }

    /** Draws the legend, the frames and the windows from {@code top}; returns where the next thing would go. */
    double draw(double top, List<Node> nodes, List<Row> rows) {
        double width = d.drawnWidth();
        String streams = c.streams().stream().map(s -> "s" + s).collect(Collectors.joining(", "));
        String side = DiagramScript.T.get("frames.side." + (c.seenBy() == Actor.CLIENT ? "client" : "server"));
        String legend = c.ownStream() > 0
                ? DiagramScript.T.get("frames.legend", String.valueOf(c.connectionId()), side, streams, String.valueOf(c.ownStream()))
                : DiagramScript.T.get("frames.legend.noStream", String.valueOf(c.connectionId()), side, streams);
        double y = note(nodes, top - 30, legend, "frames-legend", width - 16) + 40;
        int i = 0;
        for (ConnectionFrames.Arrow a : c.frames()) {
            Row r = row(a, y, i++);
            rows.add(r);
            nodes.add(r.group());
            y += ROW;
        }
        if (c.total() > c.frames().size()) {
            y = note(nodes, y - 20, DiagramScript.T.get("frames.more", c.total() - c.frames().size()), "frames-more", width - 16) + 30;
        }
        y = note(nodes, y - 10, DiagramScript.T.get("windows.title"), "windows-title", width - 16);
        y = note(nodes, y + 4, windowsLine(true, c.windows().client()), "windows-now", width - 16);
        y = note(nodes, y + 4, windowsLine(false, c.windows().server()), "windows-now", width - 16);
        return y + 40;
    }

    /** A wrapped text from {@code top} (its first baseline a line below); returns its bottom. */
    private static double note(List<Node> nodes, double top, String words, String styleClass, double wrap) {
        Text t = new Text(8, top, words);
        t.setFont(styleClass.equals("windows-title") ? NOTE_BOLD : NOTE);
        t.setWrappingWidth(wrap);
        t.setTextOrigin(javafx.geometry.VPos.TOP);
        t.getStyleClass().addAll(styleClass, "frames-note");
        t.setId(styleClass);
        // on the row's colour, not crossed by the dashed lifelines behind it
        Rectangle back = new Rectangle(4, top - 2, wrap + 8, t.getLayoutBounds().getHeight() + 4);
        back.getStyleClass().add("note-back");
        nodes.add(back);
        nodes.add(t);
        return top + t.getLayoutBounds().getHeight();
    }

    private Row row(ConnectionFrames.Arrow a, double y, int index) {
        FrameReadout f = a.frame();
        double width = d.drawnWidth();
        Group g = new Group();
        g.setId("frame-" + index);
        boolean own = c.own(a);
        g.getStyleClass().addAll("frame-row", "stream-c" + c.colour(f.streamId()));
        if (own) g.getStyleClass().add("own-stream");
        if (f.type().equals("RST_STREAM") || f.type().equals("GOAWAY")) g.getStyleClass().add("reset");
        Rectangle band = new Rectangle(4, y - 36, width - 8, ROW - 4); // title above the arrow, figures under it, inside
        band.setArcWidth(12);
        band.setArcHeight(12);
        band.getStyleClass().addAll("row-band", "stream-band");
        Text lane = SequenceDiagram.text(12, y + 6, "s" + f.streamId(), "lane", TextAlignment.LEFT);
        double xc = d.x(Actor.CLIENT);
        double xs = d.x(Actor.SERVER);
        double from = a.fromClient() ? xc + 9 : xs - 9;
        double to = a.fromClient() ? xs - 9 : xc + 9;
        Node arrow = SequenceDiagram.arrow(from, y, to, y, !a.fromClient(), "frame-arrow");
        g.getChildren().addAll(band, lane, arrow);
        for (Actor k : List.of(Actor.CLIENT_KERNEL, Actor.SERVER_KERNEL)) {
            Circle via = new Circle(d.x(k), y, 5);
            via.getStyleClass().add("via");
            g.getChildren().add(via);
        }
        double mid = (xc + xs) / 2;
        Text title = SequenceDiagram.text(mid, y - 10, title(f), "frame-title", TextAlignment.CENTER);
        title.setId("frame-title-" + index);
        String flags = f.flagNames();
        // the payload exact (what flow control counts), then the header every frame has
        String size = DiagramScript.T.get("frame.figures", number.format(f.length()));
        Text figures = SequenceDiagram.text(mid, y + 21, size + (flags.isEmpty() ? "" : " · " + flags), "figures", TextAlignment.CENTER);
        g.getChildren().addAll(title, figures);
        if (a.windows() != null) {
            Text w = new Text(xs + 18, y - 28, windowAfter(a));
            w.setFont(NOTE);
            w.setTextOrigin(javafx.geometry.VPos.TOP);
            w.setWrappingWidth(width - xs - 26);
            w.getStyleClass().add("window-text");
            w.setId("window-" + index);
            g.getChildren().add(w);
        }
        SequenceDiagram.backWords(g);
        g.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        g.setAccessibleText(title.getText() + ", " + figures.getText() + (a.windows() == null ? "" : ", " + windowAfter(a)));
        return new Row(g, a.tNanos(), own);
    }

    /** "HEADERS s3", "RST_STREAM s5 CANCEL", "WINDOW_UPDATE s0 +32,768", "SETTINGS s0 ACK": the stream id on every arrow. */
    String title(FrameReadout f) {
        String t = f.type() + " s" + f.streamId();
        if (f.errorCode() != null) return t + " " + f.errorCode();
        if (f.windowIncrement() != null) return t + " +" + number.format(f.windowIncrement());
        if ((f.type().equals("SETTINGS") || f.type().equals("PING")) && (f.flags() & 1) != 0) return t + " ACK";
        return t;
    }

    /** The window a frame moved: DATA takes from its sender's, WINDOW_UPDATE and SETTINGS give to the receiver's peer. */
    String windowAfter(ConnectionFrames.Arrow a) {
        FrameReadout f = a.frame();
        boolean client = f.type().equals("DATA") == a.fromClient();
        FlowWindows.Side side = a.windows().of(client);
        String who = DiagramScript.T.get(client ? "windows.client" : "windows.server");
        if (f.type().equals("SETTINGS")) return windowsLine(client, side);
        Long stream = side.streams().get(f.streamId());
        if (f.streamId() == 0 || stream == null) return DiagramScript.T.get("window.afterConnection", who, number.format(side.connection()));
        return DiagramScript.T.get("window.after", who, number.format(side.connection()), String.valueOf(f.streamId()), number.format(stream));
    }

    private String windowsLine(boolean client, FlowWindows.Side side) {
        StringBuilder streams = new StringBuilder();
        for (Map.Entry<Integer, Long> e : side.streams().entrySet()) {
            streams.append(" · s").append(e.getKey()).append(' ').append(number.format(e.getValue()));
        }
        return DiagramScript.T.get("windows.line", DiagramScript.T.get(client ? "windows.client" : "windows.server"),
                number.format(side.connection()), streams.toString());
    }
}
