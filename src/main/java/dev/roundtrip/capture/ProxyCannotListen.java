package dev.roundtrip.capture;

import dev.roundtrip.trace.Phrase;
import java.io.IOException;

/**
 * The capture proxy's listening socket could not be opened: {@link #getMessage()} in English (logs),
 * {@link #getLocalizedMessage()} in the language in use for the CLI and the app, the system's own words
 * only in brackets.
 */
public final class ProxyCannotListen extends IOException {
    private final transient Phrase said;

    ProxyCannotListen(Phrase said, Throwable cause) {
        super(said.english(), cause);
        this.said = said;
    }

    public Phrase said() {
        return said;
    }

    @Override
    public String getLocalizedMessage() {
        return said.inUse();
    }
}
