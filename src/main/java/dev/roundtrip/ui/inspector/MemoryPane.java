package dev.roundtrip.ui.inspector;

import dev.roundtrip.ui.util.Language;
import dev.roundtrip.text.Units;
import dev.roundtrip.trace.MemoryReadout;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Memory tab: heap and direct memory now, bytes allocated per stage, heap over recent exchanges. */
public final class MemoryPane extends HBox {
    private final Label heap = new Label();
    private final Label direct = new Label();
    private final XYChart.Series<String, Number> allocated = new XYChart.Series<>();
    private final XYChart.Series<String, Number> history = new XYChart.Series<>();

    public MemoryPane(InspectorViewModel vm) {
        setId("memory-pane");
        getStyleClass().add("inspector-pane");
        setSpacing(16);
        setPadding(new Insets(8, 12, 8, 12));
        heap.setId("heap-label");
        heap.getStyleClass().add("big-figure");
        direct.getStyleClass().add("big-figure");
        Label allocation = new Label();
        allocation.setId("allocation-label");
        allocation.setWrapText(true);
        allocation.textProperty().bind(vm.allocationCaptionProperty());
        Label note = new Label();
        Language.bind(note.textProperty(), InspectorViewModel.T, "memory.note");
        note.getStyleClass().add("muted");
        VBox figures = new VBox(8, heap, direct, allocation, note);
        figures.setMinWidth(260);
        // the figures wrap rather than end in "…"; taller than the tab, they scroll (the tab is a ScrollPane)
        for (Label l : java.util.List.of(heap, direct, note)) l.setWrapText(true);
        figures.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        BarChart<String, Number> byStage = new BarChart<>(new CategoryAxis(), new NumberAxis());
        Language.bind(byStage.titleProperty(), InspectorViewModel.T, "memory.byStage");
        byStage.setLegendVisible(false);
        byStage.setAnimated(false);
        byStage.getData().add(allocated);
        byStage.setId("allocated-chart");
        LineChart<String, Number> heapChart = new LineChart<>(new CategoryAxis(), new NumberAxis());
        Language.bind(heapChart.titleProperty(), InspectorViewModel.T, "memory.history");
        heapChart.setLegendVisible(false);
        heapChart.setAnimated(false);
        heapChart.getData().add(history);
        heapChart.setId("heap-chart");
        for (javafx.scene.chart.XYChart<?, ?> c : java.util.List.of(byStage, heapChart)) {
            c.setMinHeight(170);
            c.setPrefHeight(200);
        }
        HBox.setHgrow(byStage, Priority.ALWAYS);
        HBox.setHgrow(heapChart, Priority.ALWAYS);
        getChildren().addAll(figures, byStage, heapChart);

        vm.memoryProperty().addListener((o, a, m) -> showNow(m));
        // built when the tab is first shown: the charts start from what the view model holds then
        vm.allocatedByStage().addListener((ListChangeListener<StageAmount>) c -> showAllocated(vm));
        vm.memoryHistory().addListener((ListChangeListener<MemoryPoint>) c -> showHistory(vm));
        showAllocated(vm);
        showHistory(vm);
        showNow(vm.memoryProperty().get());
        relabel = o -> showNow(vm.memoryProperty().get());
        Language.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
    }

    /** The figures are written again in the new language at a switch. */
    private final javafx.beans.InvalidationListener relabel;

    private void showAllocated(InspectorViewModel vm) {
        allocated.getData().clear();
        for (StageAmount s : vm.allocatedByStage()) {
            // an unmeasured stage gets no bar rather than a zero
            if (s.bytes() != null) allocated.getData().add(new XYChart.Data<>(s.stage().wireName(), s.bytes() / 1024.0));
        }
    }

    private void showHistory(InspectorViewModel vm) {
        history.getData().clear();
        for (MemoryPoint p : vm.memoryHistory()) history.getData().add(new XYChart.Data<>("#" + p.exchangeId(), p.heapMiB()));
    }

    private void showNow(MemoryReadout m) {
        String none = InspectorViewModel.T.get("memory.notMeasured");
        heap.setText(InspectorViewModel.T.get("memory.heap", m == null ? none : Units.bytes(m.heapUsed())));
        direct.setText(InspectorViewModel.T.get("memory.direct", m == null ? none : Units.bytes(m.directUsed())));
    }
}
