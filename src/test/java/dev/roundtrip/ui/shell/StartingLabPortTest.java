package dev.roundtrip.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.ui.composer.ComposedRequest;
import dev.roundtrip.ui.composer.ComposerViewModel;
import dev.roundtrip.ui.composer.Preset;
import dev.roundtrip.ui.util.Language;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live port while its engine starts: early calls wait for the engine, in order, and are never lost. */
class StartingLabPortTest {
    private final CompletableFuture<LiveLabPort> engine = new CompletableFuture<>();
    private final StartingLabPort port = new StartingLabPort(engine);

    @BeforeEach
    void english() {
        Language.use(Locale.ENGLISH);
    }

    @AfterEach
    void close() {
        port.close();
    }

    private static ComposedRequest preset(int i) {
        ComposerViewModel composer = new ComposerViewModel();
        composer.apply(Preset.ALL.get(i));
        return composer.compose().orElseThrow();
    }

    /** Polls {@code done} for up to ~30 s (the engine's first exchange warms it up first). */
    private static boolean until(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            if (done.getAsBoolean()) return true;
            Thread.sleep(10);
        }
        return false;
    }

    @Test
    void aSendMadeWhileTheEngineStartsGoesOutOnceItIsUpAfterTheModeChosenBeforeIt() throws Exception {
        assertThat(port.starting()).isTrue();
        assertThat(port.describe()).isEqualTo("Server starting…");
        assertThat(port.canSend()).as("Send is offered while the engine starts").isTrue();
        port.setMode(GateMode.STEP);
        port.send(preset(1));
        assertThat(port.recording().exchanges()).as("nothing can be sent before there is a server").isEmpty();
        assertThat(port.holding()).isFalse();

        LiveLabPort live = LiveLabPort.start();
        engine.complete(live);
        assertThat(port.starting()).isFalse();
        assertThat(port.recording()).as("the engine's recording is shown from now on").isSameAs(live.recording());
        assertThat(port.describe()).isEqualTo("Server on 127.0.0.1:" + live.lab().port());
        // the mode reached the engine before the send: the exchange waits before its first stage
        // (the hold is the gate's at once; the recording has the exchange once its events came through the bus)
        assertThat(until(() -> port.holding() && port.recording().exchanges().size() == 1)).as("the early send is held in step mode").isTrue();
        assertThat(until(() -> {
            if (port.holding()) port.step();
            return port.recording().exchanges().get(0).end().isPresent();
        })).as("stepped through to its end").isTrue();
        Exchange x = port.recording().exchanges().get(0);
        assertThat(x.response().map(ResponseInfo::status)).contains(200);
    }

    @Test
    void sendAndSettleMadeWhileStartingCompletesWithTheSettledExchange() throws Exception {
        CompletableFuture<Exchange> settled = port.sendAndSettle(preset(1));
        assertThat(settled).isNotDone();
        engine.complete(LiveLabPort.start());
        Exchange x = settled.get(60, TimeUnit.SECONDS);
        assertThat(x.response().map(ResponseInfo::status)).contains(200);
        assertThat(port.recording().exchanges()).extracting(Exchange::id).containsExactly(x.id());
    }

    @Test
    void aRequestTheEngineWouldRefuseIsRefusedAtOnceWithItsReasonWhileStarting() {
        ComposerViewModel composer = new ComposerViewModel();
        composer.apply(Preset.ALL.get(1));
        composer.targetProperty().set("/users 1");
        ComposedRequest bad = composer.compose().orElseThrow();
        assertThatThrownBy(() -> port.send(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/users 1");
        assertThat(port.sendAndSettle(bad)).isCompletedExceptionally();
    }

    @Test
    void anEngineThatCannotStartRefusesWhatWaitedAndWhatComesWithItsReason() {
        StringBuilder reported = new StringBuilder();
        port.onError(reported::append);
        port.send(preset(1));
        CompletableFuture<Exchange> settled = port.sendAndSettle(preset(1));
        engine.completeExceptionally(new UncheckedIOException("The embedded server could not start: Address already in use",
                new java.io.IOException("Address already in use")));

        assertThat(port.starting()).isFalse();
        assertThat(port.failure()).contains("The embedded server could not start: Address already in use");
        assertThat(port.describe()).isEqualTo("The server did not start: The embedded server could not start: Address already in use");
        assertThat(reported.toString()).as("the send that waited says why it never went").contains("Address already in use");
        assertThatThrownBy(() -> settled.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("Address already in use");
        assertThatThrownBy(() -> port.send(preset(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Address already in use");
    }

    @Test
    void anEngineThatCannotListenSaysSoInTheWindowsLanguage() throws Exception {
        java.util.Locale before = dev.roundtrip.text.Texts.locale();
        try (java.net.ServerSocket other = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int taken = other.getLocalPort();
            Throwable why = null;
            try {
                dev.roundtrip.lab.Lab.start(dev.roundtrip.lab.LabOptions.defaults().withPort(taken)).close();
            } catch (java.io.IOException e) {
                why = e;
            }
            assertThat(why).as("a second listener on a taken port").isNotNull();
            dev.roundtrip.text.Texts.use(java.util.Locale.GERMAN);
            // as LiveLabPort.start wraps it, and the future the window waits on
            engine.completeExceptionally(new UncheckedIOException(why.getMessage(), (java.io.IOException) why));
            assertThat(port.describe()).startsWith("Der Server ist nicht gestartet: Port " + taken + " auf 127.0.0.1 ist von einem anderen Programm belegt"
                    + " (Meldung des Systems: ").doesNotContain("already in use (");
        } finally {
            dev.roundtrip.text.Texts.use(before);
        }
    }

    @Test
    void anEngineThatComesUpAfterThePortClosedIsClosedToo() throws Exception {
        port.close();
        LiveLabPort live = LiveLabPort.start();
        int listening = live.lab().port();
        engine.complete(live);
        assertThat(until(() -> refused(listening))).as("the late engine's server stops listening").isTrue();
    }

    private static boolean refused(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void theLessonsGetTheEnginesLabOnceItIsUp() {
        CompletableFuture<dev.roundtrip.lab.Lab> lab = port.lab();
        assertThat(lab).isNotDone();
        LiveLabPort live = LiveLabPort.start();
        engine.complete(live);
        assertThat(lab).isCompletedWithValue(live.lab());
    }
}
