package dev.roundtrip.ui.lessons;

import dev.roundtrip.ui.access.ControlNames;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The lesson panel for a screen reader and the keyboard: its icon-only buttons get names, the answer
 * field says the question as its help, and the verdict is announced where the answer was given.
 */
final class LessonAccess {
    private LessonAccess() {}

    static void apply(Parent panel, Parent collapsedStrip, LessonPanelViewModel vm) {
        ControlNames.apply(panel);
        ControlNames.apply(collapsedStrip);
        Node answer = panel.lookup("#numberField");
        if (answer != null) answer.accessibleHelpProperty().bind(vm.questionProperty());
    }
}
