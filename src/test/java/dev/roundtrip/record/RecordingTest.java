package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.RequestInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingTest {
    @Test
    void theRetentionRingEvictsTheOldestFinishedExchangesAndCountsThem() {
        Recording r = new Recording(SampleRecordings.START);
        r.setRetainedExchanges(4);
        r.onEvent(new ExchangeStarted(1, 1, 0, RequestInfo.EMPTY)); // never finishes: never evicted
        for (long id = 2; id <= 12; id++) {
            r.onEvent(new ExchangeStarted(id, 1, id, RequestInfo.EMPTY));
            r.onEvent(new ExchangeEnded(id, id + 1, Outcome.COMPLETED, null, "done"));
        }
        List<Exchange> kept = r.exchanges();
        assertThat(kept.size()).isBetween(4, 5);
        assertThat(kept.get(0).id()).isEqualTo(1);
        assertThat(kept.get(kept.size() - 1).id()).isEqualTo(12);
        assertThat(r.evictedExchanges()).isEqualTo(12 - kept.size());
        assertThat(r.exchange(2)).isEmpty();
        assertThat(r.applied()).isEqualTo(1 + 2 * 11);
        // a late fact for an evicted exchange is an orphan, counted, not a crash
        r.onEvent(new ExchangeEnded(2, 99, Outcome.COMPLETED, null, "late"));
        assertThat(r.orphans()).isEqualTo(1);
    }

    @Test
    void theExchangeFoundLastIsForgottenWhenItIsEvicted() {
        Recording r = new Recording(SampleRecordings.START);
        r.setRetainedExchanges(1);
        for (long id = 1; id <= 2; id++) {
            r.onEvent(new ExchangeStarted(id, 1, id, RequestInfo.EMPTY));
            r.onEvent(new ExchangeEnded(id, id + 1, Outcome.COMPLETED, null, "done"));
        }
        r.onEvent(new ExchangeStarted(3, 1, 3, RequestInfo.EMPTY)); // evicts 1 and 2, the one found last
        assertThat(r.exchange(2)).isEmpty();
        r.onEvent(new ExchangeEnded(2, 99, Outcome.COMPLETED, null, "late"));
        assertThat(r.orphans()).isEqualTo(1);
        r.onEvent(new ExchangeEnded(3, 4, Outcome.COMPLETED, null, "done"));
        assertThat(r.exchange(3).orElseThrow().end()).isPresent();
    }
}
