package dev.roundtrip.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.text.Text;

/**
 * What a class at the back of the room would call broken, found in a scene graph: a node whose bounds
 * leave the window, a label drawn shorter than its text ("…"), a toolbar that overflows into "»", and
 * diagram text smaller than {@link #MIN_DIAGRAM_FONT} pixels on screen. Each problem names the node.
 * Run on the FX thread after a layout pass.
 */
public final class LayoutCheck {
    /** The smallest diagram text a projector shows readably, in screen pixels. */
    public static final double MIN_DIAGRAM_FONT = 14;
    private static final double SLACK = 0.5;

    private final List<String> problems = new ArrayList<>();
    private final double width;
    private final double height;

    private LayoutCheck(Scene scene) {
        width = scene.getWidth();
        height = scene.getHeight();
    }

    /** Every problem in the scene's window, once it has settled; empty when it reads well. */
    public static List<String> problems(Scene scene) {
        settle(scene.getRoot());
        LayoutCheck c = new LayoutCheck(scene);
        c.visit(scene.getRoot(), true, false);
        return c.problems;
    }

    /**
     * CSS and layout as the next pulses would run them, which a loaded machine may not have run yet: a layout pass
     * adds nodes (a list's new cells, a dump's lines for a new row length) that get their CSS and skins only on the
     * pass after it, and may change what the next layout chooses. Call on the FX thread.
     */
    public static void settle(Parent root) {
        for (int i = 0; i < 4; i++) {
            root.applyCss();
            root.layout();
        }
    }

    /**
     * The nodes of {@code found} a user can see: in a scene and shown with all their parents. A list keeps
     * spare cells (hidden, perhaps never skinned) that a lookup finds too. Call on the FX thread.
     */
    public static List<Node> shownOnly(java.util.Collection<Node> found) {
        return found.stream().filter(LayoutCheck::shownWithItsParents).toList();
    }

    private static boolean shownWithItsParents(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return n.getScene() != null;
    }

    /** The smallest font, in screen pixels, of the text drawn inside {@code diagram} (icons are not text), once settled. */
    public static double smallestFont(Node diagram) {
        if (diagram.getScene() != null) settle(diagram.getScene().getRoot());
        double[] min = {Double.MAX_VALUE};
        walk(diagram, n -> {
            if (n instanceof Text && !isIcon(n) && !((Text) n).getText().isEmpty()) {
                double s = ((Text) n).getFont().getSize() * onScreenScale(n);
                min[0] = Math.min(min[0], s);
            }
        });
        return min[0];
    }

    /** The text a Labeled actually draws (its skin's text node): differs from getText() when cut to "…". */
    public static String shownText(Labeled l) {
        String s = drawnText(l);
        return s == null ? "" : s;
    }

    private static String drawnText(Labeled l) {
        for (Node n : l.getChildrenUnmodifiable()) {
            if (n instanceof Text && !isIcon(n)) return ((Text) n).getText();
        }
        return null;
    }

    private void visit(Node n, boolean checkBounds, boolean inDiagram) {
        if (!n.isVisible() || n.getOpacity() == 0) return;
        String name = describe(n);
        if (checkBounds && n.getParent() != null) checkInside(n, name);
        if (n instanceof Labeled) checkText((Labeled) n, name);
        if (n instanceof ToolBar && ((ToolBar) n).lookup(".tool-bar-overflow-button") != null
                && ((ToolBar) n).lookup(".tool-bar-overflow-button").isVisible()) {
            problems.add(name + ": overflows into »");
        }
        boolean diagram = inDiagram || n.getStyleClass().contains("sequence-diagram") || n.getStyleClass().contains("queue-diagram");
        if (diagram && n instanceof Text && !isIcon(n) && !((Text) n).getText().isEmpty() && onScreen(n)) {
            double px = ((Text) n).getFont().getSize() * onScreenScale(n);
            if (px < MIN_DIAGRAM_FONT - 0.05) problems.add(name + " \"" + ((Text) n).getText() + "\": " + round(px) + " px font");
        }
        // a node that clips (the diagram, a scroll pane, a table's rows) keeps its inside in its own bounds
        boolean clips = n.getClip() != null || n instanceof ScrollPane || n.getStyleClass().contains("clipped-container");
        if (n instanceof Parent) {
            for (Node c : ((Parent) n).getChildrenUnmodifiable()) visit(c, checkBounds && !clips, diagram);
        }
    }

    private void checkInside(Node n, String name) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        if (b.getWidth() <= 0 || b.getHeight() <= 0) return;
        if (b.getMinX() < -SLACK || b.getMinY() < -SLACK || b.getMaxX() > width + SLACK || b.getMaxY() > height + SLACK) {
            problems.add(name + " leaves the " + (int) width + "x" + (int) height + " window: x " + round(b.getMinX()) + ".."
                    + round(b.getMaxX()) + ", y " + round(b.getMinY()) + ".." + round(b.getMaxY()));
        }
    }

    private void checkText(Labeled l, String name) {
        String text = l.getText();
        if (text == null || text.isEmpty() || l.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY) return;
        String shown = drawnText(l);
        if (shown == null) return; // drawn by a Labeled inside it (a menu button's label), checked there
        if (l.isMnemonicParsing()) text = text.replaceFirst("_(?=.)", "");
        if (!shown.equals(text) && !(l.isWrapText() && shown.replaceAll("\\s+", " ").equals(text.replaceAll("\\s+", " ")))) {
            problems.add(name + " shows \"" + shown + "\" instead of \"" + text + "\"");
        }
    }

    private boolean onScreen(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getClip() != null) {
                Bounds clip = p.localToScene(p.getClip().getBoundsInParent());
                if (!clip.intersects(b)) return false;
            }
        }
        return b.intersects(0, 0, width, height);
    }

    private static double onScreenScale(Node n) {
        return n.getLocalToSceneTransform().deltaTransform(0, 1).magnitude();
    }

    private static boolean isIcon(Node n) {
        return n.getClass().getSimpleName().contains("FontIcon");
    }

    private static void walk(Node n, java.util.function.Consumer<Node> f) {
        f.accept(n);
        if (n instanceof Parent) for (Node c : ((Parent) n).getChildrenUnmodifiable()) walk(c, f);
    }

    private static String describe(Node n) {
        StringBuilder path = new StringBuilder();
        for (Node p = n; p != null && path.length() < 160; p = p.getParent()) {
            String part = p.getId() != null ? "#" + p.getId() : p.getClass().getSimpleName();
            path.insert(0, path.length() == 0 ? part : part + " > ");
            if (p.getId() != null && p != n) break;
        }
        if (n instanceof Labeled && ((Labeled) n).getText() != null && !((Labeled) n).getText().isEmpty()) {
            path.append(" '").append(((Labeled) n).getText()).append('\'');
        }
        return path.toString();
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
