package dev.roundtrip.trace;

import java.util.Locale;

/** The lifelines of the sequence diagram, left to right. */
public enum Actor {
    CLIENT, CLIENT_KERNEL, SERVER_KERNEL, SERVER, DATABASE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Actor fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
