package dev.roundtrip.trace;

import java.io.IOException;

/**
 * An I/O failure told as a phrase: {@link #getMessage()} in English (logs, recordings),
 * {@link #getLocalizedMessage()} in the language in use for the CLI and the app, the system's own
 * words only as an argument (a port that cannot be listened on).
 */
public class SaidIOException extends IOException {
    private final transient Phrase said;

    public SaidIOException(Phrase said, Throwable cause) {
        super(said.english(), cause);
        this.said = said;
    }

    /** What went wrong, as a phrase. */
    public Phrase said() {
        return said;
    }

    @Override
    public String getLocalizedMessage() {
        return said.inUse();
    }
}
