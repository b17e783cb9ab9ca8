package dev.roundtrip.ui.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.Recording;
import dev.roundtrip.text.Texts;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.Fixtures;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a screen reader says for the diagram, without a window: figures in words, plurals, the language in use. */
class DiagramSpeechTest {
    private final Recording rec = Fixtures.classroom();

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    private static DiagramStep parse(long bytes, int reads, long nanos, String problem) {
        return new DiagramStep(Stage.PARSE, Actor.SERVER_KERNEL, Actor.SERVER, "parse", "", 0, nanos, bytes, reads, problem, List.of());
    }

    @Test
    void aStageSaysItsNameBytesSocketCallsAndTimeInWords() {
        assertThat(DiagramSpeech.step(parse(108, 1, 616_000, null))).isEqualTo("parse, 108 bytes, 1 read, 616 microseconds");
        assertThat(DiagramSpeech.step(parse(1, 2, 1_000_000, null))).isEqualTo("parse, 1 byte, 2 reads, 1 millisecond");
        assertThat(DiagramSpeech.step(parse(0, 0, 1_500_000_000L, "connection reset")))
                .isEqualTo("parse, 1.5 seconds, failed: connection reset");
        DiagramStep running = new DiagramStep(Stage.SEND, Actor.CLIENT, Actor.SERVER_KERNEL, "GET /", "", 0, -1, 78, 1, null, List.of());
        assertThat(DiagramSpeech.step(running)).isEqualTo("send, GET /, 78 bytes, 1 write, under way");
    }

    @Test
    void theSameInGermanFrenchAndSpanishWithTheirDecimalSeparator() {
        DiagramStep s = parse(108, 1, 1_230_000, null);
        Texts.use(Locale.GERMAN);
        assertThat(DiagramSpeech.step(s)).isEqualTo("parse, 108 Bytes, 1 Lesevorgang, 1,23 Millisekunden");
        Texts.use(Locale.FRENCH);
        assertThat(DiagramSpeech.step(s)).isEqualTo("parse, 108 octets, 1 lecture, 1,23 millisecondes");
        Texts.use(Texts.SPANISH);
        assertThat(DiagramSpeech.step(s)).isEqualTo("parse, 108 bytes, 1 lectura, 1,23 milisegundos");
    }

    @Test
    void theAnnouncementFollowsThePositionAndNamesTheHeldGate() {
        DiagramScript ok = DiagramScript.of(rec.exchange(1).orElseThrow());
        int n = ok.steps().size();
        assertThat(DiagramSpeech.current(ok, 0)).startsWith("Stage 1 of " + n + ": " + ok.steps().get(0).stage().wireName() + ", ");
        assertThat(DiagramSpeech.current(ok, n)).isEqualTo(DiagramSpeech.summary(ok)).contains("200 OK").endsWith(n + " stages.");
        DiagramScript held = DiagramScript.of(rec.exchange(6).orElseThrow());
        assertThat(held.heldBefore()).isEqualTo(Stage.PARSE);
        assertThat(DiagramSpeech.current(held, held.steps().size() - 1))
                .endsWith(". Held before parse. Press Step (the right arrow key) to let it run.");
        assertThat(DiagramSpeech.current(DiagramScript.EMPTY, -1)).startsWith("Sequence diagram: nothing sent yet.");
    }

    @Test
    void badgesSayWhatTheySayInColour() {
        DiagramScript notFound = DiagramScript.of(rec.exchange(2).orElseThrow());
        assertThat(DiagramSpeech.outcome(notFound)).isEqualTo("Outcome: " + notFound.outcomeText()).startsWith("Outcome: 404");
        DiagramStep failed = parse(0, 0, 10, "bad request line");
        assertThat(DiagramSpeech.problem(failed)).isEqualTo("Problem in parse: bad request line");
    }
}
