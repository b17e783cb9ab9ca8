package dev.roundtrip.ui.util;

import java.util.Locale;

/** The inline style that sets a subtree's base font size: zoom and the lesson panel scale text with it. */
public final class FontSize {
    private FontSize() {}

    /** {@code "-fx-font-size: 17.3px;"} */
    public static String style(double px) {
        return String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", px);
    }
}
