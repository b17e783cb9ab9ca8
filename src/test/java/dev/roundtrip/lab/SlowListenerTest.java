package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.TraceBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A listener that cannot keep up loses events, counted; the engine and the recording do not notice. */
class SlowListenerTest {
    @Test
    void aStuckListenerDropsAndCountsWhileExchangesGoOn() throws Exception {
        try (Lab lab = Lab.start()) {
            CountDownLatch unstick = new CountDownLatch(1);
            TraceBus.Subscription slow = lab.bus().subscribe(e -> {
                try {
                    unstick.await();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }, 8);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) ids.add(lab.send(RequestSpec.get("/users/" + (i % 4 + 1))).exchangeId());
            for (long id : ids) assertThat(Facts.settle(lab, id).outcome()).isEqualTo(Outcome.COMPLETED);
            unstick.countDown();
            assertThat(lab.bus().awaitDelivered(Duration.ofSeconds(10))).isTrue();
            assertThat(slow.dropped()).isPositive();
            assertThat(slow.delivered() + slow.dropped()).isEqualTo(lab.bus().published());
            assertThat(lab.recording().dropped()).isZero();
            assertThat(lab.recording().eventCount()).isGreaterThanOrEqualTo(10 * 15);
        }
    }
}
