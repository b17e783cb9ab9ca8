package dev.roundtrip.ui.access;

import java.util.Objects;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;

/**
 * Speaks a change through a node's accessible name: JavaFX 21 has no live region and no announcement
 * API, so the node's TEXT changes and the platform is told (Windows: a UIA property-changed event,
 * macOS: AXValueChanged). Screen readers speak those only for the element they are on, and Windows
 * raises a value change a text element cannot carry: while the node has the keyboard focus, the focus
 * is therefore announced again too (UIA focus-changed, AXFocusedUIElementChanged), which NVDA,
 * Narrator, JAWS and VoiceOver all answer by reading the focused element's new name. The focus
 * never moves: where it is elsewhere (typing an answer), nothing interrupts.
 */
public final class Announcer {
    private final Node node;
    private String said = "";

    public Announcer(Node node) {
        this.node = Objects.requireNonNull(node);
    }

    /** Makes {@code text} the node's accessible name and tells the platform, if it changed. */
    public void say(String text) {
        if (text.equals(said)) return;
        said = text;
        node.setAccessibleText(text);
        node.notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
        if (node.isFocused()) node.notifyAccessibleAttributeChanged(AccessibleAttribute.FOCUS_NODE);
    }

    /** The last text said. */
    public String said() {
        return said;
    }
}
