package dev.roundtrip.ui.shell;

import java.util.Objects;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A menu accelerator that the menu shows in the language in use ("Strg+Leertaste", "Ctrl+Espace"):
 * JavaFX writes a {@link KeyCodeCombination} with its own English names, and that class is final. It
 * matches exactly the keys of the combination it carries; a new one is made at each language switch.
 */
public final class AcceleratorInWords extends KeyCombination {
    private final KeyCodeCombination keys;
    private final String shown;

    public AcceleratorInWords(KeyCodeCombination keys) {
        super(keys.getShift(), keys.getControl(), keys.getAlt(), keys.getMeta(), keys.getShortcut());
        this.keys = keys;
        this.shown = KeyBinding.text(keys);
    }

    /** The keys it stands for. */
    public KeyCodeCombination keys() {
        return keys;
    }

    @Override
    public boolean match(KeyEvent event) {
        return keys.match(event);
    }

    @Override
    public String getDisplayText() {
        return shown;
    }

    @Override
    public String getName() {
        return keys.getName();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AcceleratorInWords a && a.keys.equals(keys) && a.shown.equals(shown);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys, shown);
    }

    @Override
    public String toString() {
        return shown;
    }
}
