package dev.roundtrip.ui.diagram;

import dev.roundtrip.text.Units;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * What an SQL call that crossed the database socket adds to its row of the process stage: above the
 * call, the pool's new connection (a dashed arrow: connect and H2 session, with its time) or the
 * connection reused; between call and return, the bytes each way.
 */
final class SqlCallShapes {
    private static final dev.roundtrip.text.Texts.Bundle T = DiagramScript.T;
    /** The extra height of a call with a {@link DiagramStep.Wire}: its connection line. */
    static final double WIRE_ROW = 40;

    private SqlCallShapes() {}

    /** The height of these calls' rows in the process stage. */
    static double height(List<DiagramStep.SqlCall> calls) {
        double h = 0;
        for (DiagramStep.SqlCall c : calls) h += SequenceDiagram.SQL_ROW + (c.wire() == null ? 0 : WIRE_ROW);
        return h;
    }

    /**
     * Draws the connection line of {@code c} at {@code cy} (between the server at {@code x} and the
     * database at {@code xd}); returns where the call's own arrow goes.
     */
    static double connection(Group g, DiagramStep.SqlCall c, double x, double xd, double cy, List<Point2D> path) {
        DiagramStep.Wire w = c.wire();
        if (w == null) return cy;
        String n = String.valueOf(w.connection());
        String said = w.opened() ? T.get("db.connect", n, Units.duration(w.connectNanos())) : T.get("db.reused", n);
        Text t = SequenceDiagram.text(x + 16, cy - 12, said, "figures", TextAlignment.LEFT);
        t.getStyleClass().add("db-connection");
        Tooltip.install(t, new Tooltip(w.opened() ? T.get("db.connect.tip", n) : T.get("db.reused.tip", n, String.valueOf(w.use()))));
        g.getChildren().add(t);
        if (w.opened()) {
            g.getChildren().add(SequenceDiagram.arrow(x + 9, cy + 2, xd - 9, cy + 2, true, "db-connect"));
            path.add(new Point2D(x, cy + 2));
            path.add(new Point2D(xd, cy + 2));
            path.add(new Point2D(x, cy + 2));
        }
        return cy + WIRE_ROW;
    }

    /** The bytes each way, between the call's arrow at {@code cy} and its return. */
    static void bytes(Group g, DiagramStep.SqlCall c, double x, double cy) {
        DiagramStep.Wire w = c.wire();
        if (w == null) return;
        Text t = SequenceDiagram.text(x + 16, cy + 26, "→ " + Units.bytes(w.bytesOut()) + "  ← " + Units.bytes(w.bytesIn()),
                "figures", TextAlignment.LEFT);
        t.getStyleClass().add("db-bytes");
        Tooltip.install(t, new Tooltip(T.get("db.bytes.tip", Units.bytes(w.bytesOut()), Units.bytes(w.bytesIn()), w.roundTrips())));
        g.getChildren().add(t);
    }
}
