package dev.roundtrip.ui.lessons;

import dev.roundtrip.ui.access.ControlNames;
import dev.roundtrip.ui.access.KeyboardPath;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The lesson panel for a screen reader and the keyboard: its icon-only buttons get names, the answer
 * field says the question as its help, and the focus stays with the question: when the answer the
 * focus was on goes away (a locked-in prediction makes way for its "why?" choices), the new first
 * answer takes it, instead of JavaFX handing it to the first control of the window.
 */
final class LessonAccess {
    private LessonAccess() {}

    static void apply(Parent panel, Parent collapsedStrip, LessonPanelViewModel vm) {
        ControlNames.apply(panel);
        ControlNames.apply(collapsedStrip);
        Node answer = panel.lookup("#numberField");
        if (answer != null) answer.accessibleHelpProperty().bind(vm.questionProperty());
        if (panel.lookup("#choicesBox") instanceof javafx.scene.layout.Pane) arrowsChoose((javafx.scene.layout.Pane) panel.lookup("#choicesBox"), vm);
        Node checkpoint = panel.lookup(".lesson-checkpoint");
        panel.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && scene.getProperties().putIfAbsent(LessonAccess.class, true) == null) keepFocus(scene, panel, checkpoint);
        });
        // the answer with the focus may stay focused while hidden or removed: then the question's first answer takes it
        Runnable stillThere = () -> Platform.runLater(() -> {
            Scene scene = panel.getScene();
            Node owner = scene == null ? null : scene.getFocusOwner();
            if (owner != null && checkpoint != null && inside(owner, checkpoint) && !shown(owner)) firstAnswer(panel).ifPresent(Node::requestFocus);
        });
        vm.questionKindProperty().addListener((o, a, b) -> stillThere.run());
        vm.choices().addListener((javafx.collections.ListChangeListener<String>) c -> stillThere.run());
        for (String id : new String[] {"#numberRow", "#choicesBox"}) {
            Node part = panel.lookup(id);
            if (part != null) part.visibleProperty().addListener((o, a, b) -> stillThere.run());
        }
    }

    /**
     * The arrow keys move the selection between a question's choices without an action event: the
     * choice they select is the answer too, as a click or Space makes it.
     */
    private static void arrowsChoose(javafx.scene.layout.Pane choices, LessonPanelViewModel vm) {
        choices.getChildren().addListener((javafx.collections.ListChangeListener<Node>) c -> {
            for (Node n : choices.getChildren()) {
                if (!(n instanceof javafx.scene.control.RadioButton)) continue;
                javafx.scene.control.ToggleGroup g = ((javafx.scene.control.RadioButton) n).getToggleGroup();
                if (g == null || g.getProperties().putIfAbsent(LessonAccess.class, true) != null) continue;
                g.selectedToggleProperty().addListener((o, was, now) -> {
                    if (now instanceof Node && ((Node) now).getId() != null && ((Node) now).getId().startsWith("choice-")) {
                        vm.answerProperty().set(((Node) now).getId().substring("choice-".length()));
                    }
                });
            }
        });
    }

    /** The browser's list and buttons show the keyboard focus as the main window does. */
    static void browser(LessonBrowserView browser) {
        KeyboardPath.apply(browser.stage().getScene().getRoot());
    }

    private static void keepFocus(Scene scene, Parent panel, Node checkpoint) {
        scene.focusOwnerProperty().addListener((o, was, now) -> {
            if (was == null || checkpoint == null || !inside(was, checkpoint) || shown(was) || now != null && inside(now, panel)) return;
            Platform.runLater(() -> firstAnswer(panel).ifPresent(Node::requestFocus));
        });
    }

    private static Optional<Node> firstAnswer(Parent panel) {
        for (String id : new String[] {"#choice-1", "#numberField"}) {
            Node n = panel.lookup(id);
            if (n != null && shown(n) && !n.isDisabled()) return Optional.of(n);
        }
        return Optional.empty();
    }

    private static boolean inside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }

    /** In the scene and visible, with every parent. */
    private static boolean shown(Node n) {
        if (n.getScene() == null) return false;
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }
}
