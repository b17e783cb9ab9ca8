package dev.roundtrip.ui.util;

import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/** Text that must never be cut to "…": it wraps, and its box keeps the height of every line. */
public final class WholeText {
    private WholeText() {}

    public static <T extends Labeled> T of(T l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
