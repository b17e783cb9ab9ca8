package dev.roundtrip.ui.shell;

/** The app's looks: AtlantaFX Primer light and dark, and high contrast on top of dark. */
public enum Theme { LIGHT, DARK, HIGH_CONTRAST }
