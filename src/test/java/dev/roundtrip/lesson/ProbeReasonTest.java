package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Unavailable;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A lesson says why a readout is missing in its language: the code's words and the engine's detail where it is known. */
class ProbeReasonTest {
    private static final String SAMPLED = Unavailable.SAMPLED.text("not read at this socket read/write: kernel readouts are sampled under load"
            + " (at most 4096 back to back, 2000 per second under load); a held exchange is always measured");

    @Test
    void aKnownDetailReadsInTheLessonsLanguageAndEnglishIsAsRecorded() {
        assertThat(ProbeReason.said(SAMPLED).in(Locale.ENGLISH)).isEqualTo("not measured here: sampled under load: not read at this socket"
                + " read/write: kernel readouts are sampled under load (at most 4096 back to back, 2000 per second under load);"
                + " a held exchange is always measured");
        String german = ProbeReason.said(SAMPLED).in(Locale.GERMAN);
        assertThat(german).contains("4096", "2000").doesNotContain("not read", "sampled");
        assertThat(ProbeReason.said(SAMPLED).in(Locale.FRENCH)).doesNotContain("not read");
    }

    @Test
    void anUnknownDetailIsShownAsRecordedAndARepeatedReasonOnce() {
        String old = Unavailable.CLOSED.text("a reason from an older Roundtrip");
        assertThat(ProbeReason.said(old).in(Locale.GERMAN)).endsWith("a reason from an older Roundtrip");
        String off = Unavailable.OFF.text("kernel readouts are switched off");
        assertThat(ProbeReason.said(off).in(Locale.ENGLISH)).isEqualTo("kernel readouts are switched off");
        assertThat(ProbeReason.said("no code at all").in(Locale.GERMAN)).contains("no code at all");
    }
}
