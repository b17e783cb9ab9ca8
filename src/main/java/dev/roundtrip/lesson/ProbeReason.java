package dev.roundtrip.lesson;

import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.Unavailable;
import java.util.Optional;

/**
 * A probe's recorded reason ("platform: the NIO transport hides ...") as a lesson says it: the
 * reason's code in the language in use, the probe's own detail as it was recorded (the same split the
 * inspector makes; a recording from before codes keeps its text as it is).
 */
final class ProbeReason {
    private ProbeReason() {}

    static Phrase said(String recorded) {
        Optional<Unavailable> code = Unavailable.of(recorded);
        if (code.isEmpty()) return Phrase.of("lesson.asWritten", recorded);
        int colon = recorded.indexOf(':');
        String detail = colon < 0 ? "" : recorded.substring(colon + 1).trim();
        int has = detail.isEmpty() ? 0 : 1;
        switch (code.get()) {
            case PLATFORM: return Phrase.of("lesson.why.platform", has, detail);
            case SAMPLED: return Phrase.of("lesson.why.sampled", has, detail);
            case CLOSED: return Phrase.of("lesson.why.closed", has, detail);
            case COLD: return Phrase.of("lesson.why.cold", has, detail);
            case OFF: return Phrase.of("lesson.why.off", has, detail);
            default: return Phrase.of("lesson.why.error", has, detail);
        }
    }
}
