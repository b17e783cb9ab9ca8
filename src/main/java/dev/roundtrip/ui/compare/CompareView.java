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
        VBox recorded = column(vm.originalLabelProperty(), before, "compareBefore");
        VBox now = column(vm.resentLabelProperty(), after, "compareAfter");
        javafx.scene.layout.StackPane diagrams = new javafx.scene.layout.StackPane();
        diagrams.setId("compareDiagrams");
        diagrams.setPadding(new Insets(0, 8, 0, 8));
        // side by side where both fit at readable text, else one at a time in two tabs
        diagrams.widthProperty().addListener((o, a, w) -> arrange(diagrams, recorded, now, sideBySide(w.doubleValue())));
        arrange(diagrams, recorded, now, true);
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

    /** Room for both diagrams at their narrowest readable width (and the gaps): about 1330 pixels. */
    static final double SIDE_BY_SIDE = 2 * SequenceDiagram.NARROW_PIXELS + 32;

    /** Whether two diagrams fit side by side in {@code width} pixels, each at 14 px text, none panning. */
    static boolean sideBySide(double width) {
        return width >= SIDE_BY_SIDE;
    }

    private boolean shownSideBySide;

    private void arrange(javafx.scene.layout.StackPane space, VBox recorded, VBox now, boolean both) {
        if (both == shownSideBySide && !space.getChildren().isEmpty()) return;
        shownSideBySide = both;
        space.getChildren().clear();
        if (both) {
            HBox row = new HBox(8, recorded, now);
            space.getChildren().add(row);
            return;
        }
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(tab("column.recorded", recorded), tab("column.now", now));
        tabs.setId("compareTabs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        space.getChildren().add(tabs);
    }

    private static javafx.scene.control.Tab tab(String titleKey, VBox content) {
        javafx.scene.control.Tab t = new javafx.scene.control.Tab();
        Language.bind(t.textProperty(), ResendViewModel.T, titleKey);
        t.setContent(content);
        return t;
    }

    /** Whether the two diagrams stand side by side now (else in tabs). */
    public boolean isSideBySide() {
        return shownSideBySide;
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
        table.getColumns().add(column("column.change", ResendViewModel.Row::change, 200));
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
        // a long header value wraps onto more lines of its row, never cut to "…"
        c.setCellFactory(col -> new TableCell<>() {
            {
                setWrapText(true);
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
            }
        });
        return c;
    }

    /** Shows the window (created on first use) next to {@code owner}, with the owner's theme classes. */
    public void show(Window owner, Theme theme) {
        root.getStyleClass().removeAll(Theme.STYLE_CLASSES);
        root.getStyleClass().addAll(theme.styleClasses());
        if (stage == null) {
            stage = new Stage();
            Language.bind(stage.titleProperty(), ResendViewModel.T, "title");
            // never larger than the screen (a 1024x768 projector)
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            double w = Math.min(screen.getWidth(), owner == null ? 1400 : Math.max(900, owner.getWidth() * 0.9));
            double h = Math.min(screen.getHeight(), owner == null ? 900 : Math.max(600, owner.getHeight() * 0.9));
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
