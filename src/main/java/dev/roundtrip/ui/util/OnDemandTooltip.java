package dev.roundtrip.ui.util;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A control's tooltip, made when the pointer first reaches the control. Each {@link Tooltip} is a
 * popup window with a scene of its own, and the window has dozens: made up front they were a fifth of
 * binding the window before its first frame. The words are the control's accessible help from the
 * start, so a screen reader says them before anyone hovers, and the tooltip shows that same text.
 */
public final class OnDemandTooltip {
    private OnDemandTooltip() {}

    /** {@code text} (in the language in use) as {@code c}'s help and, once hovered, its tooltip. */
    public static void install(Control c, Supplier<String> text) {
        Language.bind(c.accessibleHelpProperty(), text);
        showHelp(c);
    }

    /** Shows {@code c}'s accessible help (set in FXML, say) as its tooltip once the pointer reaches it. */
    public static void showHelp(Control c) {
        if (c.getProperties().putIfAbsent(OnDemandTooltip.class, true) != null) return; // waiting already
        EventHandler<MouseEvent> make = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                c.removeEventFilter(MouseEvent.MOUSE_ENTERED, this);
                if (c.getTooltip() != null) return;
                Tooltip t = new Tooltip();
                t.textProperty().bind(c.accessibleHelpProperty());
                c.setTooltip(t); // its own handlers take the mouse moves that follow this entry
            }
        };
        c.addEventFilter(MouseEvent.MOUSE_ENTERED, make);
    }
}
