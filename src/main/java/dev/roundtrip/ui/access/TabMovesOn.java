package dev.roundtrip.ui.access;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Tab leaves a text area instead of typing a tab into it: a keyboard user who tabs through the
 * request pane must not be caught in the headers field (JavaFX's own way out, Ctrl+Tab, is what Tab
 * becomes here). No request here needs a typed tab; a pasted one is kept.
 */
public final class TabMovesOn {
    private TabMovesOn() {}

    public static void apply(Parent root) {
        for (Control c : ControlNames.controls(root)) if (c instanceof TextArea) apply((TextArea) c);
    }

    static void apply(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown() || e.isMetaDown()) return;
            e.consume();
            // TextArea's behaviour moves the focus on Ctrl+Tab (Ctrl+Shift+Tab back)
            ((Node) e.getTarget()).fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
        });
    }
}
