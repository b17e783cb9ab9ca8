package dev.roundtrip.server;

import java.util.Locale;

/**
 * Where the demo database runs. {@link #SOCKET} (the default): H2's TCP server on loopback, reached
 * through a connection pool and a traced relay, so each SQL call has its own bytes on a socket.
 * {@link #EMBEDDED}: H2 inside the server's JVM, an SQL call is a method call (no socket, no bytes).
 * Chosen by {@code serve --database}, {@code LabOptions.withDatabase}, or {@code -Droundtrip.database=embedded|socket}.
 */
public enum DatabaseMode {
    SOCKET, EMBEDDED;

    public static final String PROPERTY = "roundtrip.database";

    /** {@code socket} or {@code embedded}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named {@code name} ({@code socket}, {@code embedded}); anything else is refused with what is allowed. */
    public static DatabaseMode of(String name) {
        for (DatabaseMode m : values()) if (m.wireName().equals(name == null ? null : name.trim().toLowerCase(Locale.ROOT))) return m;
        throw new IllegalArgumentException("database mode must be socket or embedded, was '" + name + "'");
    }

    /** The mode {@code -Droundtrip.database} names, {@link #SOCKET} when it is not set. */
    public static DatabaseMode fromProperty() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) return SOCKET;
        try {
            return of(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + ": " + e.getMessage(), e);
        }
    }
}
