package dev.roundtrip.ui.exchanges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeListViewModelTest {
    private final ExchangeListViewModel vm = new ExchangeListViewModel();
    private final List<Exchange> all = Fixtures.classroom().exchanges();

    @Test
    void oneRowPerExchangeWithWhatTheTableShows() {
        vm.update(all);
        assertThat(vm.rows()).extracting(ExchangeRow::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(vm.rows().get(0)).extracting(ExchangeRow::method, ExchangeRow::target, ExchangeRow::status)
                .containsExactly("GET", "/users/1", "200");
        assertThat(vm.rows().get(5).status()).isEqualTo("held");
        assertThat(vm.rows().get(5).time()).as("still running").isEqualTo("running");
        assertThat(vm.indexOf(4)).isEqualTo(3);
        assertThat(vm.indexOf(99)).isEqualTo(-1);
    }

    @Test
    void anUnchangedExchangeKeepsItsRowAndAShorterListDropsTheRest() {
        vm.update(all);
        ExchangeRow first = vm.rows().get(0);
        int[] changes = {0};
        vm.rows().addListener((javafx.collections.ListChangeListener<ExchangeRow>) c -> changes[0]++);
        vm.update(all);
        assertThat(vm.rows().get(0)).isSameAs(first);
        assertThat(changes[0]).as("nothing grew: the list is not touched").isZero();
        vm.update(all.subList(2, 4));
        assertThat(vm.rows()).extracting(ExchangeRow::id).containsExactly(3L, 4L);
    }

    @Test
    void theTimeIsTheClientsAndATimeHeldIsShownApart() {
        vm.update(all);
        assertThat(vm.rows().get(4).status()).isEqualTo("Cancelled");
        assertThat(vm.rows().get(4).time()).as("the client left after 1 s; the server answered at 1.5 s").isEqualTo("1 s");

        // held before parse for 41 s, then answered: 12 ms of work and the hold, apart
        Recording r = new Recording(java.time.Instant.EPOCH);
        Fixtures.Ex x = new Fixtures.Ex(r, 1, 1_000_000, "GET", "/users/1");
        x.send(Fixtures.USERS_REQUEST, 0, 2_000_000);
        r.onEvent(new GateEvent(1, 1_000_000 + 2_000_000, Stage.PARSE, GateEvent.Kind.HELD, null));
        r.onEvent(new GateEvent(1, 1_000_000 + 2_000_000 + 41_000_000_000L, Stage.PARSE, GateEvent.Kind.RELEASED, null));
        x.end(Outcome.COMPLETED, 200, "OK", 12_000_000 + 41_000_000_000L, null);
        Exchange held = r.exchange(1).orElseThrow();
        assertThat(ExchangeListViewModel.heldNanos(held, Long.MAX_VALUE)).isEqualTo(41_000_000_000L);
        assertThat(ExchangeListViewModel.time(held)).isEqualTo("12 ms, held 41 s");
    }

    @Test
    void aTargetFromTheNetworkIsShownWithItsControlBytesEscaped() {
        Recording r = new Recording(java.time.Instant.EPOCH);
        r.onEvent(new dev.roundtrip.trace.ExchangeStarted(1, 1, 0,
                new dev.roundtrip.trace.RequestInfo("GET", "/\u001b[2J\u0007", java.util.List.of(), null, null)));
        vm.update(r.exchanges());
        assertThat(vm.rows().get(0).target()).isEqualTo("/\\x1b[2J\\x07");
        assertThat(dev.roundtrip.ui.diagram.DiagramScript.of(r.exchange(1).orElseThrow()).title()).doesNotContain("\u001b");
    }

    @Test
    void theOneLineRequestSaysRawOnceAndAMethodWithItsTarget() {
        Recording r = new Recording(java.time.Instant.EPOCH);
        r.onEvent(new dev.roundtrip.trace.ExchangeStarted(1, 1, 0, new dev.roundtrip.trace.RequestInfo("", "", java.util.List.of(), null,
                "GARBAGE\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
        r.onEvent(new dev.roundtrip.trace.ExchangeStarted(2, 1, 0, new dev.roundtrip.trace.RequestInfo("GET", "/users/1", java.util.List.of(), null, null)));
        vm.update(r.exchanges());
        assertThat(vm.rows().get(0).method()).isEqualTo("raw");
        assertThat(vm.rows().get(0).oneLine()).isEqualTo("raw request · HTTP/1.1");
        assertThat(vm.rows().get(1).oneLine()).isEqualTo("GET /users/1 · HTTP/1.1");
    }

    @Test
    void clearStartsOver() {
        vm.update(all);
        vm.clear();
        assertThat(vm.rows()).isEmpty();
        Recording empty = new Recording(java.time.Instant.EPOCH);
        vm.update(empty.exchanges());
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void theProtocolIsReadFromTheFactsHttp2FramesAndTls() {
        Recording r = new Recording(java.time.Instant.EPOCH);
        Fixtures.users(r, 1, 0);
        r.onEvent(new dev.roundtrip.trace.ExchangeStarted(2, 2, 0, new dev.roundtrip.trace.RequestInfo("GET", "/", java.util.List.of(), null, null)));
        r.onEvent(dev.roundtrip.trace.StageEvent.at(2, 2, Stage.SEND, dev.roundtrip.trace.Phase.PROGRESS, dev.roundtrip.trace.Actor.CLIENT, 10)
                .detail("frame sent").frame(new dev.roundtrip.trace.FrameReadout("HEADERS", 1, 20, 5, 20, java.util.List.of(), null))
                .build());
        r.onEvent(new dev.roundtrip.trace.ExchangeStarted(3, 3, 0, new dev.roundtrip.trace.RequestInfo("GET", "/", java.util.List.of(), null, null)));
        r.onEvent(dev.roundtrip.trace.StageEvent.at(3, 3, Stage.SEND, dev.roundtrip.trace.Phase.PROGRESS, dev.roundtrip.trace.Actor.CLIENT, 10)
                .detail("plaintext").plain(dev.roundtrip.trace.BytesReadout.adopting(1, new byte[] {'G'})).build());
        r.onEvent(dev.roundtrip.trace.StageEvent.at(3, 3, Stage.SEND, dev.roundtrip.trace.Phase.PROGRESS, dev.roundtrip.trace.Actor.CLIENT, 11)
                .detail("frame sent").frame(new dev.roundtrip.trace.FrameReadout("HEADERS", 1, 20, 5, 20, java.util.List.of(), null))
                .build());
        r.onEvent(new dev.roundtrip.trace.ExchangeStarted(4, 4, 0, new dev.roundtrip.trace.RequestInfo("GET", "/", java.util.List.of(), null, null)));
        r.onEvent(dev.roundtrip.trace.StageEvent.at(4, 4, Stage.SEND, dev.roundtrip.trace.Phase.PROGRESS, dev.roundtrip.trace.Actor.CLIENT, 10)
                .detail("plaintext").plain(dev.roundtrip.trace.BytesReadout.adopting(1, new byte[] {'G'})).build());
        vm.update(r.exchanges());
        assertThat(vm.rows()).extracting(ExchangeRow::protocol).containsExactly("HTTP/1.1", "h2c", "h2", "HTTPS");
    }
}
