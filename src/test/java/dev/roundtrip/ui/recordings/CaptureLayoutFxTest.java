package dev.roundtrip.ui.recordings;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.capture.CaptureOptions;
import dev.roundtrip.capture.CaptureProxy;
import dev.roundtrip.capture.Target;
import dev.roundtrip.ui.LayoutCheck;
import dev.roundtrip.ui.LiveWindow;
import dev.roundtrip.ui.WindowOnScreen;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File → Capture… in front of the app's own server, on a 1280x720 projector: the captured exchange reads in the capture layout. */
@ExtendWith(ApplicationExtension.class)
class CaptureLayoutFxTest {
    @RegisterExtension
    final WindowOnScreen display = new WindowOnScreen();
    private Stage stage;
    private LiveWindow window;
    private CaptureProxy proxy;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (proxy != null) proxy.close();
    }

    @Test
    void aCapturedExchangeAt1280x720DrawsTheForeignClientRoundtripsTwoSidesAndTheForeignServerReadably() throws Exception {
        window = display.show(stage, 1280, 720);
        proxy = CaptureProxy.start(CaptureOptions.reverse(0, Target.of("127.0.0.1", window.port.lab().port())));
        fx(() -> { display.recordings().sessions().addCapture("Capture demo", new CapturePort(proxy)); });
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/users/1")).build(), HttpResponse.BodyHandlers.discarding());
        waitUntil("the captured exchange is listed and ended", () -> window.vm.exchanges().size() == 1
                && proxy.recording().exchanges().get(0).end().isPresent());
        fx(() -> window.vm.select(proxy.recording().exchanges().get(0).id()));
        window.showWholeExchangeAtItsEnd();

        assertThat(fx(() -> window.view.diagram().script().captured())).isTrue();
        assertThat(fx(() -> LayoutCheck.problems(stage.getScene()))).as("layout problems").isEmpty();
        assertThat(fx(() -> LayoutCheck.smallestFont(window.view.diagram()))).as("the diagram's smallest font, px")
                .isGreaterThanOrEqualTo(LayoutCheck.MIN_DIAGRAM_FONT);
        for (String id : new String[] {"foreign-client", "server-kernel", "server", "client", "client-kernel", "foreign-server"}) {
            Labeled name = (Labeled) fx(() -> window.view.diagram().lookup("#lifeline-" + id));
            assertThat(name).as(id).isNotNull();
            assertThat(fx(() -> LayoutCheck.shownText(name).replace("\n", " "))).as(id + " shown whole").isEqualTo(fx(() -> name.getText()));
        }
        assertThat(fx(() -> window.view.diagram().lookup("#step-process"))).isNotNull();
    }
}
