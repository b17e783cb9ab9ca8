package dev.roundtrip.ui.lessons;

import dev.roundtrip.lesson.Lesson;
import dev.roundtrip.ui.export.Theme;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.util.FontSize;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Lessons → Browse: every lesson with its number, title, level, goals and the user's progress; the
 * errors of lesson files that did not load are listed below, with file and line. Enter or a double
 * click opens the selected lesson.
 */
public final class LessonBrowserView {
    private final LessonBrowserViewModel vm;
    private final Consumer<Lesson> onOpen;
    private final Stage stage = new Stage();
    private final ListView<LessonBrowserViewModel.Row> list = new ListView<>();
    private final TextArea errors = new TextArea();
    private final VBox root;

    public LessonBrowserView(LessonBrowserViewModel vm, Window owner, Consumer<Lesson> onOpen) {
        this.vm = vm;
        this.onOpen = onOpen;
        Label title = new Label(LessonPanelViewModel.T.get("browser.title"), new FontIcon("mdi2s-school-outline"));
        title.getStyleClass().add("browser-title");
        Label summary = new Label();
        summary.setId("lessonSummary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("muted");
        list.setId("lessonList");
        list.setItems(vm.rows());
        list.setCellFactory(l -> new LessonCell());
        list.setPlaceholder(new Label(LessonPanelViewModel.T.get("browser.none")));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setOnMouseClicked(e -> { if (e.getClickCount() == 2) openSelected(); });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        Label errorsTitle = new Label(LessonPanelViewModel.T.get("browser.errors"), new FontIcon("mdi2a-alert-circle"));
        errorsTitle.getStyleClass().add("browser-errors-title");
        errors.setId("lessonErrors");
        errors.setEditable(false);
        errors.setWrapText(true);
        errors.setPrefRowCount(4);
        errors.getStyleClass().addAll("mono", "browser-errors");
        VBox errorBox = new VBox(4, errorsTitle, errors);
        errorBox.setId("lessonErrorBox");
        errorBox.visibleProperty().bind(Bindings.isNotEmpty(vm.errors()));
        errorBox.managedProperty().bind(errorBox.visibleProperty());
        vm.errors().addListener((ListChangeListener<String>) c -> errors.setText(String.join("\n", vm.errors())));
        Button open = new Button(LessonPanelViewModel.T.get("browser.open"), new FontIcon("mdi2p-play"));
        open.setId("openLesson");
        open.getStyleClass().add("accent");
        open.setDefaultButton(false);
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected());
        Button close = new Button(LessonPanelViewModel.T.get("browser.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> stage.hide());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, summary, gap, close, open);
        buttons.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(10, title, list, errorBox, buttons);
        root.setPadding(new Insets(14));
        root.getStyleClass().add("lesson-browser");
        // never larger than the screen: a 1280x720 projector shows the title and Open/Close too
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1140, screen.getWidth() * 0.92), Math.min(860, screen.getHeight() * 0.9));
        scene.getStylesheets().addAll(Theme.STYLESHEET, MainView.class.getResource("MainView.css").toExternalForm(),
                LessonBrowserView.class.getResource("LessonPanelView.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(LessonPanelViewModel.T.get("browser.title"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
    }

    /** Shows the browser and (re)reads the lessons and progress off the FX thread. */
    public void show(Theme theme, double fontSize) {
        root.getStyleClass().removeAll(Theme.STYLE_CLASSES);
        root.getStyleClass().addAll(theme.styleClasses());
        root.setStyle(FontSize.style(fontSize));
        vm.reload().thenRun(() -> {
            if (list.getSelectionModel().isEmpty() && !vm.rows().isEmpty()) list.getSelectionModel().select(0);
        });
        stage.show();
        stage.toFront();
        list.requestFocus();
    }

    public Stage stage() {
        return stage;
    }

    private void openSelected() {
        LessonBrowserViewModel.Row r = list.getSelectionModel().getSelectedItem();
        if (r == null) return;
        vm.lesson(r.id()).ifPresent(l -> {
            stage.hide();
            onOpen.accept(l);
        });
    }

    /** A lesson's row: as wide as the list, its title and goals wrapped inside (the list never scrolls sideways). */
    private static final class LessonCell extends ListCell<LessonBrowserViewModel.Row> {
        LessonCell() {
            setPrefWidth(0); // the list lays each cell out at its own width
        }

        @Override
        protected double computePrefHeight(double width) {
            // the wrapped height at the width the list gives: a Labeled asks its graphic for one line's
            if (getGraphic() == null || width < 0) return super.computePrefHeight(width);
            return snappedTopInset() + getGraphic().prefHeight(width - snappedLeftInset() - snappedRightInset()) + snappedBottomInset();
        }

        @Override
        protected void updateItem(LessonBrowserViewModel.Row r, boolean empty) {
            super.updateItem(r, empty);
            setText(null);
            if (empty || r == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            // one element for a screen reader (a list item), its words in one sentence
            setAccessibleText(r.spoken());
            Label number = new Label(r.number());
            number.getStyleClass().add("browser-number");
            Label title = new Label(r.title());
            title.getStyleClass().add("browser-lesson-title");
            title.setWrapText(true);
            HBox top = new HBox(10, number, title);
            top.setAlignment(Pos.BASELINE_LEFT);
            Label level = new Label(LessonPanelViewModel.T.get("level." + r.level()));
            level.getStyleClass().addAll("browser-level", "level-" + r.level());
            level.setMinWidth(Region.USE_PREF_SIZE);
            ProgressBar bar = new ProgressBar(r.completion());
            bar.setPrefWidth(140);
            Label progress = new Label(r.progressText() + (r.completion() > 0 && r.completion() < 1 ? " · " + LessonPanelViewModel.T.get("browser.percent", Math.round(r.completion() * 100)) : "")
                    + "  ·  " + LessonPanelViewModel.T.get("browser.steps", r.steps()));
            progress.getStyleClass().add("browser-progress");
            if (r.completion() >= 1) progress.setGraphic(new FontIcon("mdi2c-check-circle"));
            HBox meta = new HBox(10, level, bar, progress);
            meta.setAlignment(Pos.CENTER_LEFT);
            meta.setPadding(new Insets(0, 0, 0, 44));
            VBox goals = new VBox(1);
            goals.setPadding(new Insets(0, 0, 0, 44));
            for (String g : r.goals()) {
                // the bullet is a node of its own, so a goal's wrapped lines start under its first word
                Label bullet = new Label("•");
                bullet.getStyleClass().add("browser-goal-bullet");
                bullet.setMinWidth(Region.USE_PREF_SIZE);
                Label gl = new Label(g);
                gl.getStyleClass().add("browser-goals");
                gl.setWrapText(true);
                HBox.setHgrow(gl, javafx.scene.layout.Priority.ALWAYS);
                goals.getChildren().add(new HBox(8, bullet, gl));
            }
            VBox box = new VBox(4, top, meta, goals);
            box.setPadding(new Insets(6, 4, 8, 4));
            setGraphic(box);
        }
    }
}
