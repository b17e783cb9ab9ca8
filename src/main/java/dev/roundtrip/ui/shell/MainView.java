package dev.roundtrip.ui.shell;

import dev.roundtrip.ui.composer.ComposerViewModel;
import dev.roundtrip.ui.composer.Preset;
import dev.roundtrip.ui.diagram.DiagramScript;
import dev.roundtrip.ui.diagram.SequenceDiagram;
import dev.roundtrip.ui.exchanges.ExchangeRow;
import dev.roundtrip.ui.export.PngExport;
import dev.roundtrip.ui.inspector.BuffersPane;
import dev.roundtrip.ui.inspector.BytesPane;
import dev.roundtrip.ui.inspector.MemoryPane;
import dev.roundtrip.ui.inspector.TimingPane;
import dev.roundtrip.ui.lessons.LessonPlayer;
import dev.roundtrip.ui.playback.PlaybackViewModel;
import dev.roundtrip.gate.GateMode;
import dev.roundtrip.trace.Stage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's controller: binds controls to {@link MainViewModel} and pulls the recording
 * once per frame. No logic of its own beyond wiring.
 */
public final class MainView {
    public static final double BASE_FONT = 15;

    @FXML private BorderPane root;
    @FXML private Menu breakpointMenu;
    @FXML private Menu fileMenu;
    @FXML private Menu exchangeMenu;
    @FXML private javafx.scene.layout.VBox topBox;
    @FXML private RadioMenuItem runModeItem;
    @FXML private RadioMenuItem stepModeItem;
    @FXML private RadioMenuItem lightItem;
    @FXML private RadioMenuItem darkItem;
    @FXML private RadioMenuItem contrastItem;
    @FXML private Button sendButton;
    @FXML private Button cancelButton;
    @FXML private ToggleButton runToggle;
    @FXML private ToggleButton stepToggle;
    @FXML private HBox breakpointBox;
    @FXML private javafx.scene.control.ToolBar toolBar;
    @FXML private HBox playbackBar;
    @FXML private Label zoomLabel;
    @FXML private ComboBox<String> methodBox;
    @FXML private TextField targetField;
    @FXML private FlowPane presetPane;
    @FXML private CheckBox rawCheck;
    @FXML private TabPane composerTabs;
    @FXML private Tab headersTab;
    @FXML private Tab bodyTab;
    @FXML private Tab rawTab;
    @FXML private TextArea headersArea;
    @FXML private TextArea bodyArea;
    @FXML private TextArea rawArea;
    @FXML private Label composerProblem;
    @FXML private Label rawInfo;
    @FXML private javafx.scene.layout.VBox leftPane;
    @FXML private javafx.scene.control.SplitPane centerSplit;
    @FXML private CheckMenuItem presenterItem;
    @FXML private ToggleButton presenterToggle;
    @FXML private TableView<ExchangeRow> exchangeTable;
    @FXML private TableColumn<ExchangeRow, String> idColumn;
    @FXML private TableColumn<ExchangeRow, String> methodColumn;
    @FXML private TableColumn<ExchangeRow, String> targetColumn;
    @FXML private TableColumn<ExchangeRow, ExchangeRow> statusColumn;
    @FXML private TableColumn<ExchangeRow, String> timeColumn;
    @FXML private SequenceDiagram diagram;
    @FXML private Button playButton;
    @FXML private FontIcon playIcon;
    @FXML private Slider scrubber;
    @FXML private Label stageLabel;
    @FXML private ComboBox<Double> speedBox;
    @FXML private TabPane inspectorTabs;
    @FXML private Tab bytesTab;
    @FXML private Tab buffersTab;
    @FXML private Tab memoryTab;
    @FXML private Tab timingTab;
    @FXML private Label statusLabel;
    @FXML private Label messageLabel;

    private MainViewModel vm;
    private AnimationTimer timer;
    private boolean syncingSelection;
    private LessonPlayer lessons;

    /** Loads the FXML and binds it to {@code vm}. */
    public static MainView load(MainViewModel vm) {
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("MainView.fxml"));
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("MainView.fxml could not be loaded", e);
        }
        MainView view = loader.getController();
        view.bind(vm);
        return view;
    }

    public BorderPane root() {
        return root;
    }

    public SequenceDiagram diagram() {
        return diagram;
    }

    public MainViewModel viewModel() {
        return vm;
    }

    // hooks for the parts that add themselves to the window (RecordingMenus)
    public Menu fileMenu() { return fileMenu; }
    public Menu exchangeMenu() { return exchangeMenu; }
    public javafx.scene.layout.VBox topBox() { return topBox; }
    public javafx.scene.control.ToolBar toolBar() { return toolBar; }

    private void bind(MainViewModel vm) {
        this.vm = vm;
        bindComposer(vm.composer());
        bindModes();
        bindExchanges();
        bindPlayback();
        bindInspector();
        statusLabel.textProperty().bind(vm.statusProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        vm.scriptProperty().addListener((o, a, s) -> diagram.setScript(s));
        vm.zoomProperty().addListener((o, a, z) -> applyZoom(z.doubleValue()));
        applyZoom(vm.zoomProperty().get());
        ToggleGroup themes = new ToggleGroup();
        lightItem.setToggleGroup(themes);
        darkItem.setToggleGroup(themes);
        contrastItem.setToggleGroup(themes);
        lightItem.setOnAction(e -> vm.themeProperty().set(Theme.LIGHT));
        darkItem.setOnAction(e -> vm.themeProperty().set(Theme.DARK));
        contrastItem.setOnAction(e -> vm.themeProperty().set(Theme.HIGH_CONTRAST));
        vm.themeProperty().addListener((o, a, t) -> applyTheme(t));
        vm.presenterProperty().addListener((o, a, on) -> applyPresenter(on));
        applyPresenter(vm.presenterProperty().get());
        applyTheme(vm.themeProperty().get());
        sendButton.disableProperty().set(!vm.port().canSend());
        cancelButton.disableProperty().bind(vm.selectedIdProperty().lessThan(0).or(vm.replayingProperty()));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        // Toolbar buttons take no focus: a click must not leave Space bound to that button, and every
        // one of them has a menu item with a shortcut.
        toolBar.getItems().forEach(n -> n.setFocusTraversable(false));
        playbackBar.getChildren().forEach(n -> { if (!(n instanceof ComboBox)) n.setFocusTraversable(false); });
        lessons = LessonPlayer.attach(this);
    }

    /** The Lessons menu, browser and panel. */
    public LessonPlayer lessons() {
        return lessons;
    }

    private void bindComposer(ComposerViewModel c) {
        methodBox.getItems().setAll(ComposerViewModel.METHODS);
        methodBox.valueProperty().bindBidirectional(c.methodProperty());
        targetField.textProperty().bindBidirectional(c.targetProperty());
        headersArea.textProperty().bindBidirectional(c.headersProperty());
        bodyArea.textProperty().bindBidirectional(c.bodyProperty());
        rawArea.textProperty().bindBidirectional(c.rawTextProperty());
        rawCheck.selectedProperty().bindBidirectional(c.rawModeProperty());
        methodBox.disableProperty().bind(c.rawModeProperty());
        targetField.disableProperty().bind(c.rawModeProperty());
        headersTab.disableProperty().bind(c.rawModeProperty());
        bodyTab.disableProperty().bind(c.rawModeProperty());
        rawTab.disableProperty().bind(c.rawModeProperty().not());
        c.rawModeProperty().addListener((o, a, raw) -> composerTabs.getSelectionModel().select(raw ? rawTab : headersTab));
        composerProblem.textProperty().bind(c.problemProperty());
        composerProblem.managedProperty().bind(c.problemProperty().isNotEmpty());
        rawInfo.textProperty().bind(c.rawSummaryProperty());
        rawInfo.visibleProperty().bind(c.rawModeProperty());
        rawInfo.managedProperty().bind(c.rawModeProperty());
        for (Preset p : c.presets()) {
            Button b = new Button(p.label());
            b.setId("preset-" + p.label().replace("/", "").replace(' ', '-').replaceFirst("^$", "root"));
            b.getStyleClass().addAll("preset", "small");
            b.setTooltip(new Tooltip(p.tooltip()));
            b.setOnAction(e -> c.apply(p));
            presetPane.getChildren().add(b);
        }
        for (TextInputControl t : List.of(targetField, headersArea, bodyArea, rawArea)) keepKeys(t);
    }

    /** Typing a space or moving the caret must not trigger the window's one-key shortcuts. */
    private static void keepKeys(TextInputControl t) {
        t.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() && !e.isAltDown() && isPlainShortcutKey(e.getCode())) e.consume();
        });
    }

    private static boolean isPlainShortcutKey(KeyCode k) {
        return k == KeyCode.SPACE || k == KeyCode.LEFT || k == KeyCode.RIGHT
                || k == KeyCode.OPEN_BRACKET || k == KeyCode.CLOSE_BRACKET;
    }

    private void bindModes() {
        ToggleGroup modes = new ToggleGroup();
        runToggle.setToggleGroup(modes);
        stepToggle.setToggleGroup(modes);
        ToggleGroup modeItems = new ToggleGroup();
        runModeItem.setToggleGroup(modeItems);
        stepModeItem.setToggleGroup(modeItems);
        runToggle.setOnAction(e -> vm.modeProperty().set(GateMode.RUN));
        stepToggle.setOnAction(e -> vm.modeProperty().set(GateMode.STEP));
        runModeItem.setOnAction(e -> vm.modeProperty().set(GateMode.RUN));
        stepModeItem.setOnAction(e -> vm.modeProperty().set(GateMode.STEP));
        for (Stage s : Stage.values()) {
            ToggleButton b = new ToggleButton(s.wireName());
            b.setId("bp-" + s.wireName());
            b.getStyleClass().addAll("breakpoint", "small");
            b.setTooltip(new Tooltip("Breakpoint: hold every exchange before " + s.wireName() + " (Alt+" + (s.ordinal() + 1) + ")"));
            b.setOnAction(e -> vm.toggleBreakpoint(s));
            breakpointBox.getChildren().add(b);
            CheckMenuItem item = new CheckMenuItem("Before " + s.wireName());
            item.setAccelerator(new javafx.scene.input.KeyCodeCombination(KeyCode.valueOf("DIGIT" + (s.ordinal() + 1)),
                    javafx.scene.input.KeyCombination.ALT_DOWN));
            item.setOnAction(e -> vm.toggleBreakpoint(s));
            breakpointMenu.getItems().add(item);
            Runnable sync = () -> {
                boolean on = vm.breakpoints().contains(s);
                b.setSelected(on);
                item.setSelected(on);
            };
            vm.breakpoints().addListener((SetChangeListener<Stage>) ch -> sync.run());
        }
        Runnable syncMode = () -> {
            GateMode m = vm.modeProperty().get();
            runToggle.setSelected(m == GateMode.RUN);
            stepToggle.setSelected(m == GateMode.STEP);
            runModeItem.setSelected(m == GateMode.RUN);
            stepModeItem.setSelected(m == GateMode.STEP);
        };
        vm.modeProperty().addListener((o, a, m) -> syncMode.run());
        syncMode.run();
    }

    private void bindExchanges() {
        exchangeTable.setItems(vm.exchanges());
        idColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(String.valueOf(d.getValue().id())));
        methodColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().method()));
        targetColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().target()));
        timeColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().time()));
        statusColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        statusColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ExchangeRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeIf(s -> s.startsWith("severity-"));
                if (empty || r == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(r.status());
                setGraphic(new FontIcon(SequenceDiagram.severityIcon(r.severity())));
                getStyleClass().add(r.severity().styleClass());
            }
        });
        exchangeTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && !syncingSelection) vm.select(r.id());
        });
        vm.selectedIdProperty().addListener((o, a, id) -> syncSelection());
        vm.exchanges().addListener((javafx.collections.ListChangeListener<ExchangeRow>) ch -> Platform.runLater(this::syncSelection));
    }

    private void syncSelection() {
        long id = vm.selectedIdProperty().get();
        syncingSelection = true;
        try {
            for (int i = 0; i < vm.exchanges().size(); i++) {
                if (vm.exchanges().get(i).id() == id) {
                    if (exchangeTable.getSelectionModel().getSelectedIndex() != i) {
                        exchangeTable.getSelectionModel().select(i);
                        exchangeTable.scrollTo(i);
                    }
                    break;
                }
            }
        } finally {
            syncingSelection = false;
        }
    }

    private void bindPlayback() {
        PlaybackViewModel p = vm.playback();
        scrubber.setMin(0);
        scrubber.maxProperty().bind(p.totalProperty());
        scrubber.valueProperty().bindBidirectional(p.positionProperty());
        speedBox.getItems().setAll(0.25, 0.5, 1.0, 2.0, 4.0);
        speedBox.setCellFactory(l -> new SpeedCell());
        speedBox.setButtonCell(new SpeedCell());
        speedBox.valueProperty().addListener((o, a, v) -> { if (v != null) p.speedProperty().set(v); });
        p.speedProperty().addListener((o, a, v) -> speedBox.setValue(v.doubleValue()));
        speedBox.setValue(p.speedProperty().get());
        p.playingProperty().addListener((o, a, on) -> playIcon.setIconLiteral(on ? "mdi2p-pause" : "mdi2p-play"));
        playIcon.setIconLiteral(p.playingProperty().get() ? "mdi2p-pause" : "mdi2p-play");
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.frame(now);
                diagram.setPosition(p.currentStep(), p.stepProgress());
                stageLabel.setText(stageText());
            }
        };
    }

    private String stageText() {
        DiagramScript s = vm.scriptProperty().get();
        int i = vm.playback().currentStep();
        if (s.heldBefore() != null && (i < 0 || vm.playback().atEnd())) return "held before " + s.heldBefore().wireName();
        if (i < 0 || i >= s.steps().size()) return "";
        return "Stage " + (i + 1) + "/" + s.steps().size() + ": " + s.steps().get(i).stage().wireName();
    }

    private static final class SpeedCell extends ListCell<Double> {
        @Override
        protected void updateItem(Double v, boolean empty) {
            super.updateItem(v, empty);
            setText(empty || v == null ? null : (v == Math.floor(v) ? String.valueOf(v.intValue()) : String.valueOf(v)) + "×");
        }
    }

    private void bindInspector() {
        bytesTab.setContent(new BytesPane(vm.inspector()));
        buffersTab.setContent(scrolling(new BuffersPane(vm.inspector(), vm::probeSelected)));
        memoryTab.setContent(scrolling(new MemoryPane(vm.inspector())));
        timingTab.setContent(scrolling(new TimingPane(vm.inspector())));
        bytesTab.setTooltip(new Tooltip("Hex and text of the request and response (Ctrl+1)"));
        buffersTab.setTooltip(new Tooltip("ByteBuf indexes and kernel socket queues (Ctrl+2)"));
        memoryTab.setTooltip(new Tooltip("Heap, direct buffers, bytes allocated per stage (Ctrl+3)"));
        timingTab.setTooltip(new Tooltip("Waterfall of the five stages (Ctrl+4)"));
    }

    /** Zoomed text must stay reachable: the tab scrolls instead of clipping. */
    private static javafx.scene.control.ScrollPane scrolling(Node content) {
        javafx.scene.control.ScrollPane sp = new javafx.scene.control.ScrollPane(content);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
        sp.getStyleClass().add("edge-to-edge");
        return sp;
    }

    private void applyZoom(double z) {
        diagram.setZoom(z);
        zoomLabel.setText(Math.round(z * 100) + "%");
        String font = String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT * z);
        inspectorTabs.setStyle(font);
        exchangeTable.setStyle(font);
    }

    private void applyPresenter(boolean on) {
        leftPane.setVisible(!on);
        leftPane.setManaged(!on);
        if (on) centerSplit.getItems().remove(inspectorTabs);
        else if (!centerSplit.getItems().contains(inspectorTabs)) {
            centerSplit.getItems().add(inspectorTabs);
            centerSplit.setDividerPositions(0.7);
        }
        presenterItem.setSelected(on);
        presenterToggle.setSelected(on);
    }

    private void applyTheme(Theme t) {
        Application.setUserAgentStylesheet(t == Theme.LIGHT ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
        root.getStyleClass().removeAll("theme-light", "theme-dark", "high-contrast");
        root.getStyleClass().add(t == Theme.LIGHT ? "theme-light" : t == Theme.DARK ? "theme-dark" : "high-contrast");
        if (t == Theme.HIGH_CONTRAST) root.getStyleClass().add("theme-dark");
        lightItem.setSelected(t == Theme.LIGHT);
        darkItem.setSelected(t == Theme.DARK);
        contrastItem.setSelected(t == Theme.HIGH_CONTRAST);
    }

    /** One-key shortcuts work anywhere but in a text field; zoom accepts every usual plus and minus key. */
    private void keys(KeyEvent e) {
        KeyCode k = e.getCode();
        if (e.isShortcutDown() && !e.isAltDown()) {
            if (k == KeyCode.EQUALS || k == KeyCode.PLUS || k == KeyCode.ADD) { vm.zoomIn(); e.consume(); }
            else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) { vm.zoomOut(); e.consume(); }
            else if (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0) { vm.zoomReset(); e.consume(); }
            return;
        }
        if (e.isAltDown() || e.isShiftDown() || !isPlainShortcutKey(k)) return;
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (focus instanceof TextInputControl) return;
        switch (k) {
            case SPACE: togglePlay(); break;
            case RIGHT: stepForward(); break;
            case LEFT: stepBack(); break;
            case CLOSE_BRACKET: faster(); break;
            case OPEN_BRACKET: slower(); break;
            default: return;
        }
        e.consume();
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
        if (lessons != null) lessons.stop();
    }

    /** Draws the current state at once, without waiting for a frame (tests, snapshots). */
    public void renderNow(long nowNanos) {
        vm.frame(nowNanos);
        diagram.setPosition(vm.playback().currentStep(), vm.playback().stepProgress());
        stageLabel.setText(stageText());
    }

    // --- actions (menus, buttons, keys) ---

    @FXML void send() { vm.send(); }
    @FXML void cancel() { vm.cancelSelected(); }
    @FXML void probe() { vm.probeSelected(); }
    @FXML void togglePlay() { vm.togglePlaying(); }
    @FXML void stepForward() { vm.stepForward(); }
    @FXML void stepBack() { vm.stepBack(); }
    @FXML void faster() { vm.playback().speedProperty().set(vm.playback().speedProperty().get() * 2); }
    @FXML void slower() { vm.playback().speedProperty().set(vm.playback().speedProperty().get() / 2); }
    @FXML void togglePresenter() { vm.togglePresenter(); }
    @FXML void zoomIn() { vm.zoomIn(); }
    @FXML void zoomOut() { vm.zoomOut(); }
    @FXML void zoomReset() { vm.zoomReset(); }
    @FXML public void showBytes() { inspectorTabs.getSelectionModel().select(bytesTab); }
    @FXML public void showBuffers() { inspectorTabs.getSelectionModel().select(buffersTab); }
    @FXML public void showMemory() { inspectorTabs.getSelectionModel().select(memoryTab); }
    @FXML public void showTiming() { inspectorTabs.getSelectionModel().select(timingTab); }

    @FXML
    void nextTheme() {
        Theme[] all = Theme.values();
        vm.themeProperty().set(all[(vm.themeProperty().get().ordinal() + 1) % all.length]);
    }

    @FXML
    public void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export diagram as PNG");
        chooser.setInitialFileName("exchange-" + Math.max(0, vm.selectedIdProperty().get()) + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        Window w = root.getScene() == null ? null : root.getScene().getWindow();
        File f = chooser.showSaveDialog(w);
        if (f == null) return;
        exportTo(f);
    }

    /** Snapshots the diagram now, writes the file off the FX thread, reports in the status bar. */
    public void exportTo(File f) {
        var image = PngExport.snapshot(diagram);
        Thread t = new Thread(() -> {
            try {
                PngExport.write(image, f.toPath());
                Platform.runLater(() -> vm.say("Diagram exported to " + f));
            } catch (IOException ex) {
                Platform.runLater(() -> vm.say("Could not export to " + f + ": " + ex.getMessage()));
            }
        }, "png-export");
        t.setDaemon(true);
        t.start();
    }

    @FXML
    void showShortcuts() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.setContentText(String.join("\n",
                "Ctrl+Enter   Send", "Ctrl+.   Cancel the selected exchange", "Ctrl+T / Ctrl+Shift+T   Step mode / Run mode",
                "Alt+1…5   Breakpoint before send, parse, process, respond, interpret",
                "→   Step: release one stage (Step mode) or move one stage on", "←   Step back", "Space   Play / Pause",
                "[ and ]   Slower / faster", "Ctrl++ / Ctrl+- / Ctrl+0   Zoom in / out / actual size",
                "Ctrl+1…4   Bytes, Buffers, Memory, Timing", "F5   Presenter view (diagram only)", "Ctrl+L   Next theme", "Ctrl+E   Export diagram as PNG",
                "Ctrl+O / Ctrl+S / Ctrl+Shift+S   Open / Save / Save as", "Ctrl+W   Close the replay", "Ctrl+R   Re-send and compare",
                "Ctrl+P   Probe kernel queues now", "Ctrl+Shift+L   Browse lessons",
                "Alt+→ / Alt+← (Page Down / Page Up)   Next / previous lesson step", "Ctrl+H   Lesson hint", "F6   Show / hide the lesson panel",
                "Alt   Menus"));
        if (root.getScene() != null) a.initOwner(root.getScene().getWindow());
        a.show();
    }

    @FXML
    void quit() {
        Window w = root.getScene() == null ? null : root.getScene().getWindow();
        if (w != null) w.hide();
    }

    /** A scene for this view with the app's default size. */
    public Scene scene(double width, double height) {
        return new Scene(root, width, height);
    }
}
