package dev.roundtrip.ui.composer;

import dev.roundtrip.ui.shell.KeyActions;
import dev.roundtrip.ui.util.Language;
import dev.roundtrip.ui.util.ListOnFirstOpen;
import dev.roundtrip.ui.util.OnDemandTooltip;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.FlowPane;

/** The request composer's controls, bound to a {@link ComposerViewModel}. Wiring only. */
public final class ComposerView {
    @FXML private ComboBox<String> methodBox;
    @FXML private TextField targetField;
    @FXML private FlowPane presetPane;
    @FXML private CheckBox rawCheck;
    @FXML private CheckBox tlsCheck;
    @FXML private Label protocolLabel;
    @FXML private ComboBox<Protocol> protocolBox;
    @FXML private Label protocolInfo;
    @FXML private TabPane composerTabs;
    @FXML private Tab headersTab;
    @FXML private Tab bodyTab;
    @FXML private Tab rawTab;
    @FXML private TextArea headersArea;
    @FXML private TextArea bodyArea;
    @FXML private TextArea rawArea;
    @FXML private Label composerProblem;
    @FXML private Label rawInfo;

    public void bind(ComposerViewModel c) {
        ListOnFirstOpen.install(methodBox); // widths set in FXML and CSS
        ListOnFirstOpen.install(protocolBox);
        methodBox.getItems().setAll(ComposerViewModel.METHODS);
        methodBox.valueProperty().bindBidirectional(c.methodProperty());
        targetField.textProperty().bindBidirectional(c.targetProperty());
        headersArea.textProperty().bindBidirectional(c.headersProperty());
        bodyArea.textProperty().bindBidirectional(c.bodyProperty());
        rawArea.textProperty().bindBidirectional(c.rawTextProperty());
        rawCheck.selectedProperty().bindBidirectional(c.rawModeProperty());
        tlsCheck.selectedProperty().bindBidirectional(c.tlsProperty());
        protocolBox.setItems(c.protocols());
        protocolBox.valueProperty().bindBidirectional(c.protocolProperty());
        protocolBox.disableProperty().bind(c.rawModeProperty()); // raw bytes are HTTP/1.1 text
        protocolLabel.setLabelFor(protocolBox);
        protocolBox.accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Preset.T.get("protocol.accessible"), Language.localeProperty()));
        protocolInfo.textProperty().bind(c.protocolSummaryProperty());
        protocolInfo.visibleProperty().bind(c.protocolNoteShown());
        protocolInfo.managedProperty().bind(c.protocolNoteShown());
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
            Button b = new Button();
            Language.bind(b.textProperty(), p::label);
            b.setId("preset-" + p.id());
            b.getStyleClass().addAll("preset", "small");
            OnDemandTooltip.install(b, p::tooltip);
            b.setOnAction(e -> c.apply(p));
            presetPane.getChildren().add(b);
        }
        for (TextInputControl t : List.of(targetField, headersArea, bodyArea, rawArea)) KeyActions.keepTypingKeys(t);
        showWhenSelected(bodyTab);
        showWhenSelected(rawTab);
    }

    /**
     * A hidden tab's text area joins the window when the tab is first selected: a text area's skin and
     * its CSS are a noticeable share of the first frame, and most sessions never open Body or Raw. The
     * area is bound all along, so what it shows and what is sent do not depend on when it joins.
     */
    private static void showWhenSelected(Tab tab) {
        if (tab.isSelected()) return;
        javafx.scene.Node area = tab.getContent();
        tab.setContent(null);
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean selected) {
                if (!selected) return;
                tab.selectedProperty().removeListener(this);
                tab.setContent(area);
            }
        });
    }
}
