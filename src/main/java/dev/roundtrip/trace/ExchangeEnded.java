package dev.roundtrip.trace;

import java.util.Locale;

/**
 * The end of an exchange. {@code response} is null when none was read (timeout, cancel, failure);
 * {@code detail} says what happened in a sentence a student can read, in English (the recording's
 * {@code detail}); {@code phrase} is the same as a text key, for the language in use (null for a
 * text only known in English: an old recording, a HAR import).
 */
public record ExchangeEnded(long exchangeId, long tNanos, Outcome outcome, ResponseInfo response, String detail, Phrase phrase)
        implements TraceEvent {
    public ExchangeEnded(long exchangeId, long tNanos, Outcome outcome, ResponseInfo response, String detail) {
        this(exchangeId, tNanos, outcome, response, detail, null);
    }

    /** The end said as a phrase; its English is the detail. */
    public ExchangeEnded(long exchangeId, long tNanos, Outcome outcome, ResponseInfo response, Phrase said) {
        this(exchangeId, tNanos, outcome, response, said.english(), said);
    }

    /** The detail in {@code language} (as recorded where there is no phrase). */
    public String detail(Locale language) {
        return phrase == null ? detail : phrase.in(language);
    }
}
