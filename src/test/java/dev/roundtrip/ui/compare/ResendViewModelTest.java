package dev.roundtrip.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roundtrip.record.Recording;
import dev.roundtrip.record.SampleRecordings;
import dev.roundtrip.text.Units;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.ui.composer.ComposedRequest;
import dev.roundtrip.ui.shell.LiveLabPort;
import dev.roundtrip.ui.shell.ReplayPort;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Re-send on a real lab, without controls: the new exchange is live and compared field by field. */
class ResendViewModelTest {
    private final LiveLabPort live = LiveLabPort.start();
    private final ResendViewModel vm = new ResendViewModel(live, Runnable::run);

    @AfterEach
    void close() {
        live.close();
    }

    private static ResendViewModel.Row row(ResendViewModel vm, String what) {
        return vm.rows().stream().filter(r -> r.what().equals(what)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + what + " in " + vm.rows()));
    }

    @Test
    void aRecordedExchangeFromAReplayRunsAgainOnTheLiveServerAndIsCompared() throws Exception {
        Recording replay = SampleRecordings.session();
        Exchange recorded = replay.exchange(1).orElseThrow(); // GET /users/1 → 200, recorded on another day

        Exchange now = vm.resend(recorded, "lesson1.roundtrip.json").get(20, TimeUnit.SECONDS);

        assertThat(live.recording().exchanges()).extracting(Exchange::id).containsExactly(now.id());
        assertThat(now.request().target()).isEqualTo("/users/1");
        assertThat(now.response().orElseThrow().status()).isEqualTo(200);
        assertThat(vm.originalProperty().get()).isSameAs(recorded);
        assertThat(vm.resentProperty().get()).isSameAs(now);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.originalLabelProperty().get()).isEqualTo("Recorded: #1 GET /users/1 (lesson1.roundtrip.json)");
        assertThat(vm.resentLabelProperty().get()).isEqualTo("Now: #" + now.id() + " GET /users/1 (live)");

        ResendViewModel.Row status = row(vm, "Status");
        assertThat(status.recorded()).isEqualTo("200 OK");
        assertThat(status.now()).isEqualTo("200 OK");
        assertThat(status.differs()).isFalse();
        assertThat(status.change()).isEqualTo("same");
        assertThat(vm.rows().get(0)).as("status comes first").isSameAs(status);
        // the recorded stages were 86 µs .. 1.25 ms; these are measured now: each row shows both and the change
        assertThat(vm.rows()).filteredOn(r -> r.what().endsWith(" time")).hasSize(6);
        assertThat(vm.rows()).filteredOn(r -> r.what().endsWith(" time") && r.differs()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.change()).matches("[+−]\\S+ \\S+( \\([+-]\\d+%\\))?"));
        assertThat(row(vm, "Process time").recorded()).isEqualTo(Units.duration(vm.diffProperty().get().stages().get(2).beforeNanos()));
        assertThat(vm.stateProperty().get()).isNotEmpty();
    }

    @Test
    void aLiveExchangeResentGivesTheSameStatusHeadersAndBody() throws Exception {
        Exchange first = live.sendAndSettle(new ComposedRequest("GET", "/", List.of(new Header("Accept", "*/*")), new byte[0], null))
                .get(20, TimeUnit.SECONDS);

        Exchange again = vm.resend(first, "live session").get(20, TimeUnit.SECONDS);

        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(live.recording().exchanges()).hasSize(2);
        assertThat(vm.diffProperty().get().sameResponse()).as(vm.diffProperty().get().toString()).isTrue();
        assertThat(row(vm, "Headers").differs()).isFalse();
        assertThat(row(vm, "Body").recorded()).isEqualTo("13 B");
        assertThat(vm.stateProperty().get()).startsWith("Same response as recorded");
    }

    @Test
    void aRawRecordedRequestIsSentAgainByteForByte() throws Exception {
        byte[] raw = "GET /users/abc HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        Exchange first = live.sendAndSettle(new ComposedRequest("", "", List.of(), new byte[0], raw)).get(20, TimeUnit.SECONDS);

        Exchange again = vm.resend(first, "live session").get(20, TimeUnit.SECONDS);

        assertThat(again.request().raw()).isEqualTo(raw);
        assertThat(again.response().orElseThrow().status()).isEqualTo(400);
        assertThat(row(vm, "Status").differs()).isFalse();
    }

    @Test
    void theOldConnectionsHeadersAreLeftForTheClientToSetAfresh() {
        RequestInfo recorded = new RequestInfo("POST", "/echo", List.of(new Header("Host", "127.0.0.1:43117"), new Header(":authority", "x"),
                new Header("Content-Length", "2"), new Header("Connection", "keep-alive"), new Header("X-Lesson", "1")),
                "hi".getBytes(StandardCharsets.US_ASCII), null);
        ComposedRequest again = ResendRequest.of(recorded);
        assertThat(again.headers()).containsExactly(new Header("X-Lesson", "1"));
        assertThat(again.body()).isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
        assertThat(again.isRaw()).isFalse();
    }

    @Test
    void aRequestTheEngineRefusesIsReportedAndNothingIsSent() {
        Recording r = new Recording(Instant.now());
        r.onEvent(new dev.roundtrip.trace.ExchangeStarted(1, 1, 0,
                new RequestInfo("GET", "/has space", List.of(), null, null)));
        Exchange bad = r.exchange(1).orElseThrow();

        assertThatThrownBy(() -> vm.resend(bad, "imported.har").get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

        assertThat(vm.stateProperty().get()).startsWith("Not re-sent: target '/has space' contains a space");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(live.recording().exchanges()).isEmpty();
    }

    @Test
    void aReplayPortCannotResend() {
        ResendViewModel offline = new ResendViewModel(new ReplayPort(SampleRecordings.session(), "x"), Runnable::run);
        assertThatThrownBy(() -> offline.resend(SampleRecordings.session().exchange(1).orElseThrow(), "x").get())
                .isInstanceOf(ExecutionException.class);
        assertThat(offline.stateProperty().get()).isEqualTo("There is no live server to re-send to.");
    }
}
