package dev.roundtrip.ui.playback;

import dev.roundtrip.ui.shell.KeyBinding;
import dev.roundtrip.ui.util.Language;
import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import org.kordamp.ikonli.javafx.FontIcon;

/** The playback bar (back, play, step, scrubber, stage, speed), bound to a {@link PlaybackViewModel}. */
public final class PlaybackView {
    @FXML private Button backButton;
    @FXML private Button playButton;
    @FXML private Button stepButton;
    @FXML private FontIcon playIcon;
    @FXML private Slider scrubber;
    @FXML private Label stageLabel;
    @FXML private ComboBox<Double> speedBox;

    private final javafx.beans.InvalidationListener relabel = o -> speedBox.setButtonCell(new SpeedCell());
    private Runnable back = () -> { };
    private Runnable play = () -> { };
    private Runnable step = () -> { };

    /**
     * {@code back}, {@code play} and {@code step} are the window's actions (Step releases a held stage
     * in the live engine, which the playback alone does not know of).
     */
    public void bind(PlaybackViewModel p, ObservableStringValue stageText, Runnable back, Runnable play, Runnable step) {
        this.back = back;
        this.play = play;
        this.step = step;
        scrubber.setMin(0);
        scrubber.maxProperty().bind(p.totalProperty());
        scrubber.valueProperty().bindBidirectional(p.positionProperty());
        dev.roundtrip.ui.util.ListOnFirstOpen.install(speedBox); // its width is set in FXML
        speedBox.getItems().setAll(0.25, 0.5, 1.0, 2.0, 4.0);
        speedBox.setCellFactory(l -> new SpeedCell());
        speedBox.setButtonCell(new SpeedCell());
        // the shown speed is written with the language's decimal separator: a switch writes it again
        Language.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        speedBox.valueProperty().addListener((o, a, v) -> { if (v != null) p.speedProperty().set(v); });
        p.speedProperty().addListener((o, a, v) -> speedBox.setValue(v.doubleValue()));
        speedBox.setValue(p.speedProperty().get());
        p.playingProperty().addListener((o, a, on) -> playIcon.setIconLiteral(on ? "mdi2p-pause" : "mdi2p-play"));
        playIcon.setIconLiteral(p.playingProperty().get() ? "mdi2p-pause" : "mdi2p-play");
        stageLabel.textProperty().bind(stageText);
        KeyBinding.addKeysToTooltips(List.of(backButton, playButton, stepButton));
    }

    /** "0.25×", "0,25×" in German: the language's decimal separator. */
    static String speed(double v) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(dev.roundtrip.text.Texts.locale());
        f.setMaximumFractionDigits(2);
        return f.format(v) + "×";
    }

    @FXML void stepBack() { back.run(); }
    @FXML void togglePlay() { play.run(); }
    @FXML void stepForward() { step.run(); }

    private static final class SpeedCell extends ListCell<Double> {
        @Override
        protected void updateItem(Double v, boolean empty) {
            super.updateItem(v, empty);
            setText(empty || v == null ? null : speed(v));
        }
    }
}
