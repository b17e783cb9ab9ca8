package dev.roundtrip.ui.recordings;

import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.ui.compare.CompareView;
import dev.roundtrip.ui.compare.ResendViewModel;
import dev.roundtrip.ui.shell.KeyBinding;
import dev.roundtrip.ui.util.Language;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.shell.MainViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Wires recordings into the main window: the File menu (Open, Open Recent, Close replay, Save, Save
 * As, Export), Exchange → Re-send, a Re-send toolbar button, drag and drop of files, the session
 * bars, and which live-only controls a replay disables. Only wiring: the work is in
 * {@link SessionViewModel} and {@link ResendViewModel}.
 */
final class RecordingMenus {
    private final MainView view;
    private final MainViewModel main;
    private final SessionViewModel sessions;
    private final ResendViewModel resend;
    /** Re-send's window, built when first asked for: two diagrams and a table the first frame does not need. */
    private CompareView compare;
    private final Menu recentMenu = new Menu();
    private File lastFolder;
    /** Kept between uses: the dialog offers the server and port given last. */
    private final CaptureViewModel captureFields = new CaptureViewModel();

    RecordingMenus(MainView view, SessionViewModel sessions, ResendViewModel resend) {
        this.view = view;
        this.main = view.viewModel();
        this.sessions = sessions;
        this.resend = resend;
        fileMenu(view.fileMenu());
        exchangeMenu(view.exchangeMenu());
        toolbar(view.toolBar());
        view.topBox().getChildren().add(new SessionBars(sessions, main).node());
        dragAndDrop(view.root());
        view.onLanguageChange(this::fillRecent);
    }

    CompareView compareView() {
        if (compare == null) compare = new CompareView(resend);
        return compare;
    }

    private void fileMenu(Menu file) {
        MenuItem open = KeyBinding.OPEN.menuItem("mdi2f-folder-open-outline", this::open);
        open.setId("openItem");
        recentMenu.setId("recentMenu");
        Language.bind(recentMenu.textProperty(), SessionViewModel.T, "menu.recent");
        recentMenu.setGraphic(new FontIcon("mdi2h-history"));
        sessions.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent());
        sessions.missingRecentFiles().addListener((SetChangeListener<Path>) c -> fillRecent());
        fillRecent();
        MenuItem capture = item("menu.capture", "mdi2l-lan-connect", this::capture);
        capture.setId("captureItem");
        MenuItem closeReplay = KeyBinding.CLOSE_REPLAY.menuItem("mdi2c-close", sessions::closeCurrent);
        closeReplay.disableProperty().bind(main.replayingProperty().not());
        MenuItem save = KeyBinding.SAVE.menuItem("mdi2c-content-save-outline", this::save);
        MenuItem saveAs = KeyBinding.SAVE_AS.menuItem("mdi2c-content-save-edit-outline", this::saveAs);
        Menu export = new Menu();
        Language.bind(export.textProperty(), SessionViewModel.T, "menu.export");
        export.setGraphic(new FontIcon("mdi2e-export"));
        export.getItems().addAll(
                item("menu.export.har", "mdi2w-web",
                        () -> exportTo(SessionViewModel.T.get("export.har.title"), ".har", "HAR 1.2", sessions::exportHar)),
                item("menu.export.mermaid", "mdi2c-chart-timeline",
                        () -> exportTo(SessionViewModel.T.get("export.mermaid.title"), ".mmd", "Mermaid", sessions::exportMermaid)),
                item("menu.export.plantUml", "mdi2c-chart-timeline",
                        () -> exportTo(SessionViewModel.T.get("export.plantUml.title"), ".puml", "PlantUML", sessions::exportPlantUml)),
                KeyBinding.EXPORT_PNG.menuItem("mdi2f-file-image-outline", view::exportPng));
        file.getItems().addAll(0, List.of(open, recentMenu, capture, closeReplay, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), export, new SeparatorMenuItem()));
    }

    /** Asks for a server of the user's own, starts a capture in front of it off the FX thread, shows it as a session. */
    private void capture() {
        CaptureDialog.ask(view.root().getScene().getWindow(), captureFields).ifPresent(options -> {
            sessions.notices().begin(SessionViewModel.T.get("capture.starting", options.target().describe()));
            Thread t = new Thread(() -> {
                try {
                    dev.roundtrip.capture.CaptureProxy proxy = dev.roundtrip.capture.CaptureProxy.start(options);
                    javafx.application.Platform.runLater(() -> {
                        sessions.notices().end();
                        sessions.addCapture(CaptureViewModel.sessionName(options), new CapturePort(proxy));
                    });
                } catch (java.io.IOException e) {
                    javafx.application.Platform.runLater(() -> {
                        sessions.notices().end();
                        sessions.notices().error(SessionViewModel.T.get("capture.failed", e.getLocalizedMessage()));
                    });
                }
            }, "roundtrip-capture-start");
            t.setDaemon(true);
            t.start();
        });
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : sessions.recentFiles()) {
            MenuItem i = new MenuItem(SessionBars.recentLabel(p));
            i.setMnemonicParsing(false);
            i.setDisable(sessions.missingRecentFiles().contains(p)); // a file that is gone stays listed, greyed
            i.setOnAction(e -> sessions.open(p));
            recentMenu.getItems().add(i);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem(SessionViewModel.T.get("menu.recent.none"));
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    private void exchangeMenu(Menu exchange) {
        MenuItem item = KeyBinding.RESEND.menuItem("mdi2r-replay", this::resend);
        item.setId("resendItem");
        int at = Math.min(2, exchange.getItems().size()); // after Send and Cancel
        exchange.getItems().add(at, item);
    }

    private void toolbar(ToolBar bar) {
        Button b = new Button();
        Language.bind(b.textProperty(), SessionViewModel.T, "resend");
        b.setId("resendButton");
        b.getStyleClass().add(MainView.FOLDS);
        b.setGraphic(new FontIcon("mdi2r-replay"));
        KeyBinding.RESEND.bindHelp(b, () -> SessionViewModel.T.get("resend.tooltip"));
        b.setFocusTraversable(false);
        b.setOnAction(e -> resend());
        b.disableProperty().bind(main.selectedIdProperty().lessThan(0));
        int at = 0;
        for (int i = 0; i < bar.getItems().size(); i++) if ("cancelButton".equals(bar.getItems().get(i).getId())) at = i + 1;
        bar.getItems().add(at, b);
    }

    /** Filters, not handlers: a text area under the pointer must not swallow a dropped file. */
    private void dragAndDrop(Node root) {
        root.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        root.addEventFilter(DragEvent.DRAG_ENTERED, e -> {
            if (e.getDragboard().hasFiles() && !root.getStyleClass().contains("drop-target")) root.getStyleClass().add("drop-target");
        });
        root.addEventFilter(DragEvent.DRAG_EXITED, e -> root.getStyleClass().remove("drop-target"));
        root.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            root.getStyleClass().remove("drop-target");
            if (!e.getDragboard().hasFiles()) return;
            for (File f : e.getDragboard().getFiles()) sessions.open(f.toPath());
            e.setDropCompleted(true);
            e.consume();
        });
    }

    // --- actions ---

    void open() {
        FileChooser chooser = chooser(SessionViewModel.T.get("open.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(SessionViewModel.T.get("open.filter"), "*" + RecordingFiles.EXTENSION, "*.json", "*.har"),
                new FileChooser.ExtensionFilter(SessionViewModel.T.get("open.filter.all"), "*"));
        File f = chooser.showOpenDialog(window());
        if (f == null) return;
        lastFolder = f.getParentFile();
        sessions.open(f.toPath());
    }

    void save() {
        var target = sessions.saveTarget();
        if (target.isPresent()) sessions.saveAs(target.get());
        else saveAs();
    }

    void saveAs() {
        FileChooser chooser = chooser(SessionViewModel.T.get("save.title"));
        chooser.setInitialFileName(sessions.suggestedName(RecordingFiles.EXTENSION));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(SessionViewModel.T.get("save.filter"), "*" + RecordingFiles.EXTENSION));
        File f = chooser.showSaveDialog(window());
        if (f == null) return;
        lastFolder = f.getParentFile();
        sessions.saveAs(f.toPath());
    }

    private void exportTo(String title, String extension, String kind, java.util.function.Function<Path, ?> action) {
        FileChooser chooser = chooser(title);
        chooser.setInitialFileName(sessions.suggestedName(extension));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*" + extension));
        File f = chooser.showSaveDialog(window());
        if (f == null) return;
        lastFolder = f.getParentFile();
        action.apply(f.toPath());
    }

    /** Re-sends the selected exchange of whichever session is shown, and opens the comparison. */
    void resend() {
        var x = main.selected();
        if (x.isEmpty()) {
            main.say(SessionViewModel.T.get("resend.none"));
            return;
        }
        String from = sessions.current().isLive() ? SessionViewModel.T.get("resend.fromLive") : sessions.current().name();
        resend.resend(x.get(), from);
        main.say(SessionViewModel.T.get("resend.busy", String.valueOf(x.get().id()), x.get().request().summary()));
        compareView().show(window(), main.themeProperty().get());
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) c.setInitialDirectory(lastFolder);
        return c;
    }

    private Window window() {
        return view.root().getScene() == null ? null : view.root().getScene().getWindow();
    }

    private static MenuItem item(String key, String icon, Runnable action) {
        MenuItem i = new MenuItem(null, new FontIcon(icon));
        Language.bind(i.textProperty(), SessionViewModel.T, key);
        i.setOnAction(e -> action.run());
        return i;
    }
}
