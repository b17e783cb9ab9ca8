package dev.roundtrip.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.FrameReadout;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.ui.Fixtures;
import dev.roundtrip.ui.diagram.DiagramScript;
import dev.roundtrip.ui.diagram.FlowWindows;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inspector's frame readout: an h2 exchange's frames up to the moment on screen, and its connection's windows. */
class InspectorFramesTest {
    private static Lab lab;
    private static Exchange first;
    private static Exchange second;
    private final InspectorViewModel vm = new InspectorViewModel();

    @BeforeAll
    static void record() throws Exception {
        lab = Lab.start();
        first = lab.settled(lab.sendHttp2(RequestSpec.get("/users/1")).exchangeId()).get(20, TimeUnit.SECONDS);
        second = lab.settled(lab.sendHttp2(RequestSpec.get("/users/2")).exchangeId()).get(20, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static List<StageEvent> clientFrames(Exchange x) {
        return x.events().stream().filter(e -> e.frame() != null && e.actor() == dev.roundtrip.trace.Actor.CLIENT).toList();
    }

    @Test
    void atTheEndEveryFrameTheClientSawOnTheExchangeIsListedAndTheWindowsAreTheDiagrams() {
        DiagramScript s = DiagramScript.of(second, lab.recording().exchanges());
        vm.show(second, s, s.steps().size() - 1, Long.MAX_VALUE);

        assertThat(vm.http2Property().get()).isTrue();
        List<StageEvent> own = clientFrames(second);
        assertThat(vm.frames()).extracting(InspectorViewModel.FrameRow::type).containsExactlyElementsOf(own.stream().map(e -> e.frame().type()).toList());
        assertThat(vm.frames()).extracting(InspectorViewModel.FrameRow::type).contains("HEADERS", "DATA");
        int stream = own.stream().filter(e -> e.frame().streamId() > 0).findFirst().orElseThrow().frame().streamId();
        assertThat(vm.frames()).filteredOn(f -> f.streamId() != 0).allMatch(f -> f.streamId() == stream);
        InspectorViewModel.FrameRow headers = vm.frames().stream().filter(f -> f.type().equals("HEADERS") && f.fromClient()).findFirst().orElseThrow();
        assertThat(headers.text()).startsWith("client → server  HEADERS  stream " + stream + "  ").contains("END_HEADERS").contains("(HPACK)");
        assertThat(vm.framesCaptionProperty().get()).isEqualTo(vm.frames().size() + " frames of this exchange (stream " + stream
                + ") up to this moment, as the client saw them");
        // the windows are the diagram's, from every frame of the connection (the first exchange's too)
        FlowWindows.Windows w = s.connection().windows();
        assertThat(vm.windowsCaptionProperty().get()).isEqualTo(InspectorViewModel.windowsText(w, stream))
                .startsWith("Flow-control windows: the client may still send " + dev.roundtrip.text.Units.bytes(w.client().connection()));
    }

    @Test
    void steppingBackShowsOnlyTheFramesThatHadCrossedAndAnHttp11ExchangeHasNone() {
        DiagramScript s = DiagramScript.of(first, lab.recording().exchanges());
        List<StageEvent> own = clientFrames(first);
        long firstFrame = own.get(0).tNanos();
        vm.show(first, s, 0, firstFrame);
        assertThat(vm.frames()).extracting(InspectorViewModel.FrameRow::tNanos).allMatch(t -> t <= firstFrame).isNotEmpty();
        int atStart = vm.frames().size();
        vm.show(first, s, s.steps().size() - 1, Long.MAX_VALUE);
        assertThat(vm.frames().size()).isGreaterThan(atStart);

        Exchange h1 = Fixtures.classroom().exchange(1).orElseThrow();
        vm.show(h1, DiagramScript.of(h1), 0, Long.MAX_VALUE);
        assertThat(vm.http2Property().get()).isFalse();
        assertThat(vm.frames()).isEmpty();
        assertThat(vm.windowsCaptionProperty().get()).isEmpty();
    }

    @Test
    void aFrameLineNamesItsFlagsIncrementAndSettings() {
        FrameReadout update = new FrameReadout("WINDOW_UPDATE", 0, 4, 0, null, null, null, false, 983_041L, null);
        assertThat(InspectorViewModel.frameRow(0, false, update).text()).isEqualTo("server → client  WINDOW_UPDATE  stream 0  4 B  window +"
                + dev.roundtrip.text.Units.bytes(983_041));
        FrameReadout settings = new FrameReadout("SETTINGS", 0, 12, 0, null, null, null, true, null,
                Map.of("INITIAL_WINDOW_SIZE", 1_048_576L));
        assertThat(InspectorViewModel.frameRow(0, true, settings).text()).endsWith("INITIAL_WINDOW_SIZE=1048576");
        assertThat(InspectorViewModel.flagNames("HEADERS", 0x25)).isEqualTo("END_STREAM END_HEADERS PRIORITY");
        assertThat(InspectorViewModel.flagNames("SETTINGS", 0x1)).isEqualTo("ACK");
        assertThat(InspectorViewModel.flagNames("DATA", 0x9)).isEqualTo("END_STREAM PADDED");
        FrameReadout reset = new FrameReadout("RST_STREAM", 5, 4, 0, null, null, "CANCEL", true, null, null);
        assertThat(InspectorViewModel.frameRow(0, true, reset).text()).isEqualTo("client → server  RST_STREAM  stream 5  4 B  CANCEL");
        assertThat(InspectorViewModel.windowsText(null, 3)).isEqualTo("Flow-control windows: " + dev.roundtrip.text.Units.bytes(65_535)
                + " each way, as every HTTP/2 connection and stream begins");
    }
}
