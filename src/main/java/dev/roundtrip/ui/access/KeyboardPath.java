package dev.roundtrip.ui.access;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * What a keyboard user needs from a window: a focus ring seen from the back of a classroom
 * ({@code Focus.css}), and Tab leaving a text area instead of typing a tab into it, so tabbing through
 * the request pane is not caught in the headers field (JavaFX's own way out, Ctrl+Tab, is what Tab
 * becomes there). No request here needs a typed tab; a pasted one is kept.
 */
public final class KeyboardPath {
    public static final String STYLESHEET = KeyboardPath.class.getResource("Focus.css").toExternalForm();

    private KeyboardPath() {}

    public static void apply(Parent root) {
        if (!root.getStylesheets().contains(STYLESHEET)) root.getStylesheets().add(STYLESHEET);
        tabsLeave(root);
    }

    private static void tabsLeave(Parent root) {
        for (Control c : ControlNames.controls(root)) if (c instanceof TextArea) tabLeaves((TextArea) c);
        ControlNames.whenTabsFilled(root, KeyboardPath::tabsLeave);
    }

    static void tabLeaves(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown() || e.isMetaDown()) return;
            e.consume();
            // TextArea's behaviour moves the focus on Ctrl+Tab (Ctrl+Shift+Tab back)
            ((Node) e.getTarget()).fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
        });
    }
}
