package dev.roundtrip.ui.recordings;

import dev.roundtrip.ui.util.Language;
import dev.roundtrip.ui.util.BuiltWhenWanted;
import dev.roundtrip.ui.util.OnDemandTooltip;
import dev.roundtrip.ui.shell.MainViewModel;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The strips under the toolbar: the session selector (Live or a replay, with a banner that makes a
 * replay unmistakable), the offer to restore an autosave left by a crash, and notices (progress of a
 * big file, a file that could not be opened with the exact reason). None of them is modal.
 */
final class SessionBars {
    private final SessionViewModel sessions;
    private final MainViewModel main;
    private final VBox box = new VBox();

    SessionBars(SessionViewModel sessions, MainViewModel main) {
        this.sessions = sessions;
        this.main = main;
        box.getChildren().addAll(restoreBar(), noticeBar());
        // the session bar (its selector's list included, ~30 nodes) joins the window when first shown: hidden
        // in the projector layout until there is a replay, it still cost the first frame CSS and layout
        BuiltWhenWanted.add(box, 0, sessionBarShown(), this::sessionBar);
        box.getStylesheets().add(SessionBars.class.getResource("SessionBars.css").toExternalForm());
    }

    VBox node() {
        return box;
    }

    private VBox sessionBar() {
        Label title = new Label();
        Language.bind(title.textProperty(), SessionViewModel.T, "bar.session");
        title.getStyleClass().add("toolbar-label");
        title.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<Session> selector = new ComboBox<>(sessions.sessions());
        selector.setId("sessionBox");
        help(selector, "bar.session.tooltip");
        selector.valueProperty().bindBidirectional(sessions.currentProperty());
        selector.setPrefWidth(380);
        selector.setMinWidth(Region.USE_PREF_SIZE); // the banner gives way, never the session's name
        selector.setFocusTraversable(false);
        Label banner = new Label();
        banner.setId("sessionBanner");
        banner.getStyleClass().add("session-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setMinWidth(0);
        banner.setWrapText(true); // a narrow window gets two lines, never "…"
        HBox.setHgrow(banner, Priority.ALWAYS);
        Button back = button("bar.backToLive");
        back.setId("backToLiveButton");
        back.setGraphic(new FontIcon("mdi2a-access-point"));
        back.setOnAction(e -> sessions.currentProperty().set(sessions.sessions().get(0)));
        Button close = button("bar.closeReplay");
        close.setId("closeReplayButton");
        close.setGraphic(new FontIcon("mdi2c-close"));
        help(close, "bar.closeReplay.tooltip");
        close.setOnAction(e -> sessions.closeCurrent());
        keepWords(back, close);
        for (Button b : new Button[] {back, close}) {
            b.setFocusTraversable(false);
            b.visibleProperty().bind(main.replayingProperty().and(Bindings.size(sessions.sessions()).greaterThan(1)));
            b.managedProperty().bind(b.visibleProperty());
        }
        Region gap = new Region();
        HBox row = new HBox(8, title, selector, banner, gap, back, close);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(4, row);
        bar.setId("sessionBar");
        // a projector's narrow window gives the banner a line of its own below the selector and buttons
        Runnable place = () -> {
            boolean below = main.layout().onProperty().get();
            row.getChildren().remove(banner);
            bar.getChildren().remove(banner);
            if (below) bar.getChildren().add(banner);
            else row.getChildren().add(2, banner);
            HBox.setHgrow(gap, below ? Priority.ALWAYS : Priority.NEVER);
        };
        main.layout().onProperty().addListener((o, a, b) -> place.run());
        place.run();
        bar.visibleProperty().bind(sessionBarShown());
        bar.managedProperty().bind(bar.visibleProperty());
        bar.getStyleClass().add("session-bar");
        Runnable relabelBanner = () -> {
            Session shown = sessions.current();
            banner.setText(shown != null && shown.isCapture()
                    ? SessionViewModel.T.get("bar.banner.capture", shown.port().describe())
                    : main.replayingProperty().get()
                    ? SessionViewModel.T.get("bar.banner.replay")
                    : SessionViewModel.T.get("bar.banner.live", main.livePort().describe()));
        };
        // the live port says "Server starting…" until the engine is up: the status line changes then, and the banner with it
        main.statusProperty().addListener((o, a, b) -> relabelBanner.run());
        Runnable update = () -> {
            boolean replay = main.replayingProperty().get();
            bar.getStyleClass().remove("replaying");
            if (replay) bar.getStyleClass().add("replaying");
            banner.setGraphic(new FontIcon(replay ? "mdi2r-replay" : "mdi2a-access-point"));
            relabelBanner.run();
            // the selector's cells show each session's name in the language in use
            selector.setButtonCell(new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(Session s, boolean empty) {
                    super.updateItem(s, empty);
                    // the orange bar and its banner say "replay": the selector shows the name alone, the list and tooltip all of it
                    setText(empty || s == null ? null : s.isLive() || s.isCapture() ? s.toString() : s.name());
                    setTooltip(empty || s == null ? null : new Tooltip(s.toString()));
                }
            });
        };
        relabel = o -> update.run();
        Language.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        main.replayingProperty().addListener((o, a, b) -> update.run());
        sessions.currentProperty().addListener((o, a, b) -> update.run());
        update.run();
        return bar;
    }

    /** The projector layout needs the height for the diagram: the session bar shows there once there is a choice. */
    private javafx.beans.binding.BooleanBinding sessionBarShown() {
        return main.layout().onProperty().not().or(Bindings.size(sessions.sessions()).greaterThan(1));
    }

    /** The banner and selector are written again at a language switch. */
    private javafx.beans.InvalidationListener relabel;

    private static Button button(String key) {
        Button b = new Button();
        Language.bind(b.textProperty(), SessionViewModel.T, key);
        return b;
    }

    private static void help(javafx.scene.control.Control c, String key) {
        OnDemandTooltip.install(c, () -> SessionViewModel.T.get(key));
    }

    /** A button keeps its words: the bar's text wraps or shrinks first, never a button to "…". */
    private static void keepWords(Button... buttons) {
        for (Button b : buttons) b.setMinWidth(Region.USE_PREF_SIZE);
    }

    private HBox restoreBar() {
        Label text = new Label();
        text.setId("restoreText");
        text.textProperty().bind(sessions.restoreOffer().leftoverTextProperty());
        text.setWrapText(true);
        text.setGraphic(new FontIcon("mdi2b-backup-restore"));
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button restore = button("bar.restore");
        restore.setId("restoreButton");
        restore.getStyleClass().add("accent");
        restore.setOnAction(e -> sessions.restoreOffer().restoreLeftover());
        Button discard = button("bar.discard");
        discard.setId("discardButton");
        help(discard, "bar.discard.tooltip");
        discard.setOnAction(e -> sessions.restoreOffer().discardLeftover());
        Button later = button("bar.dismiss");
        later.setId("dismissButton");
        help(later, "bar.dismiss.tooltip");
        later.setOnAction(e -> sessions.restoreOffer().dismissLeftover());
        text.setMinWidth(0);
        keepWords(restore, discard, later);
        HBox bar = new HBox(8, text, restore, discard, later);
        bar.setId("restoreBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().addAll("notice-bar", "notice-restore");
        bar.visibleProperty().bind(sessions.restoreOffer().leftoverProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private HBox noticeBar() {
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("fileProgress");
        progress.setPrefWidth(160);
        progress.visibleProperty().bind(sessions.notices().busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label text = new Label();
        text.setId("noticeText");
        text.setWrapText(true);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.textProperty().bind(Bindings.when(sessions.notices().busyProperty()).then(sessions.notices().busyTextProperty()).otherwise(sessions.notices().noticeProperty()));
        FontIcon icon = new FontIcon("mdi2i-information-outline");
        text.setGraphic(icon);
        Button close = new Button();
        close.setId("noticeClose");
        close.setGraphic(new FontIcon("mdi2c-close"));
        help(close, "bar.notice.close.tooltip");
        close.setOnAction(e -> sessions.notices().clear());
        close.setFocusTraversable(false);
        HBox bar = new HBox(8, progress, text, close);
        bar.setId("noticeBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("notice-bar");
        bar.visibleProperty().bind(sessions.notices().busyProperty().or(sessions.notices().noticeProperty().isNotEmpty()));
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setMinHeight(Region.USE_PREF_SIZE);
        Runnable kind = () -> {
            boolean error = !sessions.notices().busyProperty().get() && sessions.notices().kindProperty().get() == NoticeViewModel.Kind.ERROR;
            bar.getStyleClass().removeAll("notice-error", "notice-info");
            bar.getStyleClass().add(error ? "notice-error" : "notice-info");
            icon.setIconLiteral(error ? "mdi2a-alert-circle" : "mdi2i-information-outline");
        };
        sessions.notices().kindProperty().addListener((o, a, b) -> kind.run());
        sessions.notices().busyProperty().addListener((o, a, b) -> kind.run());
        kind.run();
        return bar;
    }

    /** For the Open Recent menu: the file name first, the folder after it. */
    static String recentLabel(Path p) {
        Path dir = p.getParent();
        return p.getFileName() + (dir == null ? "" : "  —  " + dir);
    }
}
