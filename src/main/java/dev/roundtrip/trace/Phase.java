package dev.roundtrip.trace;

import java.util.Locale;

/** Where in its stage an event lies. */
public enum Phase {
    BEGIN, PROGRESS, END, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Phase fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
