package dev.roundtrip.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.Fixtures;
import dev.roundtrip.ui.diagram.DiagramScript;
import dev.roundtrip.ui.diagram.DiagramStep;
import dev.roundtrip.ui.playback.PlaybackViewModel;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InspectorViewModelTest {
    private final Recording rec = Fixtures.classroom();
    private final InspectorViewModel vm = new InspectorViewModel();

    private static String text(java.util.List<HexLine> lines, HexLine.Look look) {
        return lines.stream().flatMap(l -> l.text().stream()).filter(r -> r.look() == look)
                .map(HexLine.Run::text).collect(Collectors.joining());
    }

    @Test
    void atTheEndBothDirectionsAreShownAndNothingIsHighlightedOutsideTheCurrentStage() {
        Exchange x = rec.exchange(1).orElseThrow();
        DiagramScript s = DiagramScript.of(x);
        vm.show(x, s, 4, Long.MAX_VALUE);
        assertThat(text(vm.requestHex(), HexLine.Look.REQUEST)).startsWith("GET /users/1 HTTP/1.1←↓");
        assertThat(text(vm.responseHex(), HexLine.Look.RESPONSE_CURRENT)).startsWith("HTTP/1.1 200 OK");
        assertThat(text(vm.requestHex(), HexLine.Look.REQUEST_CURRENT)).isEmpty();
        assertThat(vm.bytesCaptionProperty().get()).contains("just read by interpret");
        assertThat(vm.waterfall()).extracting(WaterfallRow::stage).containsExactly(Stage.gated().toArray(new Stage[0]));
        assertThat(vm.waterfall().get(4).current()).isTrue();
        assertThat(vm.allocatedByStage()).filteredOn(a -> a.stage() == Stage.PROCESS).singleElement()
                .satisfies(a -> assertThat(a.bytes()).isEqualTo(41_000L));
    }

    @Test
    void duringParseTheRequestIsHighlightedAndReadoutsAreThoseOfThatMoment() {
        Exchange x = rec.exchange(1).orElseThrow();
        DiagramScript s = DiagramScript.of(x);
        DiagramStep parse = s.steps().get(1);
        vm.show(x, s, 1, parse.endNanos());
        assertThat(text(vm.requestHex(), HexLine.Look.REQUEST_CURRENT)).startsWith("GET /users/1");
        assertThat(vm.responseHex()).isEmpty();
        assertThat(vm.bufferProperty().get().capacity()).isEqualTo(1024);
        assertThat(vm.kernelCaptionProperty().get()).startsWith("server socket");
        // when send had written its bytes, only the client's readouts existed
        vm.show(x, s, 0, s.steps().get(0).endNanos());
        assertThat(vm.bufferProperty().get().capacity()).isEqualTo(256);
        assertThat(vm.kernelProperty().get().txQueue()).isEqualTo((long) Fixtures.USERS_REQUEST.length());
    }

    @Test
    void followingTheAnimationShowsTheReadoutsOfTheStepOnScreenThenEverything() {
        Exchange x = rec.exchange(1).orElseThrow();
        DiagramScript s = DiagramScript.of(x);
        PlaybackViewModel playback = new PlaybackViewModel();
        playback.restart(java.util.List.of(1000.0, 1000.0, 1000.0, 1000.0, 1000.0));
        playback.playingProperty().set(false);
        playback.positionProperty().set(500); // half way through send
        vm.follow(x, s, playback);
        assertThat(vm.responseHex()).as("the response does not exist yet").isEmpty();
        assertThat(vm.waterfall().get(0).current()).isTrue();
        playback.toEnd();
        vm.follow(x, s, playback);
        assertThat(text(vm.responseHex(), HexLine.Look.RESPONSE_CURRENT)).startsWith("HTTP/1.1 200 OK");
        vm.show(null, DiagramScript.EMPTY, -1, Long.MAX_VALUE); // someone else cleared it
        vm.follow(x, s, playback);
        assertThat(vm.responseHex()).as("nothing moved since the last follow: not shown again").isEmpty();
        vm.forget();
        vm.follow(x, s, playback);
        assertThat(vm.responseHex()).isNotEmpty();
    }

    @Test
    void whileHeldBeforeParseTheKernelReadoutIsTheHoldsAndShowsTheWaitingBytes() {
        Exchange x = rec.exchange(6).orElseThrow();
        vm.show(x, DiagramScript.of(x), 0, Long.MAX_VALUE);
        assertThat(vm.kernelProperty().get().rxQueue()).isEqualTo((long) Fixtures.USERS_REQUEST.length());
        assertThat(vm.kernelCaptionProperty().get()).isEqualTo("server socket while held before parse");
        assertThat(vm.tcpCaptionProperty().get()).isEqualTo("server socket while held before parse");
        assertThat(InspectorViewModel.tcpLines(vm.tcpProperty().get())).contains("State: ESTABLISHED", "Round-trip time: 40 µs (varies by 20 µs)");
    }

    @Test
    void historyHasOnePointPerExchangeWithMemoryAndNoneIsInvented() {
        vm.showHistory(rec.exchanges());
        assertThat(vm.memoryHistory()).extracting(MemoryPoint::exchangeId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        vm.show(null, DiagramScript.EMPTY, -1, 0);
        assertThat(vm.bufferProperty().get()).isNull();
        assertThat(vm.waterfall()).isEmpty();
    }

    @Test
    void theBuffersTabShowsTheConnectionsTcpStateAsTheStageOnScreenEndedIt() throws Exception {
        Exchange x;
        try (dev.roundtrip.lab.Lab lab = dev.roundtrip.lab.Lab.start()) {
            x = lab.settled(lab.send(dev.roundtrip.client.RequestSpec.get("/users/1")).exchangeId()).get(20, java.util.concurrent.TimeUnit.SECONDS);
        }
        DiagramScript s = DiagramScript.of(x);
        int parse = 0;
        while (s.steps().get(parse).stage() != Stage.PARSE) parse++;
        vm.show(x, s, parse, s.steps().get(parse).endNanos());
        assertThat(vm.tcpCaptionProperty().get()).isEqualTo("server socket at the end of parse");
        vm.show(x, s, s.steps().size() - 1, Long.MAX_VALUE);
        assertThat(vm.tcpCaptionProperty().get()).isEqualTo("client socket at the end of interpret");
        java.util.List<String> lines = InspectorViewModel.tcpLines(vm.tcpProperty().get());
        if (vm.tcpProperty().get().available()) { // Linux, epoll
            assertThat(lines).contains("State: ESTABLISHED");
            assertThat(lines).anyMatch(l -> l.startsWith("Round-trip time: ")).anyMatch(l -> l.startsWith("Largest segment sent (MSS): "))
                    .anyMatch(l -> l.matches("Congestion window: \\d+ segments?"));
        } else {
            assertThat(lines).singleElement().asString().startsWith("not available on this platform");
        }
        assertThat(InspectorViewModel.tcpLines(dev.roundtrip.trace.TcpReadout.unavailable(dev.roundtrip.trace.Unavailable.SAMPLED, "under load")))
                .containsExactly("not measured here: sampled under load (under load)");
        assertThat(InspectorViewModel.tcpLines(new dev.roundtrip.trace.TcpReadout("ESTABLISHED", 1500L, null, 1L, 1460L, 0L, 2L, null)))
                .containsExactly("State: ESTABLISHED", "Round-trip time: 1.5 ms", "Congestion window: 1 segment",
                        "Largest segment sent (MSS): 1,460 bytes", "Sent, not yet acknowledged: 2 segments", "Sent again (retransmitted): 0 segments");
    }

    @Test
    void aMissingKernelFigureSaysWhy() {
        assertThat(InspectorViewModel.missingText(new dev.roundtrip.trace.KernelReadout(null, null, null, null,
                dev.roundtrip.trace.Unavailable.SAMPLED.text("not read at this socket read/write"))))
                .isEqualTo("not measured here: sampled under load (not read at this socket read/write)");
        assertThat(InspectorViewModel.missingText(new dev.roundtrip.trace.KernelReadout(null, null, null, null,
                dev.roundtrip.trace.Unavailable.PLATFORM.text("no /proc/net/tcp")))).startsWith("not available on this platform");
        assertThat(InspectorViewModel.missingText(new dev.roundtrip.trace.KernelReadout(null, null, null, null, "an old text")))
                .isEqualTo("not available (an old text)");
        // switched off: the engine's detail only repeats the reason, and is not said twice
        assertThat(InspectorViewModel.missingText(new dev.roundtrip.trace.KernelReadout(null, null, null, null,
                dev.roundtrip.trace.Unavailable.OFF.text("kernel readouts are switched off")))).isEqualTo("kernel readouts are switched off");
    }

    @Test
    void aGermanInspectorShowsTheEnginesEventDetailInGerman() throws Exception {
        Exchange x;
        try (dev.roundtrip.lab.Lab lab = dev.roundtrip.lab.Lab.start()) {
            x = lab.settled(lab.send(dev.roundtrip.client.RequestSpec.get("/users/1")).exchangeId()).get(20, java.util.concurrent.TimeUnit.SECONDS);
        }
        DiagramScript s = DiagramScript.of(x);
        try {
            dev.roundtrip.text.Texts.use(java.util.Locale.GERMAN);
            vm.show(x, s, s.steps().size() - 1, Long.MAX_VALUE);
            assertThat(vm.bufferCaptionProperty().get()).matches("ByteBuf \\(.+\\) nach interpret \\(Socket-Lesevorgang #1: \\d+ Bytes\\)");
            dev.roundtrip.text.Texts.use(java.util.Locale.FRENCH);
            vm.show(x, s, s.steps().size() - 1, Long.MAX_VALUE);
            assertThat(vm.bufferCaptionProperty().get()).contains("(lecture socket #1 : ");
        } finally {
            dev.roundtrip.text.Texts.use(java.util.Locale.ENGLISH);
        }
        vm.show(x, s, s.steps().size() - 1, Long.MAX_VALUE);
        assertThat(vm.bufferCaptionProperty().get()).contains("(socket read #1: ");
    }

    @Test
    void overTlsTheBytesAreTheCiphertextAndTheSwitchShowsThePlaintextTheProgramsSaw() throws Exception {
        Exchange x;
        try (dev.roundtrip.lab.Lab lab = dev.roundtrip.lab.Lab.start()) {
            long id = lab.send(dev.roundtrip.client.RequestSpec.get("/users/1").withTls(true).withKeepAlive(false)).exchangeId();
            x = lab.settled(id).get(20, java.util.concurrent.TimeUnit.SECONDS);
        }
        DiagramScript s = DiagramScript.of(x);
        vm.show(x, s, s.steps().size() - 1, Long.MAX_VALUE);
        assertThat(vm.overTlsProperty().get()).isTrue();
        assertThat(vm.requestHex().get(0).hex().get(0).text()).startsWith("17 03 03"); // an application-data record
        long plainRead = x.events().stream().filter(e -> e.stage() == Stage.INTERPRET && e.plain() != null)
                .mapToLong(e -> e.plain().count()).sum();
        long wireRead = x.events().stream().filter(e -> e.stage() == Stage.INTERPRET && e.bytes() != null)
                .mapToLong(e -> e.bytes().count()).sum();
        assertThat(plainRead).as("the response's plaintext").isGreaterThan(100).isLessThan(wireRead);
        assertThat(vm.bytesCaptionProperty().get()).startsWith("Ciphertext, as it crossed the socket")
                .contains("just read by interpret (in all, interpret's " + dev.roundtrip.text.Units.bytes(wireRead)
                        + " of TLS records carried " + dev.roundtrip.text.Units.bytes(plainRead) + " of plaintext)");

        vm.setShowPlain(true);
        assertThat(text(vm.requestHex(), HexLine.Look.REQUEST)).startsWith("GET /users/1 HTTP/1.1←↓");
        assertThat(vm.bytesCaptionProperty().get()).startsWith("Plaintext, as the programs wrote and read it");

        vm.show(rec.exchange(1).orElseThrow(), DiagramScript.of(rec.exchange(1).orElseThrow()), 4, Long.MAX_VALUE);
        assertThat(vm.overTlsProperty().get()).as("a cleartext exchange has one kind of bytes").isFalse();
        assertThat(vm.bytesCaptionProperty().get()).startsWith("Request ");
    }

    @Test
    void theMemoryCaptionShowsTheProgramAndTheInstrumentApartAndSaysWhyAFigureIsMissing() {
        var warm = new dev.roundtrip.trace.MemoryReadout(1 << 20, 3_174L, 1_048_576L, 0, null, false);
        assertThat(InspectorViewModel.allocationText(Stage.RESPOND, warm))
                .isEqualTo("respond: program " + dev.roundtrip.text.Units.bytes(3_174) + " · instrument " + dev.roundtrip.text.Units.bytes(1_048_576));
        var cold = new dev.roundtrip.trace.MemoryReadout(1 << 20, 16_000L, 2_000L, 0, null, true);
        assertThat(InspectorViewModel.allocationText(Stage.SEND, cold)).startsWith("send: program").contains("cold: includes first-time work");
        var failed = new dev.roundtrip.trace.MemoryReadout(1 << 20, null, null, 0,
                dev.roundtrip.trace.Unavailable.ERROR.text("the stage began on another thread"), false);
        assertThat(InspectorViewModel.allocationText(Stage.PARSE, failed))
                .isEqualTo("parse: allocation the readout failed, so no figure is shown (the stage began on another thread)");
        var old = new dev.roundtrip.trace.MemoryReadout(1 << 20, null, 0); // a recording without reasons
        assertThat(InspectorViewModel.allocationText(Stage.PARSE, old)).isEqualTo("parse: allocation not available");
    }

    @Test
    void theCaptionFollowsTheLatestMemoryReadoutOfTheExchangeShown() {
        Exchange x = rec.exchange(1).orElseThrow();
        vm.show(x, DiagramScript.of(x), 4, Long.MAX_VALUE);
        assertThat(vm.allocationCaptionProperty().get()).matches("[a-z]+: (program .*|allocation .*)");
    }
}
