package dev.roundtrip.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A lesson, the CLI and anyone asking say why a readout is missing in its language: the code's words and the engine's detail where it is known. */
class MissingReasonTest {
    private static final String SAMPLED = Unavailable.SAMPLED.text("not read at this socket read/write: kernel readouts are sampled under load"
            + " (at most 4096 back to back, 2000 per second under load); a held exchange is always measured");

    @Test
    void aKnownDetailReadsInTheLessonsLanguageAndEnglishIsAsRecorded() {
        assertThat(MissingReadoutWords.reason(SAMPLED).in(Locale.ENGLISH)).isEqualTo("not measured here: sampled under load: not read at this socket"
                + " read/write: kernel readouts are sampled under load (at most 4096 back to back, 2000 per second under load);"
                + " a held exchange is always measured");
        String german = MissingReadoutWords.reason(SAMPLED).in(Locale.GERMAN);
        assertThat(german).contains("4096", "2000").doesNotContain("not read", "sampled");
        assertThat(MissingReadoutWords.reason(SAMPLED).in(Locale.FRENCH)).doesNotContain("not read");
    }

    @Test
    void anUnknownDetailIsShownAsRecordedAndARepeatedReasonOnce() {
        String old = Unavailable.CLOSED.text("a reason from an older Roundtrip");
        assertThat(MissingReadoutWords.reason(old).in(Locale.GERMAN)).endsWith("a reason from an older Roundtrip");
        String off = Unavailable.OFF.text("kernel readouts are switched off");
        assertThat(MissingReadoutWords.reason(off).in(Locale.ENGLISH)).isEqualTo("kernel readouts are switched off");
        assertThat(MissingReadoutWords.reason("no code at all").in(Locale.GERMAN)).contains("no code at all");
    }
}
