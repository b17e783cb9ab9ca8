package dev.roundtrip.lesson;

import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.Unavailable;
import java.util.Optional;

/**
 * A probe's recorded reason ("platform: the NIO transport hides ...") as a lesson says it: the
 * reason's code in the language in use, the probe's own detail too where {@code MissingReadoutWords}
 * knows it, else as it was recorded (the same split the inspector makes; a recording from before codes
 * keeps its text as it is).
 */
final class ProbeReason {
    private ProbeReason() {}

    static Phrase said(String recorded) {
        Optional<Unavailable> code = Unavailable.of(recorded);
        if (code.isEmpty()) return Phrase.of("lesson.asWritten", recorded);
        int colon = recorded.indexOf(':');
        String detail = colon < 0 ? "" : recorded.substring(colon + 1).trim();
        String key = switch (code.get()) {
            case PLATFORM -> "lesson.why.platform";
            case SAMPLED -> "lesson.why.sampled";
            case CLOSED -> "lesson.why.closed";
            case COLD -> "lesson.why.cold";
            case OFF -> "lesson.why.off";
            default -> "lesson.why.error";
        };
        if (detail.isEmpty()) return Phrase.of(key, 0, "");
        // the detail in the lesson's language too when it is one the engine writes today, else as recorded
        Phrase known = dev.roundtrip.trace.MissingReadoutWords.phrase(detail);
        // a detail that only repeats the reason ("kernel readouts are switched off") is not said twice
        if (known != null && known.english().equalsIgnoreCase(Phrase.of(key, 0, "").english())) return Phrase.of(key, 0, "");
        return Phrase.of(key, 1, known != null ? known : detail);
    }
}
