package dev.roundtrip.ui.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Stage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three HTTP/2 streams on one connection, as {@code trace --http2 --parallel 3 GET /} recorded them
 * (a file from before frames kept their direction: it is read from the events' words).
 */
class ConnectionFramesTest {
    private final Recording rec = open();

    private static Recording open() {
        try {
            return RecordingFiles.open(Path.of(ConnectionFramesTest.class.getResource("h2-three-streams.roundtrip.json").toURI()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private DiagramScript script(long id) {
        return DiagramScript.of(rec.exchange(id).orElseThrow(), rec.exchanges());
    }

    private static List<String> drawn(ConnectionFrames c) {
        return c.frames().stream().map(a -> (a.fromClient() ? "> " : "< ") + a.frame().type() + " s" + a.frame().streamId()).toList();
    }

    @Test
    void anH2ExchangeDrawsEveryFrameOfItsConnectionOnceInTimeOrderWithItsOwnStreamMarked() {
        ConnectionFrames c = script(2).connection();
        assertThat(c).isNotNull();
        assertThat(c.connectionId()).isEqualTo(1);
        assertThat(c.streams()).containsExactly(3, 5, 7);
        assertThat(c.ownStream()).isEqualTo(5);
        assertThat(c.seenBy()).isEqualTo(Actor.CLIENT);
        // as the client saw them: its SETTINGS, three requests, the server's SETTINGS and ACK, three responses
        assertThat(drawn(c)).containsExactly("> SETTINGS s0", "> HEADERS s3", "> HEADERS s5", "> HEADERS s7", "< SETTINGS s0", "< SETTINGS s0",
                "> SETTINGS s0", "< HEADERS s3", "< DATA s3", "< HEADERS s5", "< DATA s5", "< HEADERS s7", "< DATA s7");
        assertThat(c.frames()).isSortedAccordingTo(java.util.Comparator.comparingLong(ConnectionFrames.Arrow::tNanos));
        assertThat(c.total()).isEqualTo(c.frames().size());
        // the streams overlap: s5 and s7 were sent before s3 was answered
        List<Integer> order = c.frames().stream().map(a -> a.frame().streamId()).toList();
        assertThat(order.subList(order.indexOf(3), order.lastIndexOf(3))).contains(5, 7);
        assertThat(c.frames()).filteredOn(c::own).extracting(a -> a.frame().streamId()).containsOnly(5).hasSize(3);
        // every exchange of the connection draws the same frames, each with its own stream marked
        assertThat(script(1).connection().frames()).isEqualTo(c.frames());
        assertThat(script(3).connection().ownStream()).isEqualTo(7);
        assertThat(c.colour(0)).isZero();
        assertThat(List.of(c.colour(3), c.colour(5), c.colour(7))).doesNotHaveDuplicates().doesNotContain(0);
    }

    @Test
    void aStreamWhoseFramesCameInAnotherStreamsSocketReadSaysSoInsteadOfNoBytes() {
        DiagramStep interpret7 = step(script(3), Stage.INTERPRET);
        assertThat(interpret7.socketOps()).isZero();
        assertThat(interpret7.figures()).startsWith("35 B in 2 frames · in s5's socket read · ").doesNotContain("0 B");
        assertThat(step(script(3), Stage.PARSE).figures()).startsWith("13 B in 1 frame · in s5's socket read · ");
        // the read that carried s7 too: its own frames, then the whole read
        assertThat(step(script(2), Stage.INTERPRET).figures()).startsWith("35 B in 2 frames · 1 read of 70 B · ");
        // a read that carried only its own stream's frames
        assertThat(step(script(1), Stage.INTERPRET).figures()).startsWith("74 B in 2 frames · 1 read · ");
        // alone, the exchange cannot name the other stream, and says that much
        assertThat(step(DiagramScript.of(rec.exchange(3).orElseThrow()), Stage.INTERPRET).figures())
                .startsWith("35 B in 2 frames · in another stream's socket read · ");
    }

    @Test
    void windowsBesideTheFramesFollowTheDataThatCrossed() {
        ConnectionFrames c = script(1).connection();
        ConnectionFrames.Arrow data3 = c.frames().stream().filter(a -> a.frame().type().equals("DATA") && a.frame().streamId() == 3)
                .findFirst().orElseThrow();
        assertThat(data3.windows().server().connection()).isEqualTo(65_535 - 13);
        assertThat(data3.windows().server().streams()).containsEntry(3, 65_535L - 13).containsEntry(5, 65_535L);
        assertThat(c.windows().server().connection()).isEqualTo(65_535 - 3 * 13);
        assertThat(c.windows().client().connection()).isEqualTo(65_535);
        assertThat(c.frames()).filteredOn(a -> a.frame().type().equals("HEADERS")).allMatch(a -> a.windows() == null);
    }

    @Test
    void anHttp11ExchangeHasNoConnectionFrames() {
        Exchange x = dev.roundtrip.ui.Fixtures.classroom().exchange(1).orElseThrow();
        assertThat(DiagramScript.of(x).connection()).isNull();
    }

    private static DiagramStep step(DiagramScript s, Stage stage) {
        return s.steps().stream().filter(t -> t.stage() == stage).findFirst().orElseThrow();
    }
}
