package dev.roundtrip.ui.inspector;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A bar of a fixed capacity with up to two marked segments: [0, a) and [a, b). For a ByteBuf:
 * read bytes, then readable bytes, then free space; for a kernel queue: the queued bytes.
 */
public final class CapacityBar extends VBox {
    private final Label title = new Label();
    private final Label figures = new Label();
    private final Region track = new Region();
    private final Region first = new Region();
    private final Region second = new Region();
    private final StackPane bar = new StackPane();
    private double capacity = 1;
    private double a;
    private double b;

    /** {@code titleKey}: the title's key in the inspector's bundle. */
    public CapacityBar(String id, String titleKey) {
        setId(id);
        getStyleClass().add("capacity-bar");
        dev.roundtrip.ui.util.Language.bind(title.textProperty(), InspectorViewModel.T, titleKey);
        title.getStyleClass().add("bar-title");
        dev.roundtrip.ui.util.WholeText.of(title);
        dev.roundtrip.ui.util.WholeText.of(figures);
        figures.getStyleClass().add("bar-figures");
        figures.setId(id + "-figures");
        track.getStyleClass().add("bar-track");
        first.getStyleClass().add("bar-first");
        second.getStyleClass().add("bar-second");
        bar.getChildren().addAll(track, first, second);
        bar.setMinHeight(26);
        bar.setPrefHeight(26);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        first.setManaged(false);
        second.setManaged(false);
        bar.widthProperty().addListener((o, x, y) -> place());
        bar.heightProperty().addListener((o, x, y) -> place());
        getChildren().addAll(title, bar, figures);
        setSpacing(3);
    }

    public void show(double capacity, double a, double b, String text) {
        this.capacity = Math.max(1, capacity);
        this.a = Math.max(0, a);
        this.b = Math.max(this.a, b);
        figures.setText(text);
        bar.setVisible(true);
        place();
    }

    /** Nothing measured: say so, never draw a made-up zero. */
    public void unavailable(String text) {
        figures.setText(text);
        bar.setVisible(false);
    }

    public String figuresText() {
        return figures.getText();
    }

    private void place() {
        double w = bar.getWidth();
        double h = bar.getHeight();
        double wa = w * Math.min(1, a / capacity);
        double wb = w * Math.min(1, b / capacity);
        first.resizeRelocate(0, 0, wa, h);
        // a non-empty segment stays visible even when tiny against a large capacity
        double secondW = b > a ? Math.max(3, wb - wa) : 0;
        second.resizeRelocate(wa, 0, secondW, h);
    }
}
