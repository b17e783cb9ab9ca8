package dev.roundtrip.ui.realtime;

import dev.roundtrip.ui.export.Theme;
import dev.roundtrip.ui.util.Language;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The real-time comparison's window: how many updates, Run and Cancel, and per metric one bar per
 * way with its figure beside it. One window, reused; it does not block the main window.
 */
public final class RealtimeView {
    private final RealtimeComparisonViewModel vm;
    private final BorderPane root = new BorderPane();
    private final VBox sections = new VBox();
    private Stage stage;

    public RealtimeView(RealtimeComparisonViewModel vm) {
        this.vm = vm;
        root.getStyleClass().addAll("main-view", "realtime-view");
        root.getStylesheets().addAll(Theme.STYLESHEET, RealtimeView.class.getResource("/dev/roundtrip/ui/shell/MainView.css").toExternalForm(),
                RealtimeView.class.getResource("RealtimeView.css").toExternalForm());
        root.setTop(controls());
        sections.setId("realtimeSections");
        sections.setPadding(new Insets(4, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setCenter(scroll);
        vm.sections().addListener((javafx.collections.ListChangeListener<RealtimeComparisonViewModel.Section>) c -> draw());
        Language.localeProperty().addListener((o, a, l) -> vm.relabel());
        draw();
    }

    private VBox controls() {
        Label updatesLabel = text("updates.label");
        Spinner<Integer> updates = new Spinner<>(RealtimeComparisonViewModel.MIN_UPDATES, RealtimeComparisonViewModel.MAX_UPDATES,
                vm.updatesProperty().get());
        updates.setId("realtimeUpdates");
        updates.setEditable(true);
        updates.setPrefWidth(100);
        updates.valueProperty().addListener((o, a, v) -> { if (v != null) vm.updatesProperty().set(v); });
        updates.disableProperty().bind(vm.runningProperty());
        updates.setTooltip(tip("updates.tooltip"));
        updatesLabel.setLabelFor(updates);
        Button run = button("realtimeRun", "run", "mdi2p-play");
        run.setTooltip(tip("run.tooltip"));
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> {
            updates.commitValue();
            vm.run();
        });
        Button cancel = button("realtimeCancel", "cancel", "mdi2s-stop");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("realtimeProgress");
        progress.setPrefSize(28, 28);
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(vm.runningProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button close = button("realtimeClose", "close", "mdi2c-close");
        close.setOnAction(e -> { if (stage != null) stage.hide(); });
        HBox bar = new HBox(10, updatesLabel, updates, run, cancel, progress, gap, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("realtimeStatus");
        status.getStyleClass().add("realtime-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("realtimeError");
        error.getStyleClass().add("realtime-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setGraphic(new FontIcon("mdi2a-alert-circle"));
        VBox top = new VBox(8, bar, status, error);
        top.setPadding(new Insets(10, 16, 10, 16));
        return top;
    }

    /** One grid for all metrics, so every bar starts and ends at the same x: the figures' column is as wide as the widest. */
    private void draw() {
        sections.getChildren().clear();
        if (vm.sections().isEmpty()) return;
        GridPane grid = new GridPane();
        grid.setId("realtimeBoard");
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints track = new ColumnConstraints();
        track.setHgrow(Priority.ALWAYS);
        track.setMinWidth(120);
        ColumnConstraints figure = new ColumnConstraints();
        figure.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(name, track, figure);
        int row = 0;
        for (RealtimeComparisonViewModel.Section s : vm.sections()) {
            String metric = s.metric().name().toLowerCase(java.util.Locale.ROOT);
            Label title = new Label(s.title());
            title.setId("realtime-" + metric);
            title.getStyleClass().add("realtime-metric");
            if (row > 0) title.setPadding(new Insets(12, 0, 0, 0));
            grid.add(title, 0, row++, 3, 1);
            Label explanation = new Label(s.explanation());
            explanation.getStyleClass().add("realtime-explanation");
            explanation.setWrapText(true);
            grid.add(explanation, 0, row++, 3, 1);
            for (RealtimeComparisonViewModel.Bar b : s.bars()) {
                grid.addRow(row++, wayName(b), bar(b), figure(b, "realtime-" + metric + "-" + b.way().wireName()));
            }
        }
        sections.getChildren().add(grid);
    }

    private static Label wayName(RealtimeComparisonViewModel.Bar b) {
        Label way = new Label(b.wayName());
        way.getStyleClass().add("realtime-way");
        way.setMinWidth(Region.USE_PREF_SIZE);
        return way;
    }

    /** The bar's length is its fraction of the lane (a sliver for zero, so every way shows a mark). */
    private static StackPane bar(RealtimeComparisonViewModel.Bar b) {
        Region filled = new Region();
        filled.getStyleClass().add("realtime-bar");
        StackPane lane = new StackPane(filled);
        lane.getStyleClass().add("realtime-lane");
        lane.setAlignment(Pos.CENTER_LEFT);
        lane.setMinHeight(20);
        filled.setMinHeight(18);
        filled.maxWidthProperty().bind(lane.widthProperty().multiply(Math.max(b.fraction(), 0.005)));
        filled.prefWidthProperty().bind(filled.maxWidthProperty());
        return lane;
    }

    private static Label figure(RealtimeComparisonViewModel.Bar b, String id) {
        Label fig = new Label(b.figure());
        fig.getStyleClass().add("realtime-figure");
        fig.setMinWidth(Region.USE_PREF_SIZE);
        fig.setId(id);
        return fig;
    }

    private static Label text(String key) {
        Label l = new Label();
        Language.bind(l.textProperty(), RealtimeComparisonViewModel.T, key);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Tooltip tip(String key) {
        Tooltip t = new Tooltip();
        Language.bind(t.textProperty(), RealtimeComparisonViewModel.T, key);
        return t;
    }

    private static Button button(String id, String key, String icon) {
        Button b = new Button();
        b.setId(id);
        Language.bind(b.textProperty(), RealtimeComparisonViewModel.T, key);
        b.setGraphic(new FontIcon(icon));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** Shows the window (created on first use) over {@code owner}, with the owner's theme, never larger than the screen. */
    public void show(Window owner, Theme theme) {
        root.getStyleClass().removeAll(Theme.STYLE_CLASSES);
        root.getStyleClass().addAll(theme.styleClasses());
        if (stage == null) {
            stage = new Stage();
            Language.bind(stage.titleProperty(), RealtimeComparisonViewModel.T, "title");
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            double w = Math.min(screen.getWidth(), 1000);
            double h = Math.min(screen.getHeight(), 700);
            Scene scene = new Scene(root, w, h);
            scene.setOnKeyPressed(e -> { if (e.getCode() == KeyCode.ESCAPE) stage.hide(); });
            stage.setScene(scene);
            if (owner != null) {
                stage.initOwner(owner);
                stage.setX(Math.max(screen.getMinX(), owner.getX() + (owner.getWidth() - w) / 2));
                stage.setY(Math.max(screen.getMinY(), owner.getY() + (owner.getHeight() - h) / 2));
            }
        }
        stage.show();
        stage.toFront();
    }

    public BorderPane root() { return root; }
    public Stage stage() { return stage; }
}
