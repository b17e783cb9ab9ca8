package dev.roundtrip.ui.shell;

import dev.roundtrip.text.Texts;
import dev.roundtrip.ui.composer.ComposerView;
import dev.roundtrip.ui.diagram.SequenceDiagram;
import dev.roundtrip.ui.exchanges.ExchangeListView;
import dev.roundtrip.ui.export.PngExport;
import dev.roundtrip.ui.export.Theme;
import dev.roundtrip.ui.gates.GatesView;
import dev.roundtrip.ui.inspector.InspectorTab;
import dev.roundtrip.ui.inspector.InspectorView;
import dev.roundtrip.ui.lessons.LessonPlayer;
import dev.roundtrip.ui.playback.PlaybackView;
import dev.roundtrip.ui.util.BackgroundTasks;
import dev.roundtrip.ui.util.FontSize;
import dev.roundtrip.ui.util.FxmlTexts;
import dev.roundtrip.ui.util.Language;
import dev.roundtrip.ui.util.Shown;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The main window: composes the feature views (composer, exchange list, gates, diagram, playback,
 * inspector; recordings and lessons attach themselves), applies theme, zoom and presenter view, and
 * pulls the recording once per frame. Wiring only: the state is in {@link MainViewModel}.
 */
public final class MainView {
    public static final double BASE_FONT = 15;

    @FXML private BorderPane root;
    @FXML private VBox topBox;
    @FXML private MenuBar menuBar;
    @FXML private Menu fileMenu;
    @FXML private Menu exchangeMenu;
    @FXML private Menu helpMenu;
    @FXML private Menu languageMenu;
    @FXML private RadioMenuItem lightItem;
    @FXML private RadioMenuItem darkItem;
    @FXML private RadioMenuItem contrastItem;
    @FXML private CheckMenuItem presenterItem;
    @FXML private CheckMenuItem projectorItem;
    @FXML private ToolBar toolBar;
    @FXML private Button sendButton;
    @FXML private Button cancelButton;
    @FXML private ToggleButton presenterToggle;
    @FXML private Label zoomLabel;
    @FXML private VBox leftPane;
    @FXML private VBox requestStrip;
    @FXML private SplitPane centerSplit;
    @FXML private SequenceDiagram diagram;
    @FXML private Label statusLabel;
    @FXML private Label messageLabel;
    @FXML private ComposerView composerController;
    @FXML private ExchangeListView exchangeListController;
    @FXML private GatesView gatesBoxController;
    @FXML private PlaybackView playbackBarController;
    @FXML private InspectorView inspectorTabsController;

    static final Texts.Bundle T = Texts.of("dev.roundtrip.ui.shell.Texts");

    private final KeyActions keys = new KeyActions();
    private final List<Runnable> languageListeners = new ArrayList<>();
    private LanguageSetting languageSetting = LanguageSetting.forUser();
    private final BackgroundTasks files = BackgroundTasks.serial("png-export");
    private MainViewModel vm;
    private AnimationTimer timer;
    private LessonPlayer lessons;

    /** Loads the FXML and binds it to {@code vm}. */
    public static MainView load(MainViewModel vm) {
        MainView view = loadUnbound();
        view.bind(vm);
        return view;
    }

    /**
     * The window's controls from FXML, in the language in use, bound to nothing yet. May run off the
     * FX thread (nothing here is in a shown scene): the app does it while the engine starts.
     * {@link #bind} on the FX thread completes it.
     */
    public static MainView loadUnbound() {
        FXMLLoader loader = FxmlTexts.loader(MainView.class.getResource("MainView.fxml"));
        FxmlTexts.load(loader);
        return loader.getController();
    }

    public BorderPane root() { return root; }
    public SequenceDiagram diagram() { return diagram; }
    public MainViewModel viewModel() { return vm; }
    public InspectorView inspector() { return inspectorTabsController; }
    /** What each key does in this window; features add theirs. */
    public KeyActions keys() { return keys; }
    /** The Lessons menu, browser and panel. */
    public LessonPlayer lessons() { return lessons; }

    // where the parts that add themselves to the window (recordings, lessons) go
    public MenuBar menuBar() { return menuBar; }
    public Menu fileMenu() { return fileMenu; }
    public Menu exchangeMenu() { return exchangeMenu; }
    public Menu helpMenu() { return helpMenu; }
    public Menu languageMenu() { return languageMenu; }
    public VBox topBox() { return topBox; }
    public ToolBar toolBar() { return toolBar; }
    public SplitPane centerSplit() { return centerSplit; }

    /** Binds the controls of {@link #loadUnbound} to {@code vm}, once. Call on the FX thread. */
    public MainView bind(MainViewModel vm) {
        if (this.vm != null) throw new IllegalStateException("this window is bound already");
        this.vm = vm;
        composerController.bind(vm.composer());
        exchangeListController.bind(vm.exchangeList(), vm.selectedIdProperty(), vm::select);
        gatesBoxController.bind(vm.gates(), vm.replayingProperty());
        exchangeMenu.getItems().addAll(gatesBoxController.menuItems());
        playbackBarController.bind(vm.playback(), vm.stageTextProperty(), vm::stepBack, vm::togglePlaying, vm::stepForward);
        inspectorTabsController.bind(vm.inspector(), vm::probeSelected);
        statusLabel.textProperty().bind(vm.statusProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        vm.scriptProperty().addListener((o, a, s) -> diagram.setScript(s));
        vm.zoomProperty().addListener((o, a, z) -> applyZoom(z.doubleValue()));
        applyZoom(vm.zoomProperty().get());
        root.getStylesheets().add(0, Theme.STYLESHEET);
        bindThemes();
        vm.presenterProperty().addListener((o, a, on) -> applyPresenter(on));
        vm.readoutWantedProperty().addListener((o, a, w) -> applyPresenter(vm.presenterProperty().get()));
        bindLayout(vm.layout());
        applyPresenter(vm.presenterProperty().get());
        sendButton.disableProperty().set(!vm.port().canSend());
        cancelButton.disableProperty().bind(vm.selectedIdProperty().lessThan(0).or(vm.replayingProperty()));
        KeyBinding.applyToMenus(menuBar.getMenus());
        KeyBinding.addKeysToTooltips(toolBar.getItems());
        registerKeys();
        root.addEventFilter(KeyEvent.KEY_PRESSED, keys::handle);
        // Toolbar buttons take no focus: a click must not leave Space bound to that button, and every
        // one of them has a menu item with a shortcut.
        toolBar.getItems().forEach(n -> n.setFocusTraversable(false));
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                renderNow(now);
            }
        };
        LanguageMenu.fill(languageMenu, this::useLanguage);
        lessons = LessonPlayer.attach(this);
        dev.roundtrip.ui.access.ControlNames.apply(root); // icon-only buttons, fields without a label: a name a screen reader says
        dev.roundtrip.ui.access.KeyboardPath.apply(root); // a focus ring for the projector, no trap in the request's text areas
        return this;
    }

    /**
     * Switches the whole window to {@code language} at once and keeps the session: the bound texts
     * follow by themselves, the view models recompute theirs, the choice is saved for the next start.
     */
    public void useLanguage(java.util.Locale language) {
        Language.use(language);
        LanguageMenu.select(languageMenu, Texts.locale());
        applyZoom(vm.zoomProperty().get());
        languageListeners.forEach(Runnable::run);
        vm.languageChanged(); // last: its message says which language the window now speaks
        LanguageSetting setting = languageSetting;
        java.util.Locale chosen = Texts.locale();
        files.run(() -> {
            try {
                setting.save(chosen);
            } catch (IOException e) {
                Platform.runLater(() -> vm.say(T.get("language.notSaved", e.getMessage())));
            }
        });
    }

    /** Runs after each language switch (a feature's view model recomputes the texts it made). */
    public void onLanguageChange(Runnable r) {
        languageListeners.add(r);
    }

    /** Where the language choice is kept (tests give their own file). */
    public void setLanguageSetting(LanguageSetting s) {
        languageSetting = s;
    }

    /** The keys that need more than a menu accelerator: typing keys and alternates (see {@link KeyActions}). */
    private void registerKeys() {
        keys.register(KeyBinding.PLAY_PAUSE, vm::togglePlaying);
        keys.register(KeyBinding.STEP, vm::stepForward);
        keys.register(KeyBinding.STEP_BACK, vm::stepBack);
        keys.register(KeyBinding.FASTER, this::faster);
        keys.register(KeyBinding.SLOWER, this::slower);
        keys.register(KeyBinding.ZOOM_IN, vm::zoomIn);
        keys.register(KeyBinding.ZOOM_OUT, vm::zoomOut);
        keys.register(KeyBinding.ZOOM_RESET, vm::zoomReset);
    }

    private void bindThemes() {
        ToggleGroup themes = new ToggleGroup();
        lightItem.setToggleGroup(themes);
        darkItem.setToggleGroup(themes);
        contrastItem.setToggleGroup(themes);
        lightItem.setOnAction(e -> vm.themeProperty().set(Theme.LIGHT));
        darkItem.setOnAction(e -> vm.themeProperty().set(Theme.DARK));
        contrastItem.setOnAction(e -> vm.themeProperty().set(Theme.HIGH_CONTRAST));
        vm.themeProperty().addListener((o, a, t) -> applyTheme(t));
        applyTheme(vm.themeProperty().get());
    }

    /** The projector layout follows the window's width (and the View menu), and makes room for the lesson panel. */
    private void bindLayout(ProjectorLayout layout) {
        layout.windowWidthProperty().bind(root.widthProperty());
        layout.readableDiagramWidthProperty().set(diagram.prefWidth(-1));
        root.rightProperty().addListener((o, a, r) -> layout.lessonPanelShownProperty().set(r != null && r.getStyleClass().contains("lesson-panel")));
        projectorItem.selectedProperty().bind(layout.onProperty());
        projectorItem.disableProperty().bind(layout.automaticProperty());
        projectorItem.setOnAction(e -> layout.forcedProperty().set(!layout.forcedProperty().get()));
        layout.onProperty().addListener((o, a, on) -> applyLayout());
        // a feature's button added later (Re-send) folds too
        toolBar.getItems().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>) c -> foldToolbarWords(layout.onProperty().get()));
        layout.requestPaneFoldedProperty().addListener((o, a, f) -> applyPresenter(vm.presenterProperty().get()));
        applyLayout();
    }

    /** Narrower request pane, compact list and toolbar, a larger share for the inspector. */
    private void applyLayout() {
        boolean on = vm.layout().onProperty().get();
        leftPane.setPrefWidth(on ? 352 : 520); // wide: the six columns of the list, each header and "HTTP/1.1" whole
        leftPane.setMinWidth(on ? 300 : 340);
        exchangeListController.setCompact(on);
        gatesBoxController.setCompact(on);
        foldToolbarWords(on);
        if (centerSplit.getItems().size() == 2) centerSplit.setDividerPositions(diagramShare());
    }

    /** Style class of a toolbar button that shows only its icon in the projector layout (its words stay in the tooltip). */
    public static final String FOLDS = "folds-in-projector";

    /**
     * In the projector layout the buttons marked {@link #FOLDS} (Cancel, Re-send) show their icon
     * alone: with German, French or Spanish words the toolbar would overflow a 1024-pixel screen.
     */
    private void foldToolbarWords(boolean on) {
        for (javafx.scene.Node n : toolBar.getItems()) {
            if (n instanceof javafx.scene.control.ButtonBase b && b.getStyleClass().contains(FOLDS)) {
                b.setContentDisplay(on ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY : javafx.scene.control.ContentDisplay.LEFT);
            }
        }
    }

    /** The diagram's share of the height above the inspector: less on a projector, where hex rows need room too. */
    private double diagramShare() {
        return vm.layout().onProperty().get() ? 0.62 : 0.7;
    }

    private void applyZoom(double z) {
        diagram.setZoom(z);
        zoomLabel.setText(T.get("zoom", Math.round(z * 100)));
        String font = FontSize.style(BASE_FONT * z);
        inspectorTabsController.root().setStyle(font);
        exchangeListController.table().setStyle(font);
    }

    /**
     * Presenter view hides the panels; the inspector stays while a lesson step points at one of its tabs.
     * Otherwise the request pane is on the left, or its strip while the projector layout folds it.
     */
    private void applyPresenter(boolean on) {
        // both stay in the scene graph (a lesson's highlight on the list must find it to take it off)
        boolean folded = vm.layout().requestPaneFoldedProperty().get();
        Shown.set(leftPane, !on && !folded);
        Shown.set(requestStrip, !on && folded);
        diagram.setFit(on ? SequenceDiagram.Fit.WIDTH : SequenceDiagram.Fit.TYPICAL_EXCHANGE);
        TabPane inspectorTabs = inspectorTabsController.root();
        boolean inspector = !on || vm.readoutWantedProperty().get();
        if (!inspector) centerSplit.getItems().remove(inspectorTabs);
        else if (!centerSplit.getItems().contains(inspectorTabs)) {
            centerSplit.getItems().add(inspectorTabs);
            centerSplit.setDividerPositions(diagramShare());
        }
        presenterItem.setSelected(on);
        presenterToggle.setSelected(on);
    }

    private void applyTheme(Theme t) {
        Application.setUserAgentStylesheet(t.userAgentStylesheet());
        root.getStyleClass().removeAll(Theme.STYLE_CLASSES);
        root.getStyleClass().addAll(t.styleClasses());
        lightItem.setSelected(t == Theme.LIGHT);
        darkItem.setSelected(t == Theme.DARK);
        contrastItem.setSelected(t == Theme.HIGH_CONTRAST);
    }

    public void start() {
        timer.start();
        // the keys start on the exchange list, not on the toolbar's overflow button (where Enter would
        // open it) nor in a text field (where Space and Page Down belong to the text)
        Platform.runLater(() -> exchangeListController.table().requestFocus());
    }

    public void stop() {
        timer.stop();
        if (lessons != null) lessons.stop();
        files.close(2);
    }

    /** Draws the current state at once, without waiting for a frame (tests, snapshots). */
    public void renderNow(long nowNanos) {
        vm.frame(nowNanos);
        diagram.setPosition(vm.playback().currentStep(), vm.playback().stepProgress());
    }

    // --- actions (menus, buttons, keys) ---

    @FXML void send() { vm.send(); }
    @FXML void cancel() { vm.cancelSelected(); }
    @FXML void probe() { vm.probeSelected(); }
    @FXML void togglePlay() { vm.togglePlaying(); }
    @FXML void stepForward() { vm.stepForward(); }
    @FXML void stepBack() { vm.stepBack(); }
    @FXML void faster() { vm.playback().faster(); }
    @FXML void slower() { vm.playback().slower(); }
    @FXML void togglePresenter() { vm.togglePresenter(); }
    /** The folded request pane's strip: the request pane comes back, the lesson panel folds. */
    @FXML void showRequestPane() { lessons.setCollapsed(true); }
    @FXML void zoomIn() { vm.zoomIn(); }
    @FXML void zoomOut() { vm.zoomOut(); }
    @FXML void zoomReset() { vm.zoomReset(); }
    @FXML void showBytes() { inspectorTabsController.show(InspectorTab.BYTES); }
    @FXML void showBuffers() { inspectorTabsController.show(InspectorTab.BUFFERS); }
    @FXML void showMemory() { inspectorTabsController.show(InspectorTab.MEMORY); }
    @FXML void showTiming() { inspectorTabsController.show(InspectorTab.TIMING); }

    private dev.roundtrip.ui.realtime.RealtimeView realtime;

    /** View > Compare real-time updates: one window, reused, on this port's lab. */
    @FXML
    public void compareRealtime() {
        if (realtime == null) {
            realtime = new dev.roundtrip.ui.realtime.RealtimeView(new dev.roundtrip.ui.realtime.RealtimeComparisonViewModel(
                    dev.roundtrip.ui.realtime.RealtimeComparisonViewModel.on(vm.port().engine()), Platform::runLater));
        }
        realtime.show(window(), vm.themeProperty().get());
    }

    /** The real-time comparison's window, once opened (tests). */
    public dev.roundtrip.ui.realtime.RealtimeView realtimeView() { return realtime; }
    @FXML void nextTheme() { vm.nextTheme(); }
    @FXML void showShortcuts() { ShortcutsHelp.show(window()); }
    @FXML void quit() { if (window() != null) window().hide(); }

    @FXML
    public void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(T.get("exportPng.title"));
        chooser.setInitialFileName("exchange-" + Math.max(0, vm.selectedIdProperty().get()) + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(T.get("exportPng.filter"), "*.png"));
        File f = chooser.showSaveDialog(window());
        if (f != null) exportTo(f);
    }

    /** Snapshots the diagram now, writes the file off the FX thread, reports in the status bar. */
    public void exportTo(File f) {
        var image = PngExport.snapshot(diagram);
        files.run(() -> {
            try {
                PngExport.write(image, f.toPath());
                Platform.runLater(() -> vm.say(T.get("exportPng.done", f)));
            } catch (IOException ex) {
                Platform.runLater(() -> vm.say(T.get("exportPng.failed", f, ex.getMessage())));
            }
        });
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** A scene for this view with the app's default size. */
    public Scene scene(double width, double height) {
        return new Scene(root, width, height);
    }
}
