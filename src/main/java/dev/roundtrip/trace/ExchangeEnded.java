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

    /** The end said as a phrase; its English is the detail, rendered when first read (not on the engine's event loop: JFR put it at 8 %). */
    public ExchangeEnded(long exchangeId, long tNanos, Outcome outcome, ResponseInfo response, Phrase said) {
        this(exchangeId, tNanos, outcome, response, null, java.util.Objects.requireNonNull(said));
    }

    @Override
    public String detail() {
        return detail == null && phrase != null ? phrase.english() : detail;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExchangeEnded e && e.exchangeId == exchangeId && e.tNanos == tNanos && e.outcome == outcome
                && java.util.Objects.equals(e.response, response) && java.util.Objects.equals(e.detail(), detail())
                && java.util.Objects.equals(e.phrase, phrase);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(exchangeId, tNanos, outcome, response, detail(), phrase);
    }

    /** The detail in {@code language} (as recorded where there is no phrase). */
    public String detail(Locale language) {
        return phrase == null ? detail : phrase.in(language);
    }
}
