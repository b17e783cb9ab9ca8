package dev.roundtrip.ui.diagram.queue;

import dev.roundtrip.queue.WorkQueue;
import dev.roundtrip.text.Units;
import dev.roundtrip.ui.diagram.SequenceDiagram;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Scale;

/**
 * Lesson 12's diagram: a queue run drawn as lifelines Producer, Queue, Consumer 1..N with time
 * going down, in proportion. Each job is a "put" arrow into the queue, a bar on the queue lifeline
 * for as long as it waited (jobs waiting together stand side by side), a "take" arrow to the
 * consumer and the consumer's work bar. Back-pressure shows as the producer's red bar: waiting
 * for room. It redraws when the trace grows ({@link #refresh}, called per frame).
 */
public final class QueueDiagram extends Region {
    private static final dev.roundtrip.text.Texts.Bundle T = dev.roundtrip.text.Texts.of("dev.roundtrip.ui.diagram.queue.Texts");

    static final double PRODUCER_X = 130;
    static final double QUEUE_X = 350;
    static final double FIRST_CONSUMER_X = 580;
    static final double CONSUMER_GAP = 220;
    /** A head as wide as the lifelines' spacing allows: a name ("Warteschlange", "Consommateur 1") has its width. */
    static final double HEAD_W = 212;
    static final double HEAD_Y = 108;
    /** The icon above the name, so the name has the head's whole width. */
    static final double HEAD_H = 78;
    static final double TOP = HEAD_Y + HEAD_H + 30;
    /** Compact enough that a 1280x720 window draws the run with its smallest text at 14 px. */
    static final double TIME_H = 440;
    static final double SLOT_W = 24;
    /** A work label's width per character and line height at its 22 px bold font, before CSS has measured it. */
    static final double LABEL_CHAR = 12.6;
    static final double LABEL_LINE = 27;

    private final Group content = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Rectangle clip = new Rectangle();
    private WorkQueue queue;
    private int drawnEvents = -1;
    private QueueDiagramScript script;
    private double width = FIRST_CONSUMER_X + 300;
    private double height = TOP + TIME_H + 60;

    public QueueDiagram() {
        setId("queue-diagram");
        getStyleClass().add("queue-diagram");
        getStylesheets().addAll(SequenceDiagram.STYLESHEET, QueueDiagram.class.getResource("QueueDiagram.css").toExternalForm());
        content.getTransforms().add(scale);
        getChildren().add(content);
        setClip(clip);
        setMinSize(200, 150);
        setAccessibleRole(AccessibleRole.TEXT);
        setAccessibleText(QueueSpeech.summary(null));
    }

    public void setQueue(WorkQueue q) {
        if (q == queue) return;
        queue = q;
        drawnEvents = -1;
        refresh();
    }

    /** Redraws when the run has new events since the last look. */
    public void refresh() {
        int size = queue == null ? 0 : queue.trace().size();
        if (size == drawnEvents) return;
        drawnEvents = size;
        script = queue == null ? null : QueueDiagramScript.of(queue.setup(), queue.trace().events());
        draw();
    }

    public QueueDiagramScript script() {
        return script;
    }

    private double y(long t) {
        return TOP + (t - script.startNanos()) * (TIME_H / (double) script.spanNanos());
    }

    private static double consumerX(int n) {
        return FIRST_CONSUMER_X + (n - 1) * CONSUMER_GAP;
    }

    private void draw() {
        content.getChildren().clear();
        setAccessibleText(QueueSpeech.summary(script));
        if (script == null) {
            content.getChildren().add(text(40, TOP, T.get("none"), "diagram-hint", TextAlignment.LEFT));
            requestLayout();
            return;
        }
        int n = script.consumers();
        // room for the longest work label right of the last consumer, and for the figures line
        width = Math.max(consumerX(n) + CONSUMER_GAP, 1000);
        height = TOP + TIME_H + 100;
        content.getChildren().add(banner());
        content.getChildren().add(legend(TOP + TIME_H + 62));
        head(PRODUCER_X, T.get("producer"), "mdi2f-factory");
        head(QUEUE_X, T.get("queue"), "mdi2t-tray-full");
        for (int i = 1; i <= n; i++) head(consumerX(i), T.get("consumer", i), "mdi2a-account-hard-hat");
        timeAxis();
        double lastLabelY = Double.NEGATIVE_INFINITY;
        List<double[]> takes = new ArrayList<>();
        List<Runnable> workLabels = new ArrayList<>();
        long end = script.endNanos();
        for (QueueDiagramScript.Job j : script.jobs()) {
            if (!j.queued()) continue;
            // one element per job for a screen reader, its arrows and bars inside it
            Group job = spoken(new Group(), QueueSpeech.job(script, j));
            job.setId("job-" + j.id());
            content.getChildren().add(job);
            double slotX = QUEUE_X - (script.slots() - 1) * SLOT_W / 2 + j.slot() * SLOT_W;
            double yIn = y(j.produceEnd());
            if (j.blockedNanos() > 1_000_000) {
                job.getChildren().add(spoken(bar(PRODUCER_X, y(j.produceBegin()), yIn, "queue-blocked"), QueueSpeech.blocked(j)));
            }
            job.getChildren().add(spoken(arrow(PRODUCER_X + 9, yIn, slotX - SLOT_W / 2 + 2, yIn, "queue-put"), QueueSpeech.put(j)));
            if (yIn - lastLabelY >= 24) {
                job.getChildren().add(text(PRODUCER_X + 20, yIn - 6, T.get("job", String.valueOf(j.id())), "queue-job-label", TextAlignment.LEFT));
                lastLabelY = yIn;
            }
            double yOut = j.taken() ? y(j.waitEnd()) : y(end);
            Rectangle wait = new Rectangle(slotX - SLOT_W / 2 + 3, yIn, SLOT_W - 6, Math.max(3, yOut - yIn));
            wait.getStyleClass().add("queue-wait");
            wait.setId("wait-" + j.id());
            job.getChildren().add(spoken(wait, QueueSpeech.waiting(j, end)));
            if (!j.taken() || j.consumer() < 1) continue;
            double cx = consumerX(j.consumer());
            job.getChildren().add(spoken(arrow(slotX + SLOT_W / 2 - 2, yOut, cx - 9, yOut, "queue-take"), QueueSpeech.take(j)));
            takes.add(new double[] {yOut, slotX, cx});
            if (j.workBegin() >= 0) {
                double top = y(j.workBegin());
                double bottom = j.done() ? y(j.workEnd()) : y(end);
                job.getChildren().add(spoken(bar(cx, top, bottom, "queue-work"), QueueSpeech.work(j, end)));
                if (bottom - top >= 20) {
                    String waitedFor = j.waitNanos() >= 1_000_000 ? Units.duration(j.waitNanos()) : null;
                    String label = workText(T.get("job", String.valueOf(j.id())), waitedFor == null ? null : T.get("waited", waitedFor), waitedFor, bottom - top);
                    workLabels.add(() -> content.getChildren().add(workLabel(cx + 16, top, bottom, label, takes)));
                }
            }
        }
        // after every arrow is known: a label goes where no arrow crosses it
        workLabels.forEach(Runnable::run);
        // the words drawn are said by the elements they belong to
        quiet(content);
        requestLayout();
    }

    private static void quiet(javafx.scene.Parent p) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof Text) n.setAccessibleRole(AccessibleRole.NODE);
            else if (n instanceof Group) quiet((Group) n);
        }
    }

    private static <N extends Node> N spoken(N n, String text) {
        n.setAccessibleRole(AccessibleRole.TEXT);
        n.setAccessibleText(text);
        return n;
    }

    /** Room for a work label's line between its consumer's bar and the next one's (or the diagram's edge). */
    static final double LABEL_ROOM = CONSUMER_GAP - 16 - 9 - 8;

    /**
     * A work label's lines: the job, then how long it waited, broken before its figure where the line
     * would reach the next consumer's bar (French and German are longer), left out where the bar is too short.
     */
    static String workText(String job, String waited, String figure, double barHeight) {
        if (waited == null || barHeight < 2 * LABEL_LINE) return job;
        int cut = waited.indexOf(figure);
        if (waited.length() * LABEL_CHAR <= LABEL_ROOM || cut <= 0) return job + "\n" + waited;
        return barHeight < 3 * LABEL_LINE ? job : job + "\n" + waited.substring(0, cut).strip() + "\n" + waited.substring(cut);
    }

    /**
     * A consumer's work label beside its bar, at the height nearest the bar's middle where no take
     * arrow (to a consumer further right) crosses the text; with no such height it gets the
     * background's colour behind it, so it reads over the arrow.
     */
    private static Node workLabel(double x, double top, double bottom, String label, List<double[]> takes) {
        String[] lines = label.split("\n");
        double w = java.util.Arrays.stream(lines).mapToInt(String::length).max().orElse(0) * LABEL_CHAR;
        double h = lines.length * LABEL_LINE;
        double middle = (top + bottom - h) / 2 + 20;
        for (double d = 0; d <= (bottom - top) / 2; d += 4) {
            for (double baseline : new double[] {middle - d, middle + d}) {
                if (baseline - 20 < top || baseline - 20 + h > bottom + 4) continue;
                if (takes.stream().noneMatch(t -> crosses(t, x, x + w, baseline - 26, baseline - 20 + h + 14))) {
                    return text(x, baseline, label, "queue-job-label", TextAlignment.LEFT);
                }
            }
        }
        Rectangle behind = new Rectangle(x - 4, middle - 24, w + 8, h + 6);
        behind.getStyleClass().add("queue-label-back");
        return new Group(behind, text(x, middle, label, "queue-job-label", TextAlignment.LEFT));
    }

    private static boolean crosses(double[] take, double x1, double x2, double y1, double y2) {
        return take[0] >= y1 && take[0] <= y2 && take[1] < x2 && take[2] > x1;
    }

    private Node banner() {
        var s = script.summary();
        var setup = script.setup();
        Label title = new Label(T.get("title", setup.jobs(), setup.consumers(), setup.capacity()));
        title.getStyleClass().add("banner-title");
        title.setLayoutX(30);
        title.setLayoutY(6);
        Label figures = new Label(T.get("figures", s.jobsDone(), s.maxDepth(), Units.duration(s.maxWaitNanos()),
                Units.duration(s.producerBlockedNanos()), Units.duration(s.totalNanos())));
        figures.setId("queue-figures");
        figures.getStyleClass().add("queue-figures");
        figures.setLayoutX(30);
        figures.setLayoutY(40);
        return new Group(title, figures);
    }

    /** What the three kinds of bar mean, in words (colour alone is not enough on a projector). */
    private Node legend(double y) {
        // the keys wrap onto a second row in the diagram's width (German's are longer than it)
        javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(28, 6,
                key("queue-blocked", T.get("legend.blocked")), key("queue-wait", T.get("legend.wait")),
                key("queue-work", T.get("legend.work")));
        box.setPrefWrapLength(width - 60);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setLayoutX(30);
        box.setLayoutY(y - 14);
        return box;
    }

    private static Node key(String styleClass, String text) {
        Rectangle r = new Rectangle(18, 26);
        r.getStyleClass().add(styleClass);
        Label l = new Label(text, r);
        l.getStyleClass().add("queue-legend");
        return l;
    }

    private void head(double x, String name, String icon) {
        Line life = new Line(x, HEAD_Y + HEAD_H, x, TOP + TIME_H + 30);
        life.getStyleClass().add("lifeline");
        Rectangle box = new Rectangle(x - HEAD_W / 2, HEAD_Y, HEAD_W, HEAD_H);
        box.setArcWidth(14);
        box.setArcHeight(14);
        box.getStyleClass().add("lifeline-head");
        Label l = new Label(name, SequenceDiagram.icon(icon));
        l.getStyleClass().add("lifeline-name");
        l.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        l.setAccessibleText(QueueSpeech.lifeline(name));
        l.setPrefSize(HEAD_W, HEAD_H);
        l.setLayoutX(x - HEAD_W / 2);
        l.setLayoutY(HEAD_Y);
        content.getChildren().addAll(life, box, l);
    }

    private void timeAxis() {
        double spanMs = script.spanNanos() / 1e6;
        double step = spanMs <= 120 ? 20 : spanMs <= 300 ? 50 : spanMs <= 700 ? 100 : spanMs <= 1500 ? 250 : 500;
        for (double t = 0; t <= spanMs + 1e-6; t += step) {
            double yy = y(script.startNanos() + (long) (t * 1e6));
            Line tick = new Line(12, yy, 40, yy);
            tick.getStyleClass().add("queue-tick");
            content.getChildren().addAll(tick, text(44, yy + 6, Units.millis(Math.round(t)), "queue-tick-label", TextAlignment.LEFT));
        }
    }

    private static Rectangle bar(double x, double top, double bottom, String styleClass) {
        Rectangle r = new Rectangle(x - 9, top, 18, Math.max(3, bottom - top));
        r.getStyleClass().add(styleClass);
        return r;
    }

    private static Group arrow(double x1, double y, double x2, double y2, String styleClass) {
        Line line = new Line(x1, y, x2, y2);
        line.getStyleClass().addAll("arrow-line", styleClass);
        double dir = Math.signum(x2 - x1);
        Polygon head = new Polygon(x2, y2, x2 - dir * 14, y2 - 7, x2 - dir * 14, y2 + 7);
        head.getStyleClass().addAll("arrow-head", styleClass);
        return new Group(line, head);
    }

    private static Text text(double x, double y, String s, String styleClass, TextAlignment align) {
        Text t = new Text(x, y, s);
        t.getStyleClass().add(styleClass);
        t.setTextOrigin(VPos.BASELINE);
        t.setTextAlignment(align);
        return t;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        clip.setWidth(w);
        clip.setHeight(h);
        // the height the legend's rows and the banner's lines take, once CSS has sized them
        double drawn = Math.max(height, content.getLayoutBounds().getMaxY() + 12);
        double s = Math.max(0.05, Math.min(w / width, h / drawn));
        scale.setX(s);
        scale.setY(s);
        content.setLayoutX(Math.max(0, (w - width * s) / 2));
        content.setLayoutY(0);
    }

    @Override
    protected double computePrefWidth(double h) {
        return width * 0.8;
    }

    @Override
    protected double computePrefHeight(double w) {
        return height * 0.8;
    }
}
