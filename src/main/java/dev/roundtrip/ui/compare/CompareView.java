package dev.roundtrip.ui.compare;

import dev.roundtrip.ui.util.Language;
import dev.roundtrip.ui.diagram.SequenceDiagram;
import dev.roundtrip.ui.export.Theme;
import dev.roundtrip.ui.shell.MainView;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Re-send's result: the recorded exchange and the new one as two sequence diagrams side by side
 * (the same {@link SequenceDiagram} as the main window, shown at the end), and under them a table of
 * what differs. One window, reused by every re-send; it does not block the main window.
 */
public final class CompareView {
    private final ResendViewModel vm;
    private final BorderPane root = new BorderPane();
    private final SequenceDiagram before = new SequenceDiagram();
    private final SequenceDiagram after = new SequenceDiagram();
    private final TableView<ResendViewModel.Row> table = new TableView<>();
    private Stage stage;

    public CompareView(ResendViewModel vm) {
        this.vm = vm;
        root.getStyleClass().addAll("main-view", "compare-view");
        root.getStylesheets().addAll(Theme.STYLESHEET, MainView.class.getResource("MainView.css").toExternalForm(),
                CompareView.class.getResource("CompareView.css").toExternalForm());
        Label state = new Label();
        state.setId("compareState");
        state.getStyleClass().add("compare-state");
        state.setWrapText(true);
        state.textProperty().bind(vm.stateProperty());
        state.setGraphic(new FontIcon("mdi2c-compare-horizontal"));
        state.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(state, Priority.ALWAYS);
        javafx.scene.control.Button close = new javafx.scene.control.Button();
        Language.bind(close.textProperty(), ResendViewModel.T, "close");
        close.setId("compareClose");
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        close.setGraphic(new FontIcon("mdi2c-close"));
        javafx.scene.control.Tooltip closeTip = new javafx.scene.control.Tooltip();
        Language.bind(closeTip.textProperty(), ResendViewModel.T, "close.tooltip");
        close.setTooltip(closeTip);
        close.setOnAction(e -> { if (stage != null) stage.hide(); });
        HBox top = new HBox(8, state, close);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 12, 8, 12));
        root.setTop(top);
        HBox diagrams = new HBox(8, column(vm.originalLabelProperty(), before, "compareBefore"),
                column(vm.resentLabelProperty(), after, "compareAfter"));
        diagrams.setPadding(new Insets(0, 8, 0, 8));
        buildTable();
        SplitPane split = new SplitPane(diagrams, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        root.setCenter(split);
        vm.originalProperty().addListener((o, a, x) -> before.showWhole(x));
        vm.resentProperty().addListener((o, a, x) -> after.showWhole(x));
        before.showWhole(vm.originalProperty().get());
        after.showWhole(vm.resentProperty().get());
    }

    private static VBox column(javafx.beans.value.ObservableValue<String> title, SequenceDiagram d, String id) {
        Label l = new Label();
        l.textProperty().bind(title);
        l.getStyleClass().add("pane-title");
        l.setWrapText(true);
        d.setId(id);
        VBox.setVgrow(d, Priority.ALWAYS);
        VBox box = new VBox(4, l, d);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPrefWidth(100); // both halves share the width equally
        return box;
    }

    private void buildTable() {
        table.setId("compareTable");
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        Language.bind(placeholder.textProperty(), ResendViewModel.T, "table.placeholder");
        table.setPlaceholder(placeholder);
        table.getColumns().add(column("column.what", ResendViewModel.Row::what, 190));
        table.getColumns().add(column("column.recorded", ResendViewModel.Row::recorded, 260));
        table.getColumns().add(column("column.now", ResendViewModel.Row::now, 260));
        TableColumn<ResendViewModel.Row, String> change = column("column.change", ResendViewModel.Row::change, 200);
        change.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
            }
        });
        table.getColumns().add(change);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ResendViewModel.Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("differs");
                if (!empty && r != null && r.differs()) getStyleClass().add("differs");
            }
        });
    }

    private static TableColumn<ResendViewModel.Row, String> column(String titleKey, java.util.function.Function<ResendViewModel.Row, String> f, double width) {
        TableColumn<ResendViewModel.Row, String> c = new TableColumn<>();
        Language.bind(c.textProperty(), ResendViewModel.T, titleKey);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** Shows the window (created on first use) next to {@code owner}, with the owner's theme classes. */
    public void show(Window owner, Theme theme) {
        root.getStyleClass().removeAll(Theme.STYLE_CLASSES);
        root.getStyleClass().addAll(theme.styleClasses());
        if (stage == null) {
            stage = new Stage();
            Language.bind(stage.titleProperty(), ResendViewModel.T, "title");
            double w = owner == null ? 1400 : Math.max(900, owner.getWidth() * 0.9);
            double h = owner == null ? 900 : Math.max(600, owner.getHeight() * 0.9);
            Scene scene = new Scene(root, w, h);
            scene.setOnKeyPressed(e -> { if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) stage.hide(); });
            stage.setScene(scene);
            if (owner != null) {
                stage.initOwner(owner);
                stage.setX(owner.getX() + (owner.getWidth() - w) / 2);
                stage.setY(owner.getY() + (owner.getHeight() - h) / 2);
            }
        }
        stage.show();
        stage.toFront();
    }

    public BorderPane root() { return root; }
    public SequenceDiagram before() { return before; }
    public SequenceDiagram after() { return after; }
    public TableView<ResendViewModel.Row> table() { return table; }
    public Stage stage() { return stage; }
}
