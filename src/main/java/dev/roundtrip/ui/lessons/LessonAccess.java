package dev.roundtrip.ui.lessons;

import dev.roundtrip.ui.access.ControlNames;
import dev.roundtrip.ui.access.KeyboardPath;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Pane;

/**
 * The lesson panel for a screen reader and the keyboard: its icon-only buttons get names, the answer
 * field says the question as its help, the arrow keys choose an answer as Space does, and the focus
 * stays with the question: when the answer it was on goes away (a locked-in prediction makes way for
 * its "why?" choices), the new first answer takes it, instead of the window's first control.
 */
final class LessonAccess {
    private LessonAccess() {}

    static void apply(Parent panel, Parent collapsedStrip, LessonPanelViewModel vm) {
        ControlNames.apply(panel);
        ControlNames.apply(collapsedStrip);
        Node answer = panel.lookup("#numberField");
        if (answer != null) answer.accessibleHelpProperty().bind(vm.questionProperty());
        if (panel.lookup("#choicesBox") instanceof Pane) arrowsChoose((Pane) panel.lookup("#choicesBox"), vm);
        Node checkpoint = panel.lookup(".lesson-checkpoint");
        if (checkpoint != null) keepFocus(panel, checkpoint, vm);
    }

    /** The browser's list and buttons show the keyboard focus as the main window does. */
    static void browser(LessonBrowserView browser) {
        KeyboardPath.apply(browser.stage().getScene().getRoot());
    }

    /**
     * The arrow keys move the selection between a question's choices without an action event: the
     * choice they select is the answer too, as a click or Space makes it.
     */
    private static void arrowsChoose(Pane choices, LessonPanelViewModel vm) {
        Runnable hook = () -> {
            for (Node n : choices.getChildren()) {
                ToggleGroup g = n instanceof RadioButton ? ((RadioButton) n).getToggleGroup() : null;
                if (g == null || g.getProperties().putIfAbsent(LessonAccess.class, true) != null) continue;
                g.selectedToggleProperty().addListener((o, was, now) -> {
                    String id = now instanceof Node ? ((Node) now).getId() : null;
                    if (id != null && id.startsWith("choice-")) vm.answerProperty().set(id.substring("choice-".length()));
                });
            }
        };
        choices.getChildren().addListener((ListChangeListener<Node>) c -> hook.run());
        hook.run(); // the panel may be built while a question's choices are shown
    }

    /**
     * The focused answer disappears in one of two ways: JavaFX hands the focus to a control outside
     * the panel, or leaves it on the hidden or removed node. Either way the question's next first
     * answer takes it as soon as it is shown, unless the user has moved the focus meanwhile; a user
     * who tabs away on purpose leaves a shown node, and keeps the focus where it went.
     */
    private static void keepFocus(Parent panel, Node checkpoint, LessonPanelViewModel vm) {
        Node[] handedTo = {null}; // where JavaFX put the focus when the answer it was on went away
        boolean[] lost = {false};
        Runnable check = () -> Platform.runLater(() -> {
            Scene scene = panel.getScene();
            Node owner = scene == null ? null : scene.getFocusOwner();
            boolean hidden = owner != null && inside(owner, checkpoint) && !shown(owner);
            if (!hidden && !(lost[0] && owner == handedTo[0])) return;
            firstAnswer(panel).ifPresent(n -> {
                lost[0] = false;
                handedTo[0] = null;
                n.requestFocus();
            });
        });
        panel.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null || scene.getProperties().putIfAbsent(LessonAccess.class, true) != null) return;
            scene.focusOwnerProperty().addListener((f, left, now) -> {
                // JavaFX may pass through "no focus" first (answer -> null -> diagram): that is still the same loss
                boolean gone = left != null && inside(left, checkpoint) && !shown(left) && (now == null || !inside(now, panel));
                boolean stillLost = left == null && lost[0];
                lost[0] = gone || stillLost;
                handedTo[0] = lost[0] ? now : null;
                if (lost[0]) check.run();
            });
        });
        vm.questionKindProperty().addListener((o, a, b) -> check.run());
        vm.choices().addListener((ListChangeListener<String>) c -> check.run());
        for (String id : new String[] {"#numberRow", "#choicesBox"}) {
            Node part = panel.lookup(id);
            if (part != null) part.visibleProperty().addListener((o, a, b) -> check.run());
        }
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
