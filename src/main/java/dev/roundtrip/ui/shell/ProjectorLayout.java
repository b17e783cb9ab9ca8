package dev.roundtrip.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Whether the window uses its projector layout, and what gives way in it. The app picks it by itself
 * below {@link #BELOW_WIDTH} pixels of width (the 1280 and 1024 of school projectors); the View menu
 * forces it on a wider screen. In it the request pane is narrower and, while the lesson panel is
 * open, folds into a strip: the diagram keeps the width its readable text needs.
 */
public final class ProjectorLayout {
    public static final double BELOW_WIDTH = 1400;
    /** The lesson panel's content is made to fit this width and more. */
    public static final double MIN_LESSON_PANEL = 320;
    /** The folded request pane's strip (its width in MainView.fxml). */
    static final double STRIP = 48;

    private final DoubleProperty windowWidth = new SimpleDoubleProperty(Double.MAX_VALUE);
    private final BooleanProperty forced = new SimpleBooleanProperty(false);
    private final BooleanProperty lessonPanelShown = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper automatic = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper requestPaneFolded = new ReadOnlyBooleanWrapper();
    private final DoubleProperty readableDiagramWidth = new SimpleDoubleProperty(800);

    public ProjectorLayout() {
        automatic.bind(windowWidth.lessThan(BELOW_WIDTH));
        on.bind(forced.or(automatic));
        requestPaneFolded.bind(on.and(lessonPanelShown));
    }

    /**
     * How wide the lesson panel is in a window {@code window} pixels wide: about a third of it (wider
     * when zoomed); in the projector layout what the diagram leaves at its readable width, and never
     * less than {@link #MIN_LESSON_PANEL}.
     */
    public double lessonPanelWidth(double window, double zoom) {
        double most = Math.min(720, window * 0.4);
        double want = on.get() ? window - STRIP - readableDiagramWidth.get() : window * 0.3 * Math.max(1, Math.sqrt(zoom));
        return Math.max(MIN_LESSON_PANEL, Math.min(most, want));
    }

    /** The width the diagram needs to draw every exchange whole across at its smallest readable text. */
    public DoubleProperty readableDiagramWidthProperty() { return readableDiagramWidth; }

    /** The window's width, as laid out. */
    public DoubleProperty windowWidthProperty() { return windowWidth; }
    /** Asked for from the View menu (on a screen wide enough not to need it). */
    public BooleanProperty forcedProperty() { return forced; }
    /** The lesson panel is open beside the diagram (not folded into its own strip). */
    public BooleanProperty lessonPanelShownProperty() { return lessonPanelShown; }
    /** The window is narrow enough to need the projector layout whatever the menu says. */
    public ReadOnlyBooleanProperty automaticProperty() { return automatic.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty onProperty() { return on.getReadOnlyProperty(); }
    /** The request pane is a strip at the left edge: the lesson panel has its place. */
    public ReadOnlyBooleanProperty requestPaneFoldedProperty() { return requestPaneFolded.getReadOnlyProperty(); }
}
