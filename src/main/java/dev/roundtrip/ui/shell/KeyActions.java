package dev.roundtrip.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;

/**
 * What each {@link KeyBinding} does in this window. Menu accelerators carry the first combination
 * of most bindings; this filter adds what accelerators cannot: alternates (Ctrl++ beside Ctrl+=,
 * Page Down beside Alt+→) and the typing keys (Space, arrows, brackets), which must work anywhere but
 * in a text field and must not press the focused button.
 */
public final class KeyActions {
    private record Action(Runnable run, BooleanSupplier when, boolean whileTyping) {}

    private final Map<KeyBinding, Action> actions = new EnumMap<>(KeyBinding.class);

    /** {@code action} runs for {@code binding}; a later registration replaces an earlier one. */
    public void register(KeyBinding binding, Runnable action) {
        register(binding, action, () -> true);
    }

    /** As {@link #register(KeyBinding, Runnable)}, while {@code when} holds; otherwise the key goes on as if unbound. */
    public void register(KeyBinding binding, Runnable action, BooleanSupplier when) {
        actions.put(binding, new Action(action, when, false));
    }

    /**
     * As {@link #register(KeyBinding, Runnable, BooleanSupplier)}, and its typing keys work in a text
     * field too: what a presenter's clicker sends (Page Down) must move the lesson wherever the focus is.
     */
    public void registerWhileTyping(KeyBinding binding, Runnable action, BooleanSupplier when) {
        actions.put(binding, new Action(action, when, true));
    }

    /** The window's key filter. */
    public void handle(KeyEvent e) {
        for (Map.Entry<KeyBinding, Action> a : actions.entrySet()) {
            var keys = a.getKey().combinations();
            for (int i = 0; i < keys.size(); i++) {
                KeyCodeCombination k = keys.get(i);
                if (!k.match(e)) continue;
                boolean typing = KeyBinding.isTypingKey(k);
                if (i == 0 && !typing) return; // the menu accelerator runs it
                if (typing && !a.getValue().whileTyping() && (isTyping(e) || pressesFocused(e)) || !a.getValue().when().getAsBoolean()) return;
                a.getValue().run().run();
                e.consume();
                return;
            }
        }
    }

    /** Keeps the typing keys inside {@code field}: no shortcut fires while it is being edited. */
    public static void keepTypingKeys(TextInputControl field) {
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            for (KeyBinding b : KeyBinding.values()) {
                for (KeyCodeCombination k : b.combinations()) {
                    if (KeyBinding.isTypingKey(k) && k.match(e)) {
                        e.consume();
                        return;
                    }
                }
            }
        });
    }

    /**
     * Space on a lesson's choice, or on a button or check box the keyboard moved to (Tab, arrows: its
     * focus is visible), presses it, as everywhere else, so the keyboard alone answers a lesson; after
     * a click on a button it stays Play / Pause.
     */
    private static boolean pressesFocused(KeyEvent e) {
        Node owner = focusOwner(e);
        return e.getCode() == javafx.scene.input.KeyCode.SPACE && owner instanceof javafx.scene.control.ButtonBase
                && (owner.isFocusVisible() || owner instanceof javafx.scene.control.RadioButton);
    }

    private static Node focusOwner(KeyEvent e) {
        Object source = e.getSource();
        Scene scene = source instanceof Node ? ((Node) source).getScene() : source instanceof Scene ? (Scene) source : null;
        return scene == null ? null : scene.getFocusOwner();
    }

    private static boolean isTyping(KeyEvent e) {
        return focusOwner(e) instanceof TextInputControl;
    }
}
