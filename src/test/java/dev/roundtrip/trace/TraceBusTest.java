package dev.roundtrip.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TraceBusTest {
    private static StageEvent event(long exchange, long t) {
        return new StageEvent(exchange, 1, Stage.SEND, Phase.BEGIN, Actor.CLIENT, t, "test", "", null, null, null, null, null);
    }

    @Test
    void deliversInPublishOrder() throws Exception {
        try (TraceBus bus = new TraceBus()) {
            List<Long> seen = new CopyOnWriteArrayList<>();
            bus.subscribe(e -> seen.add(e.tNanos()));
            for (long i = 0; i < 1000; i++) bus.publish(event(1, i));
            assertThat(bus.awaitDelivered(Duration.ofSeconds(10))).isTrue();
            assertThat(seen).hasSize(1000);
            assertThat(seen).isSorted();
        }
    }

    @Test
    void aSlowListenerDropsAndCountsInsteadOfBlockingThePublisher() throws Exception {
        try (TraceBus bus = new TraceBus()) {
            CountDownLatch gate = new CountDownLatch(1);
            TraceBus.Subscription slow = bus.subscribe(e -> {
                try {
                    gate.await();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }, 4);
            for (long i = 0; i < 100; i++) bus.publish(event(1, i)); // must return although nobody reads
            gate.countDown();
            assertThat(bus.awaitDelivered(Duration.ofSeconds(10))).isTrue();
            assertThat(slow.dropped()).isGreaterThan(0);
            assertThat(slow.delivered() + slow.dropped()).isEqualTo(bus.published());
        }
    }

    @Test
    void aThrowingListenerIsCountedAndKeepsReceiving() throws Exception {
        try (TraceBus bus = new TraceBus()) {
            TraceBus.Subscription s = bus.subscribe(e -> {
                throw new IllegalStateException("boom");
            });
            bus.publish(event(1, 1));
            bus.publish(event(1, 2));
            assertThat(bus.awaitDelivered(Duration.ofSeconds(10))).isTrue();
            assertThat(s.failed()).isEqualTo(2);
            assertThat(s.delivered()).isEqualTo(2);
        }
    }
}
