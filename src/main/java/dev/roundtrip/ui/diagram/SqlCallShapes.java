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
        String said = w.opened()
                ? "connect #" + w.connection() + " · " + Units.duration(w.connectNanos()) // i18n
                : "connection #" + w.connection() + " reused"; // i18n
        Text t = SequenceDiagram.text(x + 16, cy - 12, said, "figures", TextAlignment.LEFT);
        t.getStyleClass().add("db-connection");
        Tooltip.install(t, new Tooltip(w.opened()
                ? "The pool opened database connection #" + w.connection() + " for this call: TCP connect and H2 session" // i18n
                : "Database connection #" + w.connection() + " was open already: its " + ordinal(w.use()) + " call")); // i18n
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
        Tooltip.install(t, new Tooltip(Units.bytes(w.bytesOut()) + " to the database, " + Units.bytes(w.bytesIn()) // i18n
                + " back, in " + Units.count(w.roundTrips(), "round trip") + " of H2's protocol")); // i18n
        g.getChildren().add(t);
    }

    private static String ordinal(int n) {
        int tens = n % 100;
        if (tens >= 11 && tens <= 13) return n + "th";
        switch (n % 10) {
            case 1: return n + "st";
            case 2: return n + "nd";
            case 3: return n + "rd";
            default: return n + "th";
        }
    }
}
