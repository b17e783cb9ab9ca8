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
 * connection reused; under its figures, the bytes each way.
 */
final class SqlCallShapes {
    private static final dev.roundtrip.text.Texts.Bundle T = DiagramScript.T;
    /** The height of a call's connection line, above its arrow. */
    private static final double CONNECTION_ROW = 40;
    /** The height of a call's bytes line, under its figures. */
    private static final double BYTES_ROW = 20;

    private SqlCallShapes() {}

    /** The line height of a statement's words (.sql-text, 16 px). */
    static final double LINE = 20;
    /** The advance of one character of .sql-text's monospace 16 px font (0.6 em in DejaVu Sans Mono, Consolas, Menlo). */
    static final double CHAR = 9.7;

    /** The height of these calls' rows in the process stage, their statements in lines of {@code lineChars}. */
    static double height(List<DiagramStep.SqlCall> calls, int lineChars) {
        double h = 0;
        for (DiagramStep.SqlCall c : calls) {
            h += SequenceDiagram.SQL_ROW + (c.wire() == null ? 0 : CONNECTION_ROW) + below(c) + (lines(c.statement(), lineChars).size() - 1) * LINE;
        }
        return h;
    }

    /** The height a call's bytes line adds under its figures (none without a wire). */
    static double below(DiagramStep.SqlCall c) {
        return c.wire() == null ? 0 : BYTES_ROW;
    }

    /** How many statement characters a line {@code width} units wide holds (at least 8). */
    static int charsIn(double width) {
        return Math.max(8, (int) Math.floor(width / CHAR));
    }

    /**
     * A statement in lines of at most {@code max} characters, broken between words (a word longer
     * than a line is broken inside): the whole statement is shown, never cut to "…".
     */
    static List<String> lines(String statement, int max) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : statement.trim().split("\\s+")) {
            while (word.length() > max) {
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                out.add(word.substring(0, max));
                word = word.substring(max);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0 || out.isEmpty()) out.add(line.toString());
        return out;
    }

    /** The statement's lines, the first baseline at {@code y} (the row puts the diagram's background behind them, where they cross the database lifeline). */
    static Text statement(double x, double y, List<String> lines, String whole) {
        Text t = SequenceDiagram.text(x, y, String.join("\n", lines), "sql-text", TextAlignment.LEFT);
        Tooltip.install(t, new Tooltip(whole));
        return t;
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
        return cy + CONNECTION_ROW;
    }

    /**
     * The bytes each way, under the figures of the call whose arrow is at {@code cy} (between the
     * arrows they would run into the database's activation when the lifelines are close).
     */
    static void bytes(Group g, DiagramStep.SqlCall c, double x, double cy) {
        DiagramStep.Wire w = c.wire();
        if (w == null) return;
        Text t = SequenceDiagram.text(x + 16, cy + 80, "→ " + Units.bytes(w.bytesOut()) + "  ← " + Units.bytes(w.bytesIn()),
                "figures", TextAlignment.LEFT);
        t.getStyleClass().add("db-bytes");
        Tooltip.install(t, new Tooltip(T.get("db.bytes.tip", Units.bytes(w.bytesOut()), Units.bytes(w.bytesIn()), w.roundTrips())));
        g.getChildren().add(t);
    }
}
