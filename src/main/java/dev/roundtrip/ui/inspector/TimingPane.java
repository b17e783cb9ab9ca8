package dev.roundtrip.ui.inspector;

import dev.roundtrip.text.Units;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Timing tab: the five stages as a waterfall, like a browser's network panel. */
public final class TimingPane extends VBox {
    private final GridPane grid = new GridPane();
    private final Label total = new Label();
    private final InspectorViewModel vm;

    public TimingPane(InspectorViewModel vm) {
        this.vm = vm;
        setId("timing-pane");
        getStyleClass().add("inspector-pane");
        setPadding(new Insets(8, 12, 8, 12));
        setSpacing(8);
        total.getStyleClass().add("inspector-caption");
        dev.roundtrip.ui.util.WholeText.of(total);
        grid.setHgap(14);
        grid.setVgap(8);
        ColumnConstraints name = new ColumnConstraints(110);
        ColumnConstraints bars = new ColumnConstraints();
        bars.setHgrow(Priority.ALWAYS);
        ColumnConstraints figures = new ColumnConstraints(110);
        grid.getColumnConstraints().addAll(name, bars, figures);
        getChildren().addAll(total, grid);
        vm.waterfall().addListener((ListChangeListener<WaterfallRow>) c -> render());
        vm.totalNanosProperty().addListener((o, a, b) -> render());
        render();
        dev.roundtrip.ui.util.Language.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
    }

    /** The total is written again in the new language at a switch. */
    private final javafx.beans.InvalidationListener relabel = o -> render();

    private void render() {
        grid.getChildren().clear();
        long span = Math.max(1, vm.totalNanosProperty().get());
        for (WaterfallRow r : vm.waterfall()) span = Math.max(span, r.offsetNanos() + Math.max(0, r.durationNanos()));
        total.setText(vm.waterfall().isEmpty() ? InspectorViewModel.T.get("timing.none")
                : InspectorViewModel.T.get("timing.total", Units.duration(vm.totalNanosProperty().get())));
        int row = 0;
        for (WaterfallRow r : vm.waterfall()) {
            Label name = new Label(r.stage().wireName());
            name.getStyleClass().add("waterfall-name");
            Pane lane = new Pane();
            lane.getStyleClass().add("waterfall-lane");
            lane.setMinHeight(24);
            lane.setPrefHeight(24);
            Region bar = new Region();
            bar.getStyleClass().addAll("waterfall-bar", "stage-" + r.stage().wireName());
            if (r.failed()) bar.getStyleClass().add("error");
            if (r.current()) bar.getStyleClass().add("current");
            bar.setManaged(false);
            long start = r.offsetNanos();
            long dur = Math.max(0, r.durationNanos());
            final long fspan = span;
            lane.widthProperty().addListener((o, a, w) -> bar.resizeRelocate(w.doubleValue() * start / fspan, 2,
                    Math.max(4, w.doubleValue() * dur / fspan), 20));
            bar.resizeRelocate(lane.getWidth() * start / fspan, 2, Math.max(4, lane.getWidth() * dur / fspan), 20);
            lane.getChildren().add(bar);
            Label fig = new Label((r.failed() ? "⚠ " : "") + r.label());
            fig.getStyleClass().add("waterfall-figure");
            fig.setAlignment(Pos.CENTER_RIGHT);
            grid.addRow(row++, name, lane, fig);
        }
    }
}
