package dev.roundtrip.ui.lessons;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.lesson.Lesson;
import dev.roundtrip.lesson.LessonLibrary;
import dev.roundtrip.lesson.LessonSet;
import dev.roundtrip.lesson.ProgressStore;
import dev.roundtrip.lesson.StepRun;
import dev.roundtrip.ui.diagram.queue.QueueDiagram;
import dev.roundtrip.ui.exchanges.ExchangeRow;
import dev.roundtrip.ui.shell.KeyBinding;
import dev.roundtrip.ui.shell.LabPort;
import dev.roundtrip.ui.shell.LiveLabPort;
import dev.roundtrip.ui.shell.StartingLabPort;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.shell.MainViewModel;
import dev.roundtrip.ui.util.BackgroundTasks;
import dev.roundtrip.ui.util.FontSize;
import dev.roundtrip.ui.util.Language;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Puts lessons into the main window: the Lessons menu, the browser, the lesson panel on the right
 * (collapsible), the queue diagram of lesson 12 in place of the HTTP diagram, and the step's focus
 * (glowing lifelines and stage rows, the inspector tab that holds the readout). The lesson drives the
 * window's own live lab, so its exchanges are listed, selected and animated like any other, and the
 * gates it sets show in the Run/Step controls.
 */
public final class LessonPlayer {
    public static final double BASE_FONT = 17;

    private final MainView view;
    private final MainViewModel main;
    private final LessonPanelViewModel vm;
    /** Built when first needed or right after the first frame: its FXML was a third of binding the window before it. */
    private LessonPanelView panel;
    private final LessonBrowserViewModel browserVm;
    private final LessonFocusView focus;
    private final VBox collapsedStrip;
    private final CheckMenuItem panelItem = new CheckMenuItem();
    private final AnimationTimer timer;
    /** Lesson files, progress, and putting the engine back when a lesson closes: in order, off the FX thread. */
    private final BackgroundTasks files = BackgroundTasks.serial("lesson-files");
    private LessonBrowserView browser;
    private boolean collapsed;

    static final String STYLESHEET = LessonPlayer.class.getResource("LessonPanelView.css").toExternalForm();

    private LessonPlayer(MainView view, java.util.concurrent.CompletableFuture<Lab> lab, Supplier<ProgressStore> store, Supplier<LessonSet> lessons) {
        this.view = view;
        this.main = view.viewModel();
        this.vm = LessonPanelViewModel.onStartingLab(lab, store, files, Platform::runLater);
        this.browserVm = new LessonBrowserViewModel(lessons, store, files, Platform::runLater);
        this.collapsedStrip = strip();
        this.focus = new LessonFocusView(view);
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                // the first frame is drawn: the panel is built while the class looks at it, not before
                if (panel == null) Platform.runLater(LessonPlayer.this::panel);
                vm.pollQueue();
                focus.refresh();
            }
        };
    }

    /** Adds lessons to a freshly loaded main view; lessons run only when its port is a live lab. */
    public static LessonPlayer attach(MainView view) {
        LabPort port = view.viewModel().livePort();
        // the app's engine may still be starting: a lesson opened meanwhile waits for it
        java.util.concurrent.CompletableFuture<Lab> lab = port instanceof LiveLabPort live ? java.util.concurrent.CompletableFuture.completedFuture(live.lab())
                : port instanceof StartingLabPort starting ? starting.lab() : null;
        LessonPlayer p = new LessonPlayer(view, lab, once(ProgressStore::forUser), LessonLibrary::load);
        p.install();
        return p;
    }

    /** One store per window, read when first needed (never at startup: it is a file). */
    private static Supplier<ProgressStore> once(Supplier<ProgressStore> make) {
        ProgressStore[] made = new ProgressStore[1];
        return () -> {
            synchronized (made) {
                if (made[0] == null) made[0] = make.get();
                return made[0];
            }
        };
    }

    public static LessonPlayer attach(MainView view, Lab lab, Supplier<ProgressStore> store, Supplier<LessonSet> lessons) {
        LessonPlayer p = new LessonPlayer(view, lab == null ? null : java.util.concurrent.CompletableFuture.completedFuture(lab), store, lessons);
        p.install();
        return p;
    }

    public LessonPanelViewModel viewModel() {
        return vm;
    }

    public LessonBrowserViewModel browserViewModel() {
        return browserVm;
    }

    /** The lesson panel, built on first use: no lesson is open in the first frame. */
    public LessonPanelView panel() {
        if (panel != null) return panel;
        panel = LessonPanelView.load(vm);
        panel.onCollapse(() -> setCollapsed(true));
        panel.onClose(this::closeLesson);
        panel.onNext(this::next);
        LessonAccess.apply(panel.root(), collapsedStrip, vm);
        applyZoom(main.zoomProperty().get());
        return panel;
    }

    public QueueDiagram queueDiagram() {
        return focus.queueDiagram();
    }

    private BorderPane root() {
        return view.root();
    }

    private void install() {
        MenuBar bar = view.menuBar();
        int help = bar.getMenus().size();
        for (int i = 0; i < bar.getMenus().size(); i++) if (bar.getMenus().get(i) == view.helpMenu()) help = i;
        bar.getMenus().add(help, menu());
        vm.openProperty().addListener((o, a, open) -> {
            if (!open) return;
            // the panel's rules join the window's when a lesson first opens: the first frame matches none of them
            if (!root().getStylesheets().contains(STYLESHEET)) root().getStylesheets().add(STYLESHEET);
            setCollapsed(false);
        });
        vm.focusProperty().addListener((o, a, f) -> focus.apply(f));
        vm.gatesProperty().addListener((o, a, g) -> { if (g != null && vm.openProperty().get()) main.gates().showGates(g.mode(), g.breakpoints()); });
        vm.latestExchangeProperty().addListener((o, a, id) -> { if (id.longValue() >= 0) main.select(id.longValue()); });
        vm.queueProperty().addListener((o, a, q) -> focus.setQueue(q));
        vm.stepTextProperty().addListener((o, a, t) -> { if (!t.isEmpty()) vm.session().ifPresent(s -> main.say(vm.stepStatus(s))); });
        main.zoomProperty().addListener((o, a, z) -> applyZoom(z.doubleValue()));
        applyZoom(main.zoomProperty().get());
        root().widthProperty().addListener((o, a, w) -> fitWidth());
        // Page Down / Page Up (what a presenter's clicker sends) go through the lesson wherever the focus is
        view.keys().registerWhileTyping(KeyBinding.LESSON_NEXT, this::next, () -> vm.openProperty().get());
        view.keys().registerWhileTyping(KeyBinding.LESSON_BACK, vm::back, () -> vm.openProperty().get());
        view.onLanguageChange(this::languageChanged);
        timer.start();
    }

    /**
     * The panel's chrome follows by itself; the step's texts are made again, the lessons are read again in
     * the new language (the open one at the same step), the browser is built anew when next opened.
     */
    private void languageChanged() {
        vm.languageChanged();
        browserVm.languageChanged();
        reloadLanguage();
        if (browser != null && !browser.stage().isShowing()) browser = null;
    }

    private Menu menu() {
        Menu m = new Menu();
        Language.bind(m.textProperty(), LessonPanelViewModel.T, "menu");
        m.setId("lessonsMenu");
        MenuItem browse = KeyBinding.BROWSE_LESSONS.menuItem("mdi2s-school-outline", this::browse);
        browse.setId("browseLessons");
        MenuItem next = KeyBinding.LESSON_NEXT.menuItem("mdi2a-arrow-right-bold", this::next);
        MenuItem back = KeyBinding.LESSON_BACK.menuItem("mdi2a-arrow-left-bold", vm::back);
        MenuItem hint = KeyBinding.LESSON_HINT.menuItem("mdi2l-lightbulb-on-outline", vm::hint);
        next.disableProperty().bind(vm.canNextProperty().not());
        back.disableProperty().bind(vm.canBackProperty().not());
        hint.disableProperty().bind(vm.moreHintsProperty().not());
        KeyBinding.LESSON_PANEL.applyTo(panelItem, () -> setCollapsed(!panelItem.isSelected()));
        panelItem.disableProperty().bind(vm.openProperty().not());
        MenuItem reset = item("menu.reset", "mdi2r-restart", vm::reset);
        reset.disableProperty().bind(vm.openProperty().not().or(vm.runningProperty()));
        MenuItem close = item("menu.close", "mdi2c-close", this::closeLesson);
        close.disableProperty().bind(vm.openProperty().not());
        MenuItem results = item("menu.results", "mdi2f-file-export-outline", () -> panel().exportResults());
        results.disableProperty().bind(vm.openProperty().not());
        m.getItems().addAll(browse, new SeparatorMenuItem(), next, back, hint, new SeparatorMenuItem(), panelItem, reset, results, close);
        return m;
    }

    private static MenuItem item(String key, String icon, Runnable action) {
        MenuItem i = new MenuItem(null, new FontIcon(icon));
        Language.bind(i.textProperty(), LessonPanelViewModel.T, key);
        i.setOnAction(e -> action.run());
        return i;
    }

    /** A slim bar at the window's right edge while the panel is hidden: one click brings it back. */
    private VBox strip() {
        Button show = new Button("", new FontIcon("mdi2c-chevron-double-left"));
        show.setId("showLessonPanel");
        KeyBinding.LESSON_PANEL.bindHelp(show, () -> LessonPanelViewModel.T.get("strip.tooltip"));
        show.setFocusTraversable(false);
        show.setOnAction(e -> setCollapsed(false));
        javafx.scene.control.Label l = new javafx.scene.control.Label();
        Language.bind(l.textProperty(), LessonPanelViewModel.T, "strip.label");
        l.setRotate(90);
        l.getStyleClass().add("lesson-strip-label");
        javafx.scene.Group g = new javafx.scene.Group(l);
        VBox box = new VBox(18, show, g);
        box.setAlignment(Pos.TOP_CENTER);
        box.getStyleClass().add("lesson-strip");
        return box;
    }

    public void browse() {
        if (browser == null) {
            browser = new LessonBrowserView(browserVm, root().getScene() == null ? null : root().getScene().getWindow(), this::open);
            LessonAccess.browser(browser);
        }
        browser.show(main.themeProperty().get(),
                LessonPlayer.BASE_FONT * main.zoomProperty().get());
    }

    public LessonBrowserView browser() {
        return browser;
    }

    /** Opens a lesson where the user left it; its actions up to there run on the lab's worker. */
    public CompletableFuture<StepRun> open(Lesson lesson) {
        panel();
        followNewest();
        if (!vm.canRun()) {
            CompletableFuture<StepRun> refused = vm.open(lesson);
            main.say(vm.problemProperty().get());
            return refused;
        }
        if (vm.openProperty().get()) setCollapsed(false); // another lesson replaces the open one
        return report(vm.open(lesson));
    }

    /**
     * After {@code Texts.use(...)}: reads the lessons again in the language in use (the browser's list
     * too) and shows the open lesson translated, at the step it is on (its actions do not run again).
     * Completes on the FX thread once shown.
     */
    public CompletableFuture<Void> reloadLanguage() {
        return browserVm.reload().thenRun(() -> {
            String open = vm.lessonIdProperty().get();
            if (!open.isEmpty()) browserVm.lesson(open).ifPresent(vm::retell);
        });
    }

    public CompletableFuture<StepRun> next() {
        if (!vm.canNextProperty().get()) return CompletableFuture.completedFuture(null);
        followNewest();
        return report(vm.next());
    }

    private CompletableFuture<StepRun> report(CompletableFuture<StepRun> f) {
        f.whenComplete((r, e) -> {
            if (e != null) Platform.runLater(() -> main.say(LessonPanelViewModel.T.get("actionFailed", rootMessage(e))));
        });
        return f;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) e = e.getCause();
        return e.getMessage() == null ? e.toString() : e.getLocalizedMessage();
    }

    /** The lesson's new exchanges must be drawn as they come: follow the newest again. */
    private void followNewest() {
        List<ExchangeRow> rows = main.exchanges();
        if (!rows.isEmpty() && main.selectedIdProperty().get() != rows.get(rows.size() - 1).id()) main.select(rows.get(rows.size() - 1).id());
    }

    public void closeLesson() {
        vm.closeLesson();
        root().setRight(null);
        main.gates().showGates(dev.roundtrip.gate.GateMode.RUN, java.util.Set.of());
        main.say(LessonPanelViewModel.T.get("closed"));
    }

    public void setCollapsed(boolean c) {
        collapsed = c;
        if (!vm.openProperty().get()) {
            root().setRight(null);
            return;
        }
        root().setRight(c ? collapsedStrip : panel().root());
        panelItem.setSelected(!c);
    }

    public boolean isCollapsed() {
        return collapsed;
    }

    private void applyZoom(double z) {
        String font = FontSize.style(BASE_FONT * z);
        if (panel != null) panel.root().setStyle(font);
        collapsedStrip.setStyle(font);
        fitWidth();
    }

    /** As wide as the window's layout says (a 1280-pixel projector still shows the diagram). */
    private void fitWidth() {
        if (panel == null) return;
        double w = root().getWidth() > 0 ? root().getWidth() : 1920;
        double width = main.layout().lessonPanelWidth(w, main.zoomProperty().get());
        panel.root().setMinWidth(Math.min(320, width));
        panel.root().setPrefWidth(width);
        panel.root().setMaxWidth(width);
    }

    /** Stops the frame timer and closes the lesson now, leaving the engine as the lesson found it. */
    public void stop() {
        timer.stop();
        vm.closeNow();
        files.close(2);
    }
}
