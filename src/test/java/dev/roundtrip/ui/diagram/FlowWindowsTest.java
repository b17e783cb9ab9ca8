package dev.roundtrip.ui.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.LabOptions;
import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.FrameReadout;
import dev.roundtrip.trace.StageEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/2 flow control worked out from the frames: by hand, and on a real 256 KiB download that needs WINDOW_UPDATEs. */
class FlowWindowsTest {
    private static FrameReadout frame(String type, int stream, int length, Long increment, Map<String, Long> settings) {
        return new FrameReadout(type, stream, length, 0, null, null, null, null, increment, settings);
    }

    @Test
    void dataTakesFromTheSendersWindowsAndWindowUpdatesAndInitialWindowSizeGiveBack() {
        FlowWindows w = new FlowWindows();
        w.apply(true, frame("HEADERS", 3, 20, null, null));
        w.apply(false, frame("DATA", 3, 16_384, null, null));
        assertThat(w.now().server().connection()).isEqualTo(65_535 - 16_384);
        assertThat(w.now().server().streams()).containsEntry(3, 65_535L - 16_384);
        assertThat(w.now().client().streams()).containsEntry(3, 65_535L);
        // the client gives the server room: on the connection, then on stream 3
        w.apply(true, frame("WINDOW_UPDATE", 0, 4, 16_384L, null));
        assertThat(w.now().server().connection()).isEqualTo(65_535);
        w.apply(true, frame("WINDOW_UPDATE", 3, 4, 1_000L, null));
        assertThat(w.now().server().streams()).containsEntry(3, 65_535L - 16_384 + 1_000);
        // a larger SETTINGS_INITIAL_WINDOW_SIZE moves the open stream by the difference; the connection's does not move
        w.apply(true, frame("SETTINGS", 0, 6, null, Map.of("INITIAL_WINDOW_SIZE", 1_048_576L)));
        assertThat(w.now().server().streams()).containsEntry(3, 1_048_576L - 16_384 + 1_000);
        assertThat(w.now().server().connection()).isEqualTo(65_535);
        // a stream opened after it starts at the new size; the client's own windows are the server's to set
        w.apply(true, frame("HEADERS", 5, 20, null, null));
        assertThat(w.now().server().streams()).containsEntry(5, 1_048_576L);
        assertThat(w.now().client().streams()).containsEntry(5, 65_535L);
        // SETTINGS without the parameter, and a WINDOW_UPDATE without its increment (an old recording), change nothing
        w.apply(false, frame("SETTINGS", 0, 6, null, Map.of("MAX_CONCURRENT_STREAMS", 100L)));
        w.apply(false, frame("WINDOW_UPDATE", 0, 4, null, null));
        assertThat(w.now().client().connection()).isEqualTo(65_535);
    }

    @Test
    void a256KiBDownloadOverH2NeedsWindowUpdatesAndNeverSendsPastTheWindow(@TempDir Path dir) throws Exception {
        Recording rec;
        long id;
        try (Lab lab = Lab.start(LabOptions.defaults())) {
            ExchangeHandle h = lab.sendHttp2(RequestSpec.get("/big?kb=256"));
            id = h.exchangeId();
            Exchange x = lab.settled(id).get(30, TimeUnit.SECONDS);
            assertThat(x.response().orElseThrow().body()).hasSize(256 * 1024);
            // what is drawn is what a file keeps: saved and opened again
            Path file = dir.resolve("big.roundtrip.json");
            RecordingFiles.save(lab.recording(), file);
            rec = RecordingFiles.open(file);
            assertThat(rec.exchange(id).orElseThrow().events()).extracting(StageEvent::frame)
                    .isEqualTo(x.events().stream().map(StageEvent::frame).toList());
        }
        Exchange x = rec.exchange(id).orElseThrow();
        ConnectionFrames c = DiagramScript.of(x, rec.exchanges()).connection();
        int stream = c.ownStream();
        List<FrameReadout> frames = c.frames().stream().map(ConnectionFrames.Arrow::frame).toList();
        assertThat(c.frames()).allMatch(a -> a.frame().fromClient() != null);

        long data = sum(c, false, "DATA", stream, FrameReadout::length);
        long connectionUpdates = sum(c, true, "WINDOW_UPDATE", 0, f -> f.windowIncrement());
        long streamUpdates = sum(c, true, "WINDOW_UPDATE", stream, f -> f.windowIncrement());
        assertThat(data).isEqualTo(256 * 1024).isGreaterThan(FlowWindows.INITIAL);
        assertThat(connectionUpdates).as("the client gave the server room on the connection").isPositive();
        assertThat(streamUpdates).as("and on the stream").isPositive();
        assertThat(frames).filteredOn(f -> f.type().equals("SETTINGS") && (f.flags() & 1) == 0).allMatch(f -> f.settings() != null);

        long initial = frames.stream().filter(f -> f.fromClient() && f.initialWindowSize() != null)
                .reduce((a, b) -> b).map(FrameReadout::initialWindowSize).orElse(FlowWindows.INITIAL);
        assertThat(c.windows().server().connection()).isEqualTo(FlowWindows.INITIAL - data + connectionUpdates);
        assertThat(c.windows().server().streams()).containsEntry(stream, initial - data + streamUpdates);
        assertThat(c.windows().client().connection()).isEqualTo(FlowWindows.INITIAL); // a GET sends no DATA
        // the server waited for room every time: no window as worked out ever went below zero
        for (ConnectionFrames.Arrow a : c.frames()) {
            if (a.windows() == null) continue;
            assertThat(a.windows().server().connection()).as("after %s", a.frame()).isNotNegative();
            assertThat(a.windows().server().streams().get(stream)).as("after %s", a.frame()).isNotNegative();
        }
    }

    private static long sum(ConnectionFrames c, boolean fromClient, String type, int stream,
                            java.util.function.ToLongFunction<FrameReadout> value) {
        return c.frames().stream().filter(a -> a.fromClient() == fromClient && a.frame().type().equals(type) && a.frame().streamId() == stream)
                .mapToLong(a -> value.applyAsLong(a.frame())).sum();
    }
}
