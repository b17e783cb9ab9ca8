package dev.roundtrip.ui.diagram;

import dev.roundtrip.text.Units;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.access.Announcer;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Scale;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The sequence diagram: five lifelines (a captured exchange's six share the same width), one row per
 * stage, the real figures on every arrow, a token travelling along the stage being animated. It draws a {@link DiagramScript} and a position.
 *
 * <p>Its scale depends on its space and the zoom only, never on the exchange drawn: an exchange keeps
 * one scale from its first event to its last, and every exchange is drawn alike. The scale never goes
 * below what keeps the smallest text {@link #MIN_FONT_PX} pixels high at 100 % zoom; what does not fit
 * then scrolls (the wheel, or the view follows the token) under a header that keeps the exchange's
 * title and the lifeline names on screen.
 */
public final class SequenceDiagram extends Region {
    static final double COL = 180;
    static final double LEFT = 100;
    /** Where the lifeline heads stand under a one-line banner; a banner that wraps moves them (and all below) down. */
    static final double HEAD_Y = 50;
    static final double HEAD_H = 46;
    static final double FIRST_ROW = HEAD_Y + HEAD_H + 50;
    /** The banner's top and its one-line height (the 22 px title, the 18 px outcome badge with its 24 px icon). */
    static final double BANNER_Y = 6, BANNER_LINE = 36;
    /** The diagram's width when its space allows (lifelines {@link #COL} apart). */
    static final double WIDTH = LEFT * 2 + COL * 4;
    /**
     * The narrowest it draws itself: a 1024-pixel projector leaves the diagram about 650 pixels, so
     * there the lifelines move closer (135 apart) and the diagram fits the width at readable text
     * instead of panning sideways.
     */
    static final double NARROW_WIDTH = 740;
    static final double ROW = 80;
    static final double SQL_ROW = 76;
    /** The height of a typical whole exchange (five stages, one SQL call): what the scale fits to. */
    static final double REFERENCE_HEIGHT = FIRST_ROW + 4 * ROW + processHeight(1, false) + 30;
    /** The smallest text on screen at 100 % zoom, in pixels (what a projector's back row still reads). */
    public static final double MIN_FONT_PX = 14;
    /** The smallest font in SequenceDiagram.css, in diagram units (.stage-name, .figures, .sql-text). */
    static final double SMALLEST_FONT = 16;
    static final double MIN_SCALE = MIN_FONT_PX / SMALLEST_FONT;
    /** The narrowest space, in pixels, the diagram fits at readable text (about 650). */
    public static final double NARROW_PIXELS = NARROW_WIDTH * MIN_SCALE;

    private final Group content = new Group();
    private final Group rows = new Group();
    /** Banner and lifeline heads: drawn over the rows, they stay at the top when the rows scroll. */
    private final Group header = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Scale headerScale = new Scale(1, 1, 0, 0);
    /** How far the wheel moved the view from where it follows the token, in pixels; reset by the next step. */
    private double wheelX;
    private double wheelY;
    /** The held exchange's gate and words, drawn after the last row (null when nothing is held). */
    private Node held;
    private final Circle token = new Circle(11);
    private final Rectangle clip = new Rectangle();
    private final List<Row> drawn = new ArrayList<>();
    private DiagramScript script = DiagramScript.EMPTY;
    private double height = FIRST_ROW + 100;
    /** How far the banner's wrapped lines push the heads and rows down (0: it is one line). */
    private double bannerExtra;
    /** The heads' height: {@link #HEAD_H}, or taller where a wrapped name takes a third line (six heads in a narrow space). */
    private double headH = HEAD_H;
    private javafx.scene.layout.Region bannerBox;
    /** Whether an HTTP/2 exchange is shown as its connection's frames (the banner's toggle) rather than its stages. */
    private final javafx.beans.property.BooleanProperty framesShown = new javafx.beans.property.SimpleBooleanProperty(false);
    private final List<FrameLanes.Row> frameRows = new ArrayList<>();
    /** The width drawn in, from {@link #NARROW_WIDTH} to {@link #WIDTH}: what the space holds at readable text. */
    private double width = WIDTH;
    private double zoom = 1;
    private int currentStep = -1;
    private double progress;
    private final java.util.Map<Actor, List<Node>> lifelineNodes = new java.util.EnumMap<>(Actor.class);
    private java.util.Set<Actor> focusLifelines = java.util.Set.of();
    private java.util.Set<Stage> focusStages = java.util.Set.of();

    /** One drawn stage: its nodes, the path the token follows and its band's top and bottom (a focus glow drawn round it is not its extent). */
    private record Row(Group group, List<Point2D> path, DiagramStep step, double top, double bottom) {}

    /** The diagram's looks travel with it: main window, comparison and exported pictures alike. */
    public static final String STYLESHEET = SequenceDiagram.class.getResource("SequenceDiagram.css").toExternalForm();

    private final javafx.beans.InvalidationListener relabel = o -> {
        draw();
        setPosition(currentStep, progress);
    };

    public SequenceDiagram() {
        setId("diagram");
        getStyleClass().add("sequence-diagram");
        getStylesheets().add(STYLESHEET);
        token.setId("token");
        token.getStyleClass().add("token");
        token.setVisible(false);
        content.getTransforms().add(scale);
        content.getChildren().addAll(rows, token);
        headerScale.xProperty().bind(scale.xProperty());
        headerScale.yProperty().bind(scale.yProperty());
        header.getTransforms().add(headerScale);
        getChildren().addAll(content, header);
        // the diagram's own words follow the language (the script's are made again by the window's model)
        dev.roundtrip.ui.util.Language.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        setClip(clip);
        setMinSize(200, 150);
        speakable();
        framesShown.addListener(o -> {
            wheelY = 0;
            draw();
            setPosition(currentStep, progress);
        });
        setOnScroll(e -> {
            // Shift + wheel, or a sideways swipe, moves across
            boolean across = e.getDeltaX() != 0 || e.isShiftDown();
            if (across) wheelX += e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            else wheelY += e.getDeltaY();
            requestLayout();
        });
        draw();
    }

    /** A finished exchange shown whole: every step drawn and done, none highlighted as current (null: empty). */
    public void showWhole(dev.roundtrip.trace.Exchange x) {
        DiagramScript s = x == null ? DiagramScript.EMPTY : DiagramScript.of(x);
        setScript(s);
        setPosition(s.steps().size(), 1);
    }

    public void setScript(DiagramScript s) {
        if (s.equals(script)) return;
        script = s;
        draw();
        setPosition(currentStep, progress);
    }

    public DiagramScript script() {
        return script;
    }

    /**
     * True: an HTTP/2 exchange is drawn as every frame of its connection in time order (its own stream
     * outlined, the flow-control windows beside), not as its stages. The banner's toggle sets it; it
     * stays as chosen from one exchange to the next, and an exchange without frames shows its stages.
     */
    public javafx.beans.property.BooleanProperty framesShownProperty() {
        return framesShown;
    }

    /** Whether the frames are what is drawn now. */
    public boolean showingFrames() {
        return framesShown.get() && script.connection() != null;
    }

    double headY() {
        return HEAD_Y + bannerExtra;
    }

    double headerBottom() {
        return headY() + headH + 8;
    }

    double firstRow() {
        return FIRST_ROW + bannerExtra + headH - HEAD_H;
    }

    public void setZoom(double z) {
        zoom = z;
        requestLayout();
    }

    /** The factor from diagram units to screen pixels: the fit to the space (never below readable) times the zoom. */
    public double scaleFactor() {
        return scale.getX();
    }

    /** Where the animation stands: {@code progress} 0..1 along step {@code step}; steps after it are dimmed. */
    public void setPosition(int step, double progress) {
        if (step != currentStep) {
            wheelX = 0;
            wheelY = 0;
        }
        this.currentStep = step;
        this.progress = progress;
        for (int i = 0; i < drawn.size(); i++) {
            Group g = drawn.get(i).group();
            set(g, "current", i == step);
            set(g, "future", i > step);
            set(g, "past", i < step || (i == step && progress >= 1));
        }
        positionFrames(step);
        if (step >= 0 && step < drawn.size()) {
            Point2D p = along(drawn.get(step).path(), progress);
            token.setCenterX(p.getX());
            token.setCenterY(p.getY());
            token.setVisible(true);
            set(token, "error", drawn.get(step).step().failed());
        } else {
            token.setVisible(false);
        }
        announcer.say(DiagramSpeech.current(script, step));
        requestLayout();
    }

    public int currentStep() {
        return currentStep;
    }

    /**
     * The frames view follows the animation too: the frames of this exchange's stage being shown are
     * current, those after its end are still to come (dimmed), the others' frames by the same clock.
     */
    private void positionFrames(int step) {
        if (frameRows.isEmpty()) return;
        List<DiagramStep> steps = script.steps();
        long from = Long.MIN_VALUE;
        long until = Long.MAX_VALUE;
        if (step >= 0 && step < steps.size()) {
            DiagramStep s = steps.get(step);
            from = s.beginNanos();
            until = s.ended() ? s.endNanos() : Long.MAX_VALUE;
        } else if (step < 0) {
            until = Long.MIN_VALUE;
        }
        for (FrameLanes.Row r : frameRows) {
            boolean current = step >= 0 && step < steps.size() && r.own() && r.tNanos() >= from && r.tNanos() <= until;
            set(r.group(), "current", current);
            set(r.group(), "future", r.tNanos() > until);
        }
    }

    /** What a lesson points at: these lifelines and stage rows glow (style class "focused") until changed. */
    public void setFocus(java.util.Set<Actor> lifelines, java.util.Set<Stage> stages) {
        focusLifelines = java.util.Set.copyOf(lifelines);
        focusStages = java.util.Set.copyOf(stages);
        applyFocus();
        // a finished exchange scrolls to the row pointed at
        wheelY = 0;
        requestLayout();
    }

    private void applyFocus() {
        lifelineNodes.forEach((a, nodes) -> nodes.forEach(n -> set(n, "focused", focusLifelines.contains(a))));
        for (Row r : drawn) set(r.group(), "focused", focusStages.contains(r.step().stage()));
    }

    static void set(Node n, String styleClass, boolean on) {
        if (on) {
            if (!n.getStyleClass().contains(styleClass)) n.getStyleClass().add(styleClass);
        } else {
            n.getStyleClass().remove(styleClass);
        }
    }

    /** Where a lifeline stands: the script's lifelines share the diagram's width, so every exchange keeps one scale. */
    double x(Actor a) {
        return LEFT + script.lifelines().indexOf(a) * col();
    }

    /** The distance between two lifelines: {@link #COL} for the engine's five. */
    private double col() {
        return (width - 2 * LEFT) / (script.lifelines().size() - 1);
    }

    /**
     * The width to draw in for a space {@code space} pixels wide: all of {@link #WIDTH} when it fits at
     * the readable scale, else as much as fits (in steps of 10, so a resize redraws seldom), never
     * below {@link #NARROW_WIDTH}. The space alone decides it, never the exchange: one layout for all.
     */
    static double widthFor(double space, Fit fit) {
        if (fit == Fit.THIS_EXCHANGE) return WIDTH;
        double fits = Math.floor(space / MIN_SCALE / 10) * 10;
        return Math.max(NARROW_WIDTH, Math.min(WIDTH, fits));
    }

    /** The width the diagram draws in now (diagram units). */
    public double drawnWidth() {
        return width;
    }

    /** A lifeline's name; in a captured exchange the client and server are Roundtrip's two sides. */
    static String name(Actor a, boolean captured) {
        boolean side = captured && (a == Actor.CLIENT || a == Actor.SERVER);
        return DiagramScript.T.get("lifeline." + a.name() + (side ? ".captured" : ""));
    }

    /** Whether {@code name} in the heads' bold 17 px fits one line of {@code width} with its 20 px icon and gap. */
    private static boolean fitsBesideIcon(String name, double width) {
        Text t = nameText(name, NAME_FONT);
        return t.getLayoutBounds().getWidth() + 20 + 8 + 16 <= width;
    }

    /** .lifeline-name's font size, and a six-head name's (.lifeline-name.six-heads: the diagram's smallest, still readable). */
    static final double NAME_FONT = 17, SIX_HEADS_NAME_FONT = SMALLEST_FONT;
    /** The padding left and right of a name (.lifeline-name, .lifeline-name.six-heads). */
    private static final double NAME_PADDING = 6, SIX_HEADS_NAME_PADDING = 2;

    /** A name as .lifeline-name draws it (bold). */
    private static Text nameText(String name, double size) {
        Text t = new Text(name);
        t.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), javafx.scene.text.FontWeight.BOLD, size));
        return t;
    }

    /** Six heads share the width of five: narrower gaps between them leave their names more room. */
    private double headWidth() {
        return col() - (script.captured() ? 6 : 14);
    }

    /**
     * Six heads' names wrap and leave out the icon; so does a name too long for one line beside its icon
     * (German, French, Spanish words are longer).
     */
    private boolean wraps(Actor a, double w) {
        return script.captured() || !fitsBesideIcon(name(a, false), w);
    }

    /**
     * A wrapped name breaks after its hyphen ("Client-" / "Kernel"): JavaFX wraps at spaces only, and would cut
     * inside the word ("Client-Kern" / "el"); what a screen reader says is set apart (speak).
     */
    private String wrappedName(Actor a) {
        return name(a, script.captured()).replace("-", "-\n");
    }

    /** {@link #HEAD_H}, or what the tallest wrapped name needs (its lines within the label's padding, 5 above and below). */
    private double headHeight() {
        double w = headWidth();
        boolean six = script.captured();
        double tallest = 0;
        for (Actor a : script.lifelines()) {
            if (!wraps(a, w)) continue;
            Text t = nameText(wrappedName(a), six ? SIX_HEADS_NAME_FONT : NAME_FONT);
            t.setWrappingWidth(w - 2 * (six ? SIX_HEADS_NAME_PADDING : NAME_PADDING));
            tallest = Math.max(tallest, t.getLayoutBounds().getHeight());
        }
        return Math.max(HEAD_H, Math.ceil(tallest + 10));
    }

    private void draw() {
        rows.getChildren().clear();
        header.getChildren().clear();
        drawn.clear();
        frameRows.clear();
        bannerBox = script.isEmpty() ? null : banner();
        bannerExtra = bannerBox == null ? 0 : Math.max(0, bannerHeight(bannerBox) - BANNER_LINE);
        headH = headHeight();
        double y = firstRow();
        List<Node> rowNodes = new ArrayList<>();
        if (showingFrames()) {
            FrameLanes lanes = new FrameLanes(this, script.connection());
            y = lanes.draw(y, rowNodes, frameRows);
        } else {
            for (DiagramStep s : script.steps()) {
                Row r = row(s, y);
                drawn.add(r);
                rowNodes.add(r.group());
                y += rowHeight(s);
            }
        }
        held = script.heldBefore() == null || showingFrames() ? null : heldMarker(script.heldBefore(), y);
        if (held != null) y += 90;
        if (script.isEmpty()) y += 120;
        height = y + 30;
        rows.getChildren().add(lifelines(height));
        header.getChildren().add(header());
        rows.getChildren().addAll(rowNodes);
        if (held != null) rows.getChildren().add(held);
        if (script.isEmpty()) rows.getChildren().add(hint());
        speak();
        applyFocus();
        requestLayout();
    }

    /** Where a process stage's SQL statements begin: beside the server's activation. */
    private double sqlX(DiagramStep s) {
        return x(s.from()) + 16;
    }

    /**
     * How many characters of an SQL statement a line holds: from {@link #sqlX} to the diagram's right
     * edge, over the database lifeline (the call's arrow is below the words).
     */
    private int sqlLineChars(DiagramStep s) {
        return SqlCallShapes.charsIn(width - 8 - sqlX(s));
    }

    private double rowHeight(DiagramStep s) {
        double more = badge(s) ? (problemLines(s) - 1) * PROBLEM_LINE : 0;
        if (s.stage() == Stage.PROCESS) return processHeight(0, badge(s)) + SqlCallShapes.height(s.sql(), sqlLineChars(s)) + more;
        return (badge(s) ? ROW + 44 : ROW) + more + messagesHeight(s);
    }

    /** A long-lived exchange's messages drawn at most in its row; the rest are counted. */
    static final int MAX_MESSAGES = 12;
    static final double MESSAGE_ROW = 46;

    private static double messagesHeight(DiagramStep s) {
        int n = s.messages().size();
        if (n == 0) return 0;
        return Math.min(n, MAX_MESSAGES) * MESSAGE_ROW + (n > MAX_MESSAGES ? 30 : 0) + 8;
    }

    /** A problem badge's line height and its words' width (18 px bold), for the row to make room for every line. */
    private static final double PROBLEM_LINE = 24, PROBLEM_CHAR = 10.6;

    private double problemX(DiagramStep s) {
        return s.stage() == Stage.PROCESS || s.stage() == Stage.RESPOND ? LEFT + col() : 0;
    }

    /** How many lines a problem badge wraps onto (icon and padding take 54 px of its width). */
    private int problemLines(DiagramStep s) {
        double room = Math.max(PROBLEM_CHAR * 8, width - problemX(s) - 20 - 54);
        return Math.max(1, (int) Math.ceil(shorten(s.problem(), 90).length() * PROBLEM_CHAR / room));
    }

    private static double processHeight(int sqlCalls, boolean badge) {
        return (badge ? 130 : 84) + SQL_ROW * sqlCalls;
    }

    /** Whether a step carries a badge under it (a failed response says it on its arrow already). */
    private static boolean badge(DiagramStep s) {
        return s.failed() && !(s.stage() == Stage.RESPOND && s.problem().equals(s.title()));
    }

    /** The dashed lifelines, under the rows. */
    private Group lifelines(double h) {
        Group g = new Group();
        lifelineNodes.clear();
        for (Actor a : script.lifelines()) {
            Line life = new Line(x(a), headY() + headH, x(a), h - 10);
            life.getStyleClass().add("lifeline");
            g.getChildren().add(life);
            lifelineNodes.put(a, new ArrayList<>(List.of(life)));
        }
        return g;
    }

    /** Banner and lifeline heads on an opaque band: what stays on screen when the rows scroll under it. */
    private Group header() {
        Group g = new Group();
        Rectangle band = new Rectangle(0, 0, width, headerBottom());
        band.getStyleClass().add("header-band");
        g.getChildren().add(band);
        boolean captured = script.captured();
        for (Actor a : script.lifelines()) {
            double x = x(a);
            double w = headWidth();
            Rectangle head = new Rectangle(x - w / 2, headY(), w, headH);
            head.setArcWidth(14);
            head.setArcHeight(14);
            head.getStyleClass().addAll("lifeline-head", "actor-" + a.wireName().replace('_', '-'));
            // six heads share the width of five: their names wrap and leave out the icon; so does a
            // name too long for one line beside its icon (German, French, Spanish words are longer)
            boolean wrap = wraps(a, w);
            Label name = wrap ? new Label(wrappedName(a)) : new Label(name(a, false), icon(actorIcon(a)));
            name.setWrapText(wrap);
            name.setTextAlignment(TextAlignment.CENTER);
            name.getStyleClass().add("lifeline-name");
            if (captured) name.getStyleClass().add("six-heads"); // the longer names of a capture's two Roundtrip sides: one word a line
            name.setId("lifeline-" + a.wireName().replace('_', '-'));
            name.setPrefWidth(w);
            name.setLayoutX(x - w / 2);
            name.setLayoutY(headY());
            name.setPrefHeight(headH);
            g.getChildren().addAll(head, name);
            lifelineNodes.get(a).addAll(List.of(head, name));
        }
        g.setId("diagram-header");
        if (bannerBox != null) g.getChildren().add(bannerBox);
        return g;
    }

    /**
     * The title line: the exchange, its outcome and, for an HTTP/2 exchange, the toggle to its
     * connection's frames. What does not fit the width goes on the next line, and a long outcome
     * wraps inside its badge; the heads and rows below move down by what it takes (never cut, never "…").
     */
    private javafx.scene.layout.Region banner() {
        Severity sev = script.severity();
        double room = width - 16;
        Label title = new Label(DiagramScript.T.get("banner", String.valueOf(script.exchangeId()), script.title()));
        title.getStyleClass().add("banner-title");
        Label outcome = new Label(script.outcomeText(), icon(severityIcon(sev)));
        outcome.setId("outcome");
        outcome.getStyleClass().addAll("outcome-badge", sev.styleClass());
        List<javafx.scene.layout.Region> items = new ArrayList<>(List.of(title, outcome));
        if (script.connection() != null) items.add(framesToggle());
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(6);
        box.getStyleClass().add("banner");
        box.setId("banner");
        box.setLayoutX(8);
        box.setLayoutY(BANNER_Y);
        // each item's width with its style: what fits goes on one line, the rest on the next; an item wider than the line wraps in it
        double[] widths = new double[items.size()];
        styled(new HBox(items.toArray(new Node[0])), () -> {
            for (int i = 0; i < widths.length; i++) widths[i] = items.get(i).prefWidth(-1);
        });
        HBox line = new HBox(18);
        double used = 0;
        for (int i = 0; i < items.size(); i++) {
            javafx.scene.layout.Region item = items.get(i);
            double w = Math.min(widths[i], room);
            if (!line.getChildren().isEmpty() && used + 18 + w > room) {
                box.getChildren().add(line);
                line = new HBox(18);
                used = 0;
            }
            if (widths[i] > room && item instanceof Label) {
                ((Label) item).setWrapText(true);
                item.setPrefWidth(room);
                item.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            line.getChildren().add(item);
            used += (line.getChildren().size() > 1 ? 18 : 0) + w;
        }
        box.getChildren().add(line);
        return box;
    }

    /** Runs {@code measure} while {@code n} has the diagram's style (it is shown for no frame); at once when the diagram is not in a scene. */
    private void styled(javafx.scene.layout.Region n, Runnable measure) {
        if (getScene() == null) {
            measure.run();
            return;
        }
        Group probe = new Group(n);
        probe.setVisible(false);
        probe.setManaged(false);
        getChildren().add(probe);
        probe.applyCss();
        measure.run();
        getChildren().remove(probe);
        probe.getChildren().clear();
    }

    private javafx.scene.control.ToggleButton framesToggle() {
        ConnectionFrames c = script.connection();
        javafx.scene.control.ToggleButton t = new javafx.scene.control.ToggleButton(framesShown.get() ? DiagramScript.T.get("frames.hide")
                : DiagramScript.T.get("frames.show", String.valueOf(c.connectionId()), c.streams().size()),
                icon(framesShown.get() ? "mdi2f-format-list-numbered" : "mdi2s-source-branch"));
        t.setId("frames-toggle");
        t.getStyleClass().add("frames-toggle");
        t.setSelected(framesShown.get());
        t.setFocusTraversable(true);
        t.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // the property changes after this click is done: the redraw replaces this very button, and the new one keeps the focus
        t.setOnAction(e -> javafx.application.Platform.runLater(() -> {
            boolean focused = t.isFocused();
            framesShown.set(t.isSelected());
            Node again = header.lookup("#frames-toggle");
            if (focused && again != null) again.requestFocus();
        }));
        return t;
    }

    /** The banner's height with its style (one line when the diagram is not shown yet: the first layout measures it again). */
    private double bannerHeight(javafx.scene.layout.Region box) {
        double[] h = {BANNER_LINE};
        if (getScene() != null) styled(box, () -> h[0] = Math.ceil(box.prefHeight(-1)));
        return h[0];
    }

    private Node hint() {
        Text t = new Text(8, firstRow(), DiagramScript.T.get("hint"));
        t.getStyleClass().add("diagram-hint");
        t.setWrappingWidth(COL * 3); // a 1024-pixel window shows it whole, not cut at the edge
        Group g = new Group(t);
        backWords(g);
        return g;
    }

    /** The style classes of the words a lifeline may run through (it passes behind every row). */
    private static final java.util.Set<String> WORDS = java.util.Set.of("step-title", "figures", "stage-name", "message-text", "sql-text", "diagram-hint",
            "frame-title", "window-text");

    /**
     * Puts a rectangle of the diagram's background (from CSS) behind each of the row's words, under its
     * band, so the dashed lifelines do not run through their letters and a translucent band (the current
     * row in the dark theme) still tints them alike. A rectangle per word costs nothing per frame; a
     * stroked text did (drawn as shapes, not from the glyph cache).
     */
    static void backWords(Group row) {
        List<Rectangle> backs = new ArrayList<>();
        for (Node n : descendants(row, new ArrayList<>())) {
            if (!(n instanceof Text) || java.util.Collections.disjoint(n.getStyleClass(), WORDS)) continue;
            Rectangle back = new Rectangle();
            back.getStyleClass().add("word-back");
            back.setMouseTransparent(true);
            // sized to the words once CSS has given them their font (their groups have no transforms)
            javafx.beans.InvalidationListener fit = o -> {
                javafx.geometry.Bounds b = n.getBoundsInParent();
                for (javafx.scene.Parent p = n.getParent(); p != row; p = p.getParent()) b = p.localToParent(b);
                back.setX(b.getMinX() - 3);
                back.setY(b.getMinY());
                back.setWidth(b.getWidth() + 6);
                back.setHeight(b.getHeight());
            };
            n.boundsInParentProperty().addListener(fit);
            fit.invalidated(null);
            backs.add(back);
        }
        row.getChildren().addAll(0, backs);
    }

    private Row row(DiagramStep s, double y) {
        Group g = new Group();
        g.setId("step-" + s.stage().wireName());
        g.getStyleClass().addAll("step", "stage-" + s.stage().wireName());
        if (s.failed()) g.getStyleClass().add("error");
        if (!s.ended()) g.getStyleClass().add("running");
        Rectangle band = new Rectangle(4, y - 42, width - 8, rowHeight(s) - 4);
        band.getStyleClass().add("row-band");
        band.setArcWidth(12);
        band.setArcHeight(12);
        g.getChildren().add(band);
        Text stageName = new Text(8, y - 22, s.stage().wireName().toUpperCase());
        stageName.getStyleClass().add("stage-name");
        g.getChildren().add(stageName);
        List<Point2D> path = new ArrayList<>();
        double xf = x(s.from());
        double xt = x(s.to());
        boolean response = s.stage() == Stage.RESPOND || s.stage() == Stage.INTERPRET;
        switch (s.stage()) {
            case PROCESS: {
                double x = x(s.from());
                double bottom = y + rowHeight(s) - 36;
                g.getChildren().add(activation(x, y - 14, bottom));
                g.getChildren().add(labels(x - 24, y + 6, s.title(), s.figures(), TextAlignment.RIGHT, s, Double.NaN));
                path.add(new Point2D(x, y - 14));
                double cy = y + 30;
                double xd = x(Actor.DATABASE);
                for (DiagramStep.SqlCall c : s.sql()) {
                    cy = SqlCallShapes.connection(g, c, x, xd, cy, path);
                    List<String> lines = SqlCallShapes.lines(c.statement(), sqlLineChars(s));
                    cy += (lines.size() - 1) * SqlCallShapes.LINE;
                    g.getChildren().add(arrow(x + 9, cy, xd - 9, cy, false, "sql-call"));
                    g.getChildren().add(SqlCallShapes.statement(sqlX(s), cy - 12 - (lines.size() - 1) * SqlCallShapes.LINE, lines, c.statement()));
                    Rectangle db = new Rectangle(xd - 9, cy, 18, 40);
                    db.getStyleClass().add("activation");
                    g.getChildren().add(db);
                    g.getChildren().add(arrow(xd - 9, cy + 40, x + 9, cy + 40, true, "sql-return"));
                    g.getChildren().add(text((x + xd) / 2, cy + 60, DiagramScript.T.get("count.rows", c.rows()) + " · " + Units.duration(c.nanos()),
                            "figures", TextAlignment.CENTER, x));
                    SqlCallShapes.bytes(g, c, x, cy);
                    path.add(new Point2D(x, cy));
                    path.add(new Point2D(xd, cy));
                    path.add(new Point2D(xd, cy + 40));
                    path.add(new Point2D(x, cy + 40));
                    cy += SQL_ROW + SqlCallShapes.below(c);
                }
                path.add(new Point2D(x, bottom));
                break;
            }
            default: {
                // the side whose code runs the stage is active while it does; the labels keep clear of it
                double mid = (xf + xt) / 2;
                double xa = Double.NaN;
                if (s.stage() == Stage.PARSE || s.stage() == Stage.INTERPRET || s.stage() == Stage.RESPOND) {
                    xa = x(s.stage().owner());
                    g.getChildren().add(activation(xa, y - 10, y + 36));
                    if (xa != xf && xa != xt) mid = (xa + xt) / 2; // relayed through it (a captured response)
                }
                double from = xf + (xt > xf ? 9 : -9);
                double to = xt + (xt > xf ? -9 : 9);
                g.getChildren().add(arrow(from, y, to, y, response, "message"));
                g.getChildren().add(labels(mid, y - 14, s.title(), s.figures(), TextAlignment.CENTER, s, xa));
                path.add(new Point2D(xf, y));
                path.add(new Point2D(xt, y));
                for (Actor a : s.via()) {
                    // the bytes cross this lifeline on the way (the client's kernel on send): mark it
                    Circle via = new Circle(x(a), y, 5);
                    via.getStyleClass().add("via");
                    g.getChildren().add(via);
                }
            }
        }
        if (badge(s)) g.getChildren().add(problem(s, y));
        if (!s.messages().isEmpty()) messages(g, s, y + rowHeight(s) - messagesHeight(s) - 40);
        backWords(g);
        return new Row(g, path, s, band.getY(), band.getY() + band.getHeight());
    }

    /**
     * A long-lived exchange's messages under its stage's arrow, in the order they crossed: the server's
     * to the client, the client's (WebSocket frames after the 101 upgrade) to the server, each with its bytes.
     */
    private void messages(Group g, DiagramStep s, double top) {
        double xc = x(Actor.CLIENT);
        double xs = x(Actor.SERVER);
        List<DiagramStep.Message> all = s.messages();
        double y = top + MESSAGE_ROW - 6;
        for (int i = 0; i < Math.min(all.size(), MAX_MESSAGES); i++) {
            DiagramStep.Message m = all.get(i);
            Group arrow = (Group) arrow(m.fromClient() ? xc + 9 : xs - 9, y, m.fromClient() ? xs - 9 : xc + 9, y, !m.fromClient(), "message-arrow");
            arrow.setId("message-" + i);
            arrow.getStyleClass().add(m.fromClient() ? "client-write" : "server-write");
            String bytes = m.wireBytes() < 0 ? DiagramScript.T.get("message.figures.noWire", Units.bytes(m.payload()))
                    : DiagramScript.T.get("message.figures", Units.bytes(m.payload()), Units.bytes(m.wireBytes()));
            Text t = text((xc + xs) / 2, y - 10, m.title() + " · " + bytes, "message-text", TextAlignment.CENTER);
            t.setId("message-text-" + i);
            g.getChildren().addAll(arrow, t);
            y += MESSAGE_ROW;
        }
        if (all.size() > MAX_MESSAGES) {
            g.getChildren().add(text((xc + xs) / 2, y - 16, DiagramScript.T.get("message.more", all.size() - MAX_MESSAGES), "figures",
                    TextAlignment.CENTER));
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Title above the arrow, measured figures below it. */
    private Node labels(double x, double y, String title, String figures, TextAlignment align, DiagramStep s, double bar) {
        Group g = new Group();
        String shown = s.failed() && s.stage() == Stage.RESPOND ? "⚠ " + title : title;
        Text t = text(x, y, shorten(shown, 34), "step-title", align);
        Text f = text(x, y + 34, figures, "figures", align, bar);
        if (s.stage() == Stage.PROCESS) f.setY(y + 28);
        f.setId("figures-" + s.stage().wireName());
        g.getChildren().addAll(t, f);
        return g;
    }

    static Text text(double x, double y, String s, String styleClass, TextAlignment align) {
        return text(x, y, s, styleClass, align, Double.NaN);
    }

    /** A text placed by its own width; centred, it keeps clear of the activation bar at {@code bar} (NaN: none). */
    static Text text(double x, double y, String s, String styleClass, TextAlignment align, double bar) {
        Text t = new Text(s);
        t.getStyleClass().add(styleClass);
        t.setTextOrigin(VPos.BASELINE);
        t.setTextAlignment(align);
        t.setY(y);
        // align by the text's own width once CSS has given it a font
        t.layoutBoundsProperty().addListener((o, a, b) -> place(t, x, align, bar));
        place(t, x, align, bar);
        return t;
    }

    /**
     * Centred figures wider than the space between two lifelines (135 apart in the narrow layout)
     * would cross the activation bar of the side that runs the stage: they end beside it instead.
     */
    private static void place(Text t, double x, TextAlignment align, double bar) {
        double w = t.getLayoutBounds().getWidth();
        double left = align == TextAlignment.CENTER ? x - w / 2 : align == TextAlignment.RIGHT ? x - w : x;
        if (bar + 14 > left && bar - 14 < left + w) left = bar > x ? bar - 14 - w : bar + 14;
        t.setX(left);
    }

    private static Node activation(double x, double top, double bottom) {
        Rectangle r = new Rectangle(x - 9, top, 18, bottom - top);
        r.getStyleClass().add("activation");
        return r;
    }

    static Node arrow(double x1, double y, double x2, double y2, boolean dashed, String styleClass) {
        Line line = new Line(x1, y, x2, y2);
        line.getStyleClass().addAll("arrow-line", styleClass);
        if (dashed) line.getStyleClass().add("dashed");
        double dir = Math.signum(x2 - x1);
        Polygon head = new Polygon(x2, y2, x2 - dir * 16, y2 - 8, x2 - dir * 16, y2 + 8);
        head.getStyleClass().addAll("arrow-head", styleClass);
        return new Group(line, head);
    }

    /** The unmistakable error mark: an icon and the words, beside where it went wrong. */
    private Node problem(DiagramStep s, double y) {
        Severity sev = script.severity();
        String iconName = s.stage() == Stage.INTERPRET ? severityIcon(sev) : s.stage() == Stage.RESPOND ? "mdi2l-lan-disconnect" : "mdi2a-alert-circle";
        // under the stage's own label, kept inside the diagram's width, in at most two lines of 18 px bold (about
        // 12 px a character, the icon 50 px): a third would run into the next row, a fixed cap cut words that fit
        double x = problemX(s);
        double room = width - x - 20;
        Label l = new Label(shorten(s.problem(), Math.max(60, 2 * (int) ((room - 50) / 12))), icon(iconName));
        l.setWrapText(true);
        l.setId("problem-" + s.stage().wireName());
        l.getStyleClass().addAll("problem-badge", s.stage() == Stage.INTERPRET ? sev.styleClass() : "severity-error");
        Tooltip.install(l, new Tooltip(s.problem()));
        l.setMaxWidth(room);
        l.setLayoutX(x);
        l.setLayoutY(y + (s.stage() == Stage.PROCESS ? 40 : 44));
        if (s.stage() == Stage.INTERPRET) {
            Group g = new Group(cross(x(s.to()), y), l);
            return g;
        }
        return l;
    }

    private static Node cross(double x, double y) {
        Line a = new Line(x - 12, y - 12, x + 12, y + 12);
        Line b = new Line(x - 12, y + 12, x + 12, y - 12);
        a.getStyleClass().add("cross");
        b.getStyleClass().add("cross");
        return new Group(a, b);
    }

    /** A held exchange: a gate drawn where the next stage would begin, and what to press. */
    private Node heldMarker(Stage stage, double y) {
        Actor at = stage == Stage.SEND ? Actor.CLIENT : stage == Stage.PARSE ? Actor.SERVER_KERNEL
                : stage == Stage.INTERPRET ? Actor.CLIENT_KERNEL : Actor.SERVER;
        double x = x(at);
        Rectangle gate = new Rectangle(x - 30, y - 30, 60, 14);
        gate.getStyleClass().add("gate-bar");
        Label l = new Label(DiagramScript.T.get("held", stage.wireName()), icon("mdi2p-pause-octagon"));
        l.setId("held-marker");
        l.getStyleClass().add("held-badge");
        l.setWrapText(true);
        l.setMaxWidth(width - 16);
        // beside the gate, but never past the right edge: placed by its own width once CSS has sized it
        double right = width - 8;
        l.widthProperty().addListener((o, a, w) -> l.setLayoutX(Math.max(8, Math.min(x - 30, right - w.doubleValue()))));
        l.setLayoutX(Math.max(8, x - 30));
        l.setLayoutY(y - 8);
        return new Group(gate, l);
    }

    public static FontIcon icon(String literal) {
        FontIcon i = new FontIcon(literal);
        i.getStyleClass().add("diagram-icon");
        return i;
    }

    static String actorIcon(Actor a) {
        switch (a) {
            case CLIENT: return "mdi2m-monitor";
            case SERVER: return "mdi2s-server";
            case DATABASE: return "mdi2d-database";
            default: return "mdi2m-memory";
        }
    }

    public static String severityIcon(Severity s) {
        switch (s) {
            case OK: return "mdi2c-check-circle";
            case CLIENT_ERROR: return "mdi2a-alert-circle";
            case SERVER_ERROR: return "mdi2a-alert-octagon";
            case TIMEOUT: return "mdi2t-timer-off-outline";
            case CANCELLED: return "mdi2c-cancel";
            case FAILED: return "mdi2c-close-circle";
            default: return "mdi2t-timer-sand";
        }
    }

    /** The point {@code t} (0..1) of the way along a polyline. */
    static Point2D along(List<Point2D> path, double t) {
        if (path.size() == 1) return path.get(0);
        double total = 0;
        for (int i = 1; i < path.size(); i++) total += path.get(i - 1).distance(path.get(i));
        double want = Math.max(0, Math.min(1, t)) * total;
        for (int i = 1; i < path.size(); i++) {
            double seg = path.get(i - 1).distance(path.get(i));
            if (want <= seg || i == path.size() - 1) {
                double f = seg == 0 ? 1 : Math.min(1, want / seg);
                Point2D a = path.get(i - 1);
                Point2D b = path.get(i);
                return new Point2D(a.getX() + (b.getX() - a.getX()) * f, a.getY() + (b.getY() - a.getY()) * f);
            }
            want -= seg;
        }
        return path.get(path.size() - 1);
    }

    // --- what a screen reader finds: every element named from DiagramSpeech ---

    private final Announcer announcer = new Announcer(this);
    private final Rectangle focusRing = new Rectangle();

    /**
     * The diagram takes the keyboard focus (Tab reaches it, a ring shows it) and is one text element
     * whose name is the stage being shown: it changes, and is announced, as the token moves on.
     */
    private void speakable() {
        setAccessibleRole(AccessibleRole.TEXT);
        setFocusTraversable(true);
        focusRing.getStyleClass().add("focus-ring");
        focusRing.setManaged(false);
        focusRing.setMouseTransparent(true);
        focusRing.setAccessibleRole(AccessibleRole.NODE);
        focusRing.visibleProperty().bind(focusedProperty());
        focusRing.widthProperty().bind(widthProperty().subtract(6));
        focusRing.heightProperty().bind(heightProperty().subtract(6));
        focusRing.setX(3);
        focusRing.setY(3);
        getChildren().add(focusRing);
        announcer.say(DiagramSpeech.current(script, currentStep));
    }

    /** What the diagram says now (the announcement's text). */
    public String spoken() {
        return announcer.said();
    }

    /** Names the lifelines, rows, arrows, badges and the held marker just drawn; words drawn inside a row are its name. */
    private void speak() {
        boolean captured = script.captured();
        for (Node n : header.lookupAll(".lifeline-name")) {
            for (Actor a : script.lifelines()) {
                if (n.getId().equals("lifeline-" + a.wireName().replace('_', '-'))) n.setAccessibleText(DiagramSpeech.lifeline(a, captured));
            }
        }
        Node outcome = header.lookup("#outcome");
        if (outcome != null) outcome.setAccessibleText(DiagramSpeech.outcome(script));
        for (Row r : drawn) {
            DiagramStep s = r.step();
            Group g = r.group();
            g.setAccessibleRole(AccessibleRole.TEXT);
            g.setAccessibleText(DiagramSpeech.step(s));
            g.setAccessibleHelp(DiagramSpeech.arrow(s, captured));
            int sql = 0;
            for (Node n : descendants(g, new ArrayList<>())) {
                if (n instanceof Text) n.setAccessibleRole(AccessibleRole.NODE);
                if (n.getStyleClass().contains("arrow-line") && n.getParent() != g) {
                    Node arrow = n.getParent();
                    arrow.setAccessibleRole(AccessibleRole.TEXT);
                    if (n.getStyleClass().contains("sql-call") && sql < s.sql().size()) {
                        arrow.setAccessibleText(DiagramSpeech.sqlCall(s.sql().get(sql++)));
                    } else if (n.getStyleClass().contains("message")) {
                        arrow.setAccessibleText(DiagramSpeech.arrow(s, captured));
                    } else {
                        arrow.setAccessibleRole(AccessibleRole.NODE); // the SQL call's return: spoken with its call
                    }
                }
            }
            Node problem = g.lookup("#problem-" + s.stage().wireName());
            if (problem != null) problem.setAccessibleText(DiagramSpeech.problem(s));
        }
        if (held != null) held.lookup("#held-marker").setAccessibleText(DiagramSpeech.held(script.heldBefore()));
    }

    private static List<Node> descendants(javafx.scene.Parent p, List<Node> out) {
        for (Node c : p.getChildrenUnmodifiable()) {
            out.add(c);
            if (c instanceof javafx.scene.Parent) descendants((javafx.scene.Parent) c, out);
        }
        return out;
    }

    /** What the diagram's scale fits to its space. */
    public enum Fit {
        /** A typical whole exchange, never below readable: the window's diagram, one scale for all. */
        TYPICAL_EXCHANGE,
        /** The width, never below readable (presenter view: as large as the width allows, rows scroll). */
        WIDTH,
        /** This exchange, whole, however small (a picture of a finished exchange). */
        THIS_EXCHANGE
    }

    private Fit fit = Fit.TYPICAL_EXCHANGE;

    public void setFit(Fit f) {
        fit = f;
        requestLayout();
    }

    /** The scale for a space of {@code w} x {@code h} pixels. */
    double scaleFor(double w, double h) {
        switch (fit) {
            case WIDTH: return zoom * Math.max(MIN_SCALE, w / width);
            case THIS_EXCHANGE: return zoom * Math.max(0.05, Math.min(w / width, h / height));
            default: return zoom * Math.max(MIN_SCALE, Math.min(w / width, h / REFERENCE_HEIGHT));
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        clip.setWidth(w);
        clip.setHeight(h);
        double want = widthFor(w, fit);
        boolean bannerMoved = bannerBox != null && getScene() != null
                && Math.abs(Math.max(0, Math.ceil(bannerBox.prefHeight(-1)) - BANNER_LINE) - bannerExtra) > 1;
        if (want != width || bannerMoved) {
            width = want;
            draw();
            setPosition(currentStep, progress);
        }
        double s = scaleFor(w, h);
        scale.setX(s);
        scale.setY(s);
        double cw = width * s;
        double ch = height * s;
        // Larger than the space: across, the token's part while animating (else from the Client at the
        // left); down, the stage being shown, under the header. The wheel moves on from there, and the
        // part of its move that went past an edge is dropped.
        boolean animating = currentStep >= 0 && currentStep < drawn.size();
        double tx = (w - cw) / 2;
        double ty = 0;
        if (cw > w) {
            double follow = animating ? clampPan(w / 2 - token.getCenterX() * s, w - cw) : 0;
            tx = clampPan(follow + wheelX, w - cw);
            wheelX = tx - follow;
        }
        if (ch > h) {
            double follow = clampPan(follow(s, headerBottom() * s, h), h - ch);
            ty = clampPan(follow + wheelY, h - ch);
            wheelY = ty - follow;
        }
        content.setLayoutX(tx);
        content.setLayoutY(ty);
        header.setLayoutX(tx);
        header.setLayoutY(0);
    }

    /**
     * Where the rows go so that the stage being shown is seen whole from its top (with the held
     * marker under it, when held there), centred under the header; a stage taller than the space
     * puts the token in the middle instead.
     */
    private double follow(double s, double below, double h) {
        if (!frameRows.isEmpty()) {
            // the frames view: this exchange's first frame of the stage being shown, under the header
            for (FrameLanes.Row r : frameRows) {
                if (r.group().getStyleClass().contains("current")) return below + 40 - r.group().getBoundsInParent().getMinY() * s;
            }
            return 0;
        }
        if (drawn.isEmpty()) return 0;
        int i = shownRow();
        Row row = drawn.get(i);
        double top = row.top();
        double bottom = row.bottom();
        if (held != null && i == drawn.size() - 1) bottom = Math.max(bottom, held.getBoundsInParent().getMaxY());
        double space = h - below;
        if ((bottom - top) * s <= space) return below + (space - (bottom - top) * s) / 2 - top * s;
        // taller than the space (with the held marker): from its top (the stage's name and title) just under the header, the
        // held marker as far as it goes; a row taller than the space alone follows its token when that is further down
        double fromTop = below + 4 - top * s;
        boolean rowFits = (row.bottom() - top) * s <= space - 4;
        boolean tokenShown = !token.isVisible() || i != currentStep || fromTop + token.getCenterY() * s <= h - 30;
        return rowFits || tokenShown ? fromTop : (below + h) / 2 - token.getCenterY() * s;
    }

    /**
     * The row the view scrolls to: the stage being animated, else (also once the animation has ended) the
     * first a lesson points at, else the last: a question about parse is asked when the exchange is over.
     */
    private int shownRow() {
        boolean ended = currentStep >= drawn.size() || currentStep == drawn.size() - 1 && progress >= 1;
        if (currentStep >= 0 && !ended) return currentStep;
        for (int i = 0; i < drawn.size(); i++) {
            if (focusStages.contains(drawn.get(i).step().stage())) return i;
        }
        return currentStep >= 0 && currentStep < drawn.size() ? currentStep : drawn.size() - 1;
    }

    private static double clampPan(double want, double min) {
        return Math.max(min, Math.min(0, want));
    }

    @Override
    protected double computePrefWidth(double height) {
        return WIDTH * MIN_SCALE;
    }

    @Override
    protected double computePrefHeight(double width) {
        return REFERENCE_HEIGHT * MIN_SCALE;
    }
}
