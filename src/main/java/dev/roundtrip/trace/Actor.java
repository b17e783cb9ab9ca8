package dev.roundtrip.trace;

import java.util.Locale;

/**
 * The lifelines of the sequence diagram, left to right; the two foreign ones only in a captured
 * exchange, where Roundtrip stands between a program's client and a program's server.
 */
public enum Actor {
    CLIENT, CLIENT_KERNEL, SERVER_KERNEL, SERVER, DATABASE,
    /** A client that is not Roundtrip's (curl, a browser) talking to the capture proxy. */
    FOREIGN_CLIENT,
    /** A server that is not Roundtrip's (the user's Flask, Express, Spring) behind the capture proxy. */
    FOREIGN_SERVER;

    /** True for the two lifelines only a captured exchange has. */
    public boolean foreign() {
        return this == FOREIGN_CLIENT || this == FOREIGN_SERVER;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Actor fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
