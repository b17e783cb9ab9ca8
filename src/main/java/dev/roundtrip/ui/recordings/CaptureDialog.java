package dev.roundtrip.ui.recordings;

import dev.roundtrip.capture.CaptureOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** The Capture… dialog: a thin view over {@link CaptureViewModel}; Start stays in the dialog while the fields are wrong. */
public final class CaptureDialog {
    @FXML private TextField targetField;
    @FXML private TextField portField;
    @FXML private Label errorLabel;
    private CaptureViewModel vm;

    /** Asks, and returns the options once they are valid; empty when cancelled. */
    static Optional<CaptureOptions> ask(Window owner, CaptureViewModel vm) {
        FXMLLoader loader = dev.roundtrip.ui.util.FxmlTexts.loader(CaptureDialog.class.getResource("CaptureDialog.fxml"));
        Parent root = dev.roundtrip.ui.util.FxmlTexts.load(loader);
        CaptureDialog view = loader.getController();
        view.bind(vm);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(SessionViewModel.T.get("capture.title"));
        d.setHeaderText(SessionViewModel.T.get("capture.header"));
        d.getDialogPane().setContent(root);
        ButtonType start = new ButtonType(SessionViewModel.T.get("capture.start"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(start);
        ok.setId("captureStart");
        CaptureOptions[] chosen = {null};
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            chosen[0] = vm.options().orElse(null);
            if (chosen[0] == null) e.consume(); // stays open, the error label says why
        });
        return d.showAndWait().filter(b -> b == start).map(b -> chosen[0]);
    }

    private void bind(CaptureViewModel vm) {
        this.vm = vm;
        targetField.textProperty().bindBidirectional(vm.targetProperty());
        portField.textProperty().bindBidirectional(vm.portProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
    }
}
