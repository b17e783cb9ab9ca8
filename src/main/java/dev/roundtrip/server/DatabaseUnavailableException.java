package dev.roundtrip.server;

import java.sql.SQLException;

/** The database could not be reached, or its connection broke during the call: answered 503, never a 500. */
public final class DatabaseUnavailableException extends SQLException {
    DatabaseUnavailableException(String message, Throwable cause) {
        super(message, "08001", cause);
    }
}
