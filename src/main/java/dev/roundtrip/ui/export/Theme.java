package dev.roundtrip.ui.export;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;

/**
 * The looks a window or an exported picture is drawn in: AtlantaFX's light or dark base, and the
 * style classes our stylesheets key on (high contrast is drawn on the dark base).
 */
public enum Theme {
    LIGHT("theme-light"), DARK("theme-dark"), HIGH_CONTRAST("theme-dark", "high-contrast");

    /** Every class a theme may put on a root, to remove before another theme is applied. */
    public static final List<String> STYLE_CLASSES = List.of("theme-light", "theme-dark", "high-contrast");

    /** Our colours for each theme: add it to every root that carries {@link #styleClasses()}. */
    public static final String STYLESHEET = Theme.class.getResource("Theme.css").toExternalForm();

    private final List<String> styleClasses;

    Theme(String... styleClasses) {
        this.styleClasses = List.of(styleClasses);
    }

    /** The classes to put on the root of a scene drawn in this theme. */
    public List<String> styleClasses() {
        return styleClasses;
    }

    /** AtlantaFX's stylesheet under this theme, for {@code Application.setUserAgentStylesheet}. */
    public String userAgentStylesheet() {
        return this == LIGHT ? new PrimerLight().getUserAgentStylesheet() : new PrimerDark().getUserAgentStylesheet();
    }

    /** The next theme for Ctrl+L: light, dark, high contrast, light. */
    public Theme next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
