package dev.roundtrip.ui.composer;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.LiveWindow;
import dev.roundtrip.ui.exchanges.ExchangeRow;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The composer's protocol choice on a real lab, headless: chosen by keyboard, sent, and the exchange list says h2c. */
@ExtendWith(ApplicationExtension.class)
class ComposerHttp2FxTest {
    private LiveWindow window;

    @Start
    void start(javafx.stage.Stage stage) {
        window = LiveWindow.show(stage);
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void getSlashOverHttp2FromTheComposerIsAnH2cExchangeOnStreams(FxRobot robot) {
        ComboBox<?> box = robot.lookup("#protocolBox").queryAs(ComboBox.class);
        assertThat(fx(box::getAccessibleText)).isEqualTo("Protocol: HTTP/1.1 or HTTP/2");
        assertThat(fx(() -> robot.lookup("#protocolLabel").queryAs(Label.class).getLabelFor())).isSameAs(box);
        assertThat(fx(() -> robot.lookup("#protocolInfo").queryAs(Label.class).isVisible())).isFalse();

        // by keyboard: focus the choice, open it, one down, Enter
        fx(box::requestFocus);
        robot.type(KeyCode.F4).type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil("HTTP/2 is chosen", () -> window.vm.composer().protocolProperty().get() == Protocol.HTTP_2);
        assertThat(fx(() -> robot.lookup("#protocolInfo").queryAs(Label.class).getText())).isEqualTo("HTTP/2 with prior knowledge (h2c)");
        assertThat(fx(() -> robot.lookup("#protocolInfo").queryAs(Label.class).isVisible())).isTrue();

        robot.clickOn("#preset-root");
        robot.clickOn("#sendButton");
        waitUntil("the exchange is listed and has settled", () -> window.vm.exchanges().size() == 1
                && window.vm.recording().exchanges().stream().allMatch(x -> x.outcome() != Outcome.PENDING));
        Exchange x = window.vm.recording().exchanges().get(0);
        assertThat(x.outcome()).as(x.end().toString()).isEqualTo(Outcome.COMPLETED);
        assertThat(x.request().target()).isEqualTo("/");
        // it went as HTTP/2 frames on a stream: the request's HEADERS in send, the answer's DATA in interpret
        assertThat(x.events()).anyMatch(e -> e.stage() == Stage.SEND && e.frame() != null && e.frame().type().equals("HEADERS")
                && e.frame().streamId() > 0);
        assertThat(x.events()).anyMatch(e -> e.stage() == Stage.INTERPRET && e.frame() != null && e.frame().type().equals("DATA"));
        waitUntil("the list shows how it travelled", () -> "h2c".equals(fx(() -> window.vm.exchanges().get(0).protocol())));
        @SuppressWarnings("unchecked")
        TableView<ExchangeRow> table = robot.lookup("#exchangeTable").queryAs(TableView.class);
        assertThat(fx(() -> table.getColumns().stream().filter(c -> "protocolColumn".equals(c.getId())).findFirst().orElseThrow()
                .getCellData(0))).isEqualTo("h2c");
    }
}
