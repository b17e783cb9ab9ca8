package dev.roundtrip.ui.lessons;

import dev.roundtrip.ui.util.FxmlTexts;
import dev.roundtrip.ui.util.Language;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The lesson panel beside the diagram: title, step n of N, the narration, what the step's action
 * did, the checkpoint (choices or a number), Check, Hint, feedback, completion, Back / Next / Reset.
 * Binds controls to {@link LessonPanelViewModel}; no logic of its own.
 */
public final class LessonPanelView {
    @FXML private VBox panel;
    @FXML private Label titleLabel;
    @FXML private Button exportButton;
    @FXML private Button collapseButton;
    @FXML private Button closeButton;
    @FXML private Label stepLabel;
    @FXML private ProgressBar completionBar;
    @FXML private Label completionLabel;
    @FXML private ScrollPane scroller;
    @FXML private VBox narrationBox;
    @FXML private Label reportLabel;
    @FXML private FontIcon reportIcon;
    @FXML private Label nagleLabel;
    @FXML private VBox checkpointBox;
    @FXML private Label questionLabel;
    @FXML private Label comparisonLabel;
    @FXML private VBox choicesBox;
    @FXML private HBox numberRow;
    @FXML private TextField numberField;
    @FXML private Label unitLabel;
    @FXML private Button checkButton;
    @FXML private Button hintButton;
    @FXML private VBox hintsBox;
    @FXML private Label feedbackLabel;
    @FXML private Label problemLabel;
    @FXML private Button backButton;
    @FXML private Button resetButton;
    @FXML private Button nextButton;

    private LessonPanelViewModel vm;
    private final ToggleGroup choiceGroup = new ToggleGroup();
    private Runnable onCollapse = () -> { };
    private Runnable onClose = () -> { };
    private Runnable onNext = () -> { };

    public static LessonPanelView load(LessonPanelViewModel vm) {
        FXMLLoader loader = FxmlTexts.loader(LessonPanelView.class.getResource("LessonPanelView.fxml"));
        FxmlTexts.load(loader);
        LessonPanelView view = loader.getController();
        view.bind(vm);
        return view;
    }

    public VBox root() {
        return panel;
    }

    /** Where the panel's collapse, close and next buttons go (the player decides what they mean for the window). */
    public void onCollapse(Runnable r) { onCollapse = r; }
    public void onClose(Runnable r) { onClose = r; }
    public void onNext(Runnable r) { onNext = r; }

    private void bind(LessonPanelViewModel vm) {
        this.vm = vm;
        titleLabel.textProperty().bind(vm.titleProperty());
        stepLabel.textProperty().bind(vm.stepTextProperty());
        completionBar.progressProperty().bind(vm.completionProperty());
        completionLabel.textProperty().bind(vm.completionTextProperty());
        vm.narrationProperty().addListener((o, a, md) -> renderNarration(md));
        renderNarration(vm.narrationProperty().get());
        reportLabel.textProperty().bind(vm.reportProperty());
        shownWhen(reportLabel, vm.reportProperty().isNotEmpty());
        vm.runningProperty().addListener((o, a, on) -> showRunning(on));
        nagleLabel.textProperty().bind(vm.nagleProperty());
        shownWhen(nagleLabel, vm.nagleProperty().isNotEmpty());
        vm.focusProperty().addListener((o, a, f) -> focusNagle(f));
        focusNagle(vm.focusProperty().get());
        shownWhen(checkpointBox, vm.questionKindProperty().isNotEqualTo(LessonPanelViewModel.QuestionKind.NONE).or(vm.comparisonProperty().isNotEmpty()));
        questionLabel.textProperty().bind(vm.questionProperty());
        comparisonLabel.textProperty().bind(vm.comparisonProperty());
        shownWhen(comparisonLabel, vm.comparisonProperty().isNotEmpty());
        shownWhen(choicesBox, vm.questionKindProperty().isEqualTo(LessonPanelViewModel.QuestionKind.CHOICE));
        shownWhen(numberRow, vm.questionKindProperty().isEqualTo(LessonPanelViewModel.QuestionKind.NUMBER)
                .or(vm.questionKindProperty().isEqualTo(LessonPanelViewModel.QuestionKind.TEXT)));
        vm.questionKindProperty().addListener((o, a, k) -> promptFor(k));
        promptFor(vm.questionKindProperty().get());
        checkButton.textProperty().bind(vm.checkTextProperty());
        vm.choices().addListener((ListChangeListener<String>) c -> renderChoices());
        renderChoices();
        numberField.textProperty().bindBidirectional(vm.answerProperty());
        numberField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                check();
                e.consume();
            }
        });
        vm.answerProperty().addListener((o, a, v) -> { if (v == null || v.isEmpty()) choiceGroup.selectToggle(null); });
        unitLabel.textProperty().bind(vm.unitProperty());
        checkButton.disableProperty().bind(vm.canCheckProperty().not());
        hintButton.disableProperty().bind(vm.moreHintsProperty().not().or(vm.canCheckProperty().not()));
        vm.hints().addListener((ListChangeListener<String>) c -> renderHints());
        renderHints();
        feedbackLabel.textProperty().bind(vm.feedbackProperty());
        shownWhen(feedbackLabel, vm.feedbackProperty().isNotEmpty());
        vm.feedbackKindProperty().addListener((o, a, k) -> styleFeedback(k));
        styleFeedback(vm.feedbackKindProperty().get());
        // a hint is shown with the narration, which scrolls: bring it into view
        vm.hints().addListener((ListChangeListener<String>) c -> javafx.application.Platform.runLater(() -> scroller.setVvalue(1)));
        problemLabel.textProperty().bind(vm.problemProperty());
        shownWhen(problemLabel, vm.problemProperty().isNotEmpty());
        backButton.disableProperty().bind(vm.canBackProperty().not());
        nextButton.disableProperty().bind(vm.canNextProperty().not());
        resetButton.disableProperty().bind(vm.runningProperty().or(vm.openProperty().not()));
        showRunning(vm.runningProperty().get());
        // the buttons go through menus with shortcuts: a click must not leave Space on them
        exportButton.disableProperty().bind(vm.openProperty().not());
        for (Button b : List.of(exportButton, collapseButton, closeButton, backButton, resetButton, nextButton, hintButton)) b.setFocusTraversable(false);
    }

    // the panel is built when first needed: each of these shows the view model's state as it is then, and follows it

    private void showRunning(boolean on) {
        reportIcon.setIconLiteral(on ? "mdi2t-timer-sand" : "mdi2c-cog-play-outline");
        Language.bind(nextButton.textProperty(), LessonPanelViewModel.T, on ? "running" : "next");
    }

    private void focusNagle(LessonFocus f) {
        nagleLabel.getStyleClass().remove("focused");
        if (f.nagle()) nagleLabel.getStyleClass().add("focused");
    }

    private void promptFor(LessonPanelViewModel.QuestionKind k) {
        boolean text = k == LessonPanelViewModel.QuestionKind.TEXT;
        Language.bind(numberField.promptTextProperty(), LessonPanelViewModel.T, text ? "answer.text.prompt" : "answer.number.prompt");
        numberField.setPrefColumnCount(text ? 24 : 9);
    }

    private static void shownWhen(Node n, javafx.beans.value.ObservableBooleanValue on) {
        n.visibleProperty().bind(on);
        n.managedProperty().bind(on);
    }

    private void renderNarration(String markdown) {
        narrationBox.getChildren().clear();
        for (ShortMarkdown.Block b : ShortMarkdown.parse(markdown)) {
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add("md-block");
            if (b.kind() != ShortMarkdown.BlockKind.PARAGRAPH) {
                flow.getStyleClass().add("md-item");
                flow.getChildren().add(styled(b.marker() + "  ", "md-marker"));
            }
            for (ShortMarkdown.Span s : b.spans()) {
                Text t = styled(s.text(), "md-text");
                if (s.bold()) t.getStyleClass().add("md-bold");
                if (s.italic()) t.getStyleClass().add("md-italic");
                if (s.bold() && s.italic()) t.getStyleClass().add("md-bold-italic");
                if (s.code()) t.getStyleClass().add("md-code");
                flow.getChildren().add(t);
            }
            narrationBox.getChildren().add(flow);
        }
        scroller.setVvalue(0);
    }

    private static Text styled(String s, String styleClass) {
        Text t = new Text(s);
        t.getStyleClass().addAll("md-text", styleClass);
        return t;
    }

    private void renderChoices() {
        choicesBox.getChildren().clear();
        choiceGroup.getToggles().clear();
        List<String> cs = vm.choices();
        for (int i = 0; i < cs.size(); i++) {
            RadioButton r = new RadioButton((char) ('A' + i) + ".  " + cs.get(i));
            r.setId("choice-" + (i + 1));
            r.setWrapText(true);
            r.setMnemonicParsing(false); // TCP_NODELAY keeps its underscore
            r.setMaxWidth(Double.MAX_VALUE);
            r.getStyleClass().add("lesson-choice");
            r.setToggleGroup(choiceGroup);
            String number = String.valueOf(i + 1);
            r.setOnAction(e -> vm.answerProperty().set(number));
            choicesBox.getChildren().add(r);
        }
    }

    private void renderHints() {
        hintsBox.getChildren().clear();
        List<String> hs = vm.hints();
        for (int i = 0; i < hs.size(); i++) {
            Label l = new Label(LessonPanelViewModel.T.get("hint.numbered", i + 1, hs.get(i)), new FontIcon("mdi2l-lightbulb-on-outline"));
            l.setWrapText(true);
            l.getStyleClass().add("lesson-hint");
            hintsBox.getChildren().add(l);
        }
    }

    private void styleFeedback(LessonPanelViewModel.FeedbackKind k) {
        feedbackLabel.getStyleClass().removeIf(s -> s.startsWith("feedback-"));
        feedbackLabel.getStyleClass().add("feedback-" + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        String icon;
        switch (k) {
            case CORRECT: icon = "mdi2c-check-circle"; break;
            case WRONG: icon = "mdi2c-close-circle"; break;
            case INVALID: icon = "mdi2a-alert-circle-outline"; break;
            default: icon = "mdi2i-information-outline"; break;
        }
        feedbackLabel.setGraphic(k == LessonPanelViewModel.FeedbackKind.NONE ? null : new FontIcon(icon));
    }

    @FXML void check() { vm.check(); }

    /** Asks where to save the results; .json gives JSON, anything else CSV. */
    @FXML void exportResults() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(LessonPanelViewModel.T.get("results.title"));
        chooser.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter(LessonPanelViewModel.T.get("results.csv"), "*.csv"),
                new javafx.stage.FileChooser.ExtensionFilter("JSON", "*.json"));
        chooser.setInitialFileName(vm.lessonIdProperty().get() + "-results.csv");
        java.io.File f = chooser.showSaveDialog(panel.getScene() == null ? null : panel.getScene().getWindow());
        if (f != null) vm.exportResults(f.toPath());
    }
    @FXML void hint() { vm.hint(); }
    @FXML void back() { vm.back(); }
    @FXML void next() { onNext.run(); }
    @FXML void reset() { vm.reset(); }
    @FXML void collapse() { onCollapse.run(); }
    @FXML void closeLesson() { onClose.run(); }
}
