package dev.roundtrip.lesson;

import java.util.Locale;

/** How much a student should already know. */
public enum Level {
    BEGINNER, INTERMEDIATE, ADVANCED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
