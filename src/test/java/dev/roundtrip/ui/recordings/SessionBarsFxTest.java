package dev.roundtrip.ui.recordings;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.ui.Fixtures;
import dev.roundtrip.ui.MonocleScreen;
import dev.roundtrip.ui.TempHome;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.shell.MainViewModel;
import dev.roundtrip.ui.shell.ReplayPort;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The session bar joins the window when first shown: at a projector's 1280 pixels it is hidden until
 * there is a replay, so it is not in the first scene; a wider window brings it, above the restore and
 * notice bars, where it always was, and from then on it hides and shows itself.
 */
@ExtendWith(ApplicationExtension.class)
class SessionBarsFxTest {
    private Stage stage;
    private MainView view;
    private RecordingSessions recordings;
    private TempHome home;

    @Start
    void start(Stage primary) throws Exception {
        home = TempHome.use(Files.createTempDirectory("roundtrip-home"));
        fx(() -> MonocleScreen.set(1600, 900)); // room to widen the window past the projector layout
    }

    /** A window of its own: the width set here must not stay with the next test's window. */
    private void show(int width, int height) {
        view = fx(() -> {
            stage = new Stage();
            MainView v = MainView.load(new MainViewModel(new ReplayPort(Fixtures.classroom(), "fixtures")));
            recordings = RecordingSessions.install(v);
            stage.setScene(v.scene(width, height));
            stage.show();
            v.start();
            return v;
        });
    }

    @AfterEach
    void stop() {
        fx(() -> {
            if (view != null) {
                recordings.close();
                view.stop();
                stage.close();
            }
            MonocleScreen.reset();
        });
        home.restore();
    }

    private Node bar(String id) {
        return fx(() -> view.root().lookup("#" + id));
    }

    /** The bars in the window, top to bottom. */
    private List<String> barsInOrder() {
        return fx(() -> ((javafx.scene.Parent) view.root().lookup("#noticeBar").getParent()).getChildrenUnmodifiable().stream().map(Node::getId).toList());
    }

    @Test
    void theSessionBarIsBuiltWhenFirstShownAboveTheOtherBars() {
        show(1280, 720);
        waitUntil("the projector layout at 1280 pixels", () -> view.viewModel().layout().onProperty().get());
        assertThat(bar("sessionBar")).as("the session bar, hidden at 1280 pixels, is not in the first scene").isNull();
        assertThat(barsInOrder()).containsExactly("restoreBar", "noticeBar");

        fx(() -> stage.setWidth(1600));
        waitUntil("a wide window shows the session bar", () -> bar("sessionBar") != null && bar("sessionBar").isVisible());
        assertThat(fx(() -> ((Label) bar("sessionBanner")).getText())).as("its banner says what is shown").isNotBlank();
        assertThat(barsInOrder()).as("above the other bars, where it always was").containsExactly("sessionBar", "restoreBar", "noticeBar");

        fx(() -> stage.setWidth(1280));
        waitUntil("the projector layout hides it again", () -> !bar("sessionBar").isVisible());
        assertThat(bar("sessionBar")).as("once built it stays").isNotNull();
    }

    @Test
    void aWideWindowHasItsSessionBarInItsFirstFrame() {
        // built while the window is shown, before the first pulse styles and draws it: it does not pop in
        boolean beforeTheFirstPulse = fx(() -> {
            stage = new Stage();
            view = MainView.load(new MainViewModel(new ReplayPort(Fixtures.classroom(), "fixtures")));
            recordings = RecordingSessions.install(view);
            stage.setScene(view.scene(1600, 900));
            stage.show();
            Node bar = view.root().lookup("#sessionBar");
            return bar != null && bar.isVisible();
        });
        assertThat(beforeTheFirstPulse).as("the session bar is in the window when show() returns").isTrue();
        assertThat(barsInOrder()).containsExactly("sessionBar", "restoreBar", "noticeBar");
    }

    @Test
    void theLiveBannerSaysWhereTheServerIsOnceItHasStarted() {
        java.util.concurrent.CompletableFuture<dev.roundtrip.ui.shell.LiveLabPort> engine = new java.util.concurrent.CompletableFuture<>();
        dev.roundtrip.ui.shell.StartingLabPort port = new dev.roundtrip.ui.shell.StartingLabPort(engine);
        try {
            view = fx(() -> {
                stage = new Stage();
                MainView v = MainView.load(new MainViewModel(port));
                recordings = RecordingSessions.install(v);
                stage.setScene(v.scene(1600, 900));
                stage.show();
                v.start();
                return v;
            });
            Label banner = (Label) bar("sessionBanner");
            assertThat(fx(banner::getText)).contains("Server starting");
            dev.roundtrip.ui.shell.LiveLabPort live = dev.roundtrip.ui.shell.LiveLabPort.start();
            engine.complete(live);
            fx(() -> view.viewModel().engineChanged()); // as the app does when its engine is up
            waitUntil("the banner names the server's port", () -> banner.getText().contains("Server on 127.0.0.1:" + live.lab().port()));
        } finally {
            port.close();
        }
    }
}
