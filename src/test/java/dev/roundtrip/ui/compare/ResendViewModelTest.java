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
        // the five stages and the total; connect too, as the live re-send opened a connection (the recording's had none)
        assertThat(vm.rows()).filteredOn(r -> r.what().endsWith(" time")).extracting(ResendViewModel.Row::what)
                .contains("Connect time", "Send time", "Interpret time").hasSize(7);
        assertThat(vm.rows()).filteredOn(r -> r.what().endsWith(" time") && r.differs() && !r.recorded().equals("did not run")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.change()).matches("[+−]\\S+ \\S+( \\([+-]\\d+%\\))?"));
        assertThat(row(vm, "Process time").recorded()).isEqualTo(Units.duration(vm.diffProperty().get().stages().stream()
                .filter(s -> s.stage() == dev.roundtrip.trace.Stage.PROCESS).findFirst().orElseThrow().beforeNanos()));
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
        assertThat(vm.stateProperty().get()).startsWith("The recorded request was sent as it was. Same response as recorded");
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
    void theRecordedHeadersGoOutAsRecordedInTheirOrderButPseudoHeadersAndTransferEncoding() {
        RequestInfo recorded = new RequestInfo("POST", "/echo", List.of(new Header("Host", "127.0.0.1:43117"), new Header(":authority", "x"),
                new Header("Content-Length", "2"), new Header("Connection", "keep-alive"), new Header("Transfer-Encoding", "chunked"),
                new Header("X-Lesson", "1")), "hi".getBytes(StandardCharsets.US_ASCII), null);
        ComposedRequest again = ResendRequest.of(recorded);
        assertThat(again.headers()).containsExactly(new Header("Host", "127.0.0.1:43117"), new Header("Content-Length", "2"),
                new Header("Connection", "keep-alive"), new Header("X-Lesson", "1"));
        assertThat(again.body()).isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
        assertThat(again.isRaw()).isFalse();
    }

    /** The bytes the client wrote for {@code x}: what went on the wire. */
    private static byte[] sentBytes(Exchange x) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (dev.roundtrip.trace.StageEvent e : x.events()) {
            if (e.stage() == dev.roundtrip.trace.Stage.SEND && e.actor() == dev.roundtrip.trace.Actor.CLIENT && e.bytes() != null) {
                out.writeBytes(e.bytes().data());
            }
        }
        return out.toByteArray();
    }

    @Test
    void reSendWritesExactlyTheRecordedRequestBytesAndTheComparisonSaysSo() throws Exception {
        // as a lesson or the CLI sends it: Connection: close
        dev.roundtrip.client.ExchangeHandle h = live.lab().send(new dev.roundtrip.client.RequestSpec("GET", "/",
                List.of(new Header("Accept", "*/*")), new byte[0], null, false, dev.roundtrip.client.RequestSpec.DEFAULT_TIMEOUT));
        Exchange first = live.lab().settled(h.exchangeId()).get(20, TimeUnit.SECONDS);

        Exchange again = vm.resend(first, "live session").get(20, TimeUnit.SECONDS);

        assertThat(new String(sentBytes(first), StandardCharsets.ISO_8859_1)).contains("Connection: close").containsOnlyOnce("User-Agent");
        assertThat(sentBytes(again)).isEqualTo(sentBytes(first));
        assertThat(vm.diffProperty().get().sameRequest()).isTrue();
        assertThat(row(vm, "Request").differs()).isFalse();
        assertThat(vm.stateProperty().get()).startsWith("The recorded request was sent as it was.");
    }

    @Test
    void aRequestThatDiffersIsListedInTheComparison() throws Exception {
        Exchange first = live.sendAndSettle(new ComposedRequest("GET", "/", List.of(new Header("Accept", "*/*")), new byte[0], null))
                .get(20, TimeUnit.SECONDS);
        Exchange other = live.sendAndSettle(new ComposedRequest("GET", "/", List.of(new Header("Accept", "text/plain")), new byte[0], null))
                .get(20, TimeUnit.SECONDS);
        dev.roundtrip.record.ExchangeDiff d = dev.roundtrip.record.ExchangeDiff.between(first, other);
        assertThat(d.sameRequest()).isFalse();
        assertThat(d.differences()).filteredOn(dev.roundtrip.record.ExchangeDiff.Difference::ofRequest)
                .containsExactly(new dev.roundtrip.record.ExchangeDiff.Difference("request header Accept", "*/*", "text/plain"));
        assertThat(ResendViewModel.rows(first, other, d)).extracting(ResendViewModel.Row::what).contains("Request header Accept");
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

    private static boolean framed(Exchange x) {
        return x.events().stream().anyMatch(e -> e.frame() != null);
    }

    @Test
    void anHttp2ExchangeIsResentOverHttp2InTheClearAsItWent() throws Exception {
        Exchange first = live.sendAndSettle(new ComposedRequest("GET", "/users/1", List.of(), new byte[0], null, false,
                dev.roundtrip.ui.composer.Protocol.HTTP_2)).get(20, TimeUnit.SECONDS);
        assertThat(framed(first)).as("sent as h2c").isTrue();

        Exchange again = vm.resend(first, "live session").get(20, TimeUnit.SECONDS);

        assertThat(framed(again)).as("re-sent as h2c, not HTTP/1.1").isTrue();
        assertThat(again.response().orElseThrow().status()).isEqualTo(200);
        assertThat(again.connectionId()).as("a stream on the same h2 connection").isEqualTo(first.connectionId());
        ResendViewModel.Row protocol = row(vm, "Protocol");
        assertThat(protocol.recorded()).isEqualTo("h2c");
        assertThat(protocol.now()).isEqualTo("h2c");
        assertThat(protocol.differs()).isFalse();
        assertThat(vm.rows().get(1)).as("right after the status").isSameAs(protocol);
        assertThat(vm.stateProperty().get()).doesNotContain("travelled");
    }

    @Test
    void tlsAndHttp2OverTlsAreKeptOnReSend() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(live.lab().tlsPort().isPresent(), live.lab().tlsUnavailable());
        for (var p : dev.roundtrip.ui.composer.Protocol.values()) {
            Exchange first = live.sendAndSettle(new ComposedRequest("GET", "/users/2", List.of(), new byte[0], null, true, p))
                    .get(20, TimeUnit.SECONDS);
            Exchange again = vm.resend(first, "live session").get(20, TimeUnit.SECONDS);
            String expected = p == dev.roundtrip.ui.composer.Protocol.HTTP_2 ? "h2" : "HTTPS";
            assertThat(row(vm, "Protocol").recorded()).isEqualTo(expected);
            assertThat(row(vm, "Protocol").now()).as(p + " over TLS again").isEqualTo(expected);
            assertThat(again.events()).anyMatch(e -> e.plain() != null);
            assertThat(framed(again)).isEqualTo(p == dev.roundtrip.ui.composer.Protocol.HTTP_2);
        }
    }

    @Test
    void theComparisonSaysSoWhenTheProtocolsDiffer() throws Exception {
        Exchange h1 = live.sendAndSettle(new ComposedRequest("GET", "/", List.of(), new byte[0], null)).get(20, TimeUnit.SECONDS);
        Exchange h2 = live.sendAndSettle(new ComposedRequest("GET", "/", List.of(), new byte[0], null, false,
                dev.roundtrip.ui.composer.Protocol.HTTP_2)).get(20, TimeUnit.SECONDS);
        var rows = ResendViewModel.rows(h1, h2, dev.roundtrip.record.ExchangeDiff.between(h1, h2));
        ResendViewModel.Row protocol = rows.stream().filter(r -> r.what().equals("Protocol")).findFirst().orElseThrow();
        assertThat(protocol).isEqualTo(new ResendViewModel.Row("Protocol", "HTTP/1.1", "h2c", "differs", true));
        assertThat(ResendViewModel.otherProtocol(h1, h2)).isEqualTo(" It travelled as h2c this time, the recorded one as HTTP/1.1.");
        assertThat(ResendViewModel.otherProtocol(h2, h2)).isEmpty();
    }

    @Test
    void aRecordedHttp2RequestIsComposedAsHttp2AndItsPseudoHeadersAreLeftOut() {
        Recording r = new Recording(Instant.now());
        r.onEvent(new dev.roundtrip.trace.ExchangeStarted(1, 1, 0, new RequestInfo("GET", "/users/1",
                List.of(new Header(":authority", "example.org"), new Header("accept", "*/*")), null, null)));
        ComposedRequest again = ResendRequest.of(r.exchange(1).orElseThrow());
        assertThat(again.http2()).isTrue();
        assertThat(again.tls()).isFalse();
        assertThat(again.headers()).containsExactly(new Header("accept", "*/*"));
    }
}
