package dev.roundtrip.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class EventRingTest {
    private static ExchangeEnded event(long producer, long n) {
        return new ExchangeEnded(producer, n, Outcome.COMPLETED, null, (String) null);
    }

    @Test
    void keepsEachPublishersOrderAndLosesNothingWhileThereIsRoom() throws Exception {
        EventRing ring = new EventRing(64); // small: publishers wait on a full ring and go on as it drains
        int producers = 4, each = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            long id = p;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int n = 0; n < each; n++) {
                    while (!ring.offer(event(id, n))) Thread.onSpinWait(); // bounded: the consumer below drains it
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        long[] next = new long[producers];
        int got = 0;
        while (got < producers * each) {
            TraceEvent e = ring.poll();
            if (e == null) {
                assertThat(threads.stream().anyMatch(Thread::isAlive) || !ring.isEmpty()).as("events missing: %d of %d", got, producers * each).isTrue();
                Thread.onSpinWait();
                continue;
            }
            int p = (int) e.exchangeId();
            assertThat(e.tNanos()).as("publisher %d's order", p).isEqualTo(next[p]);
            next[p]++;
            got++;
        }
        for (Thread t : threads) t.join();
        assertThat(ring.poll()).isNull();
        assertThat(ring.accepted()).isEqualTo((long) producers * each);
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void aFullRingRefusesAndTakesAgainOnceDrained() {
        EventRing ring = new EventRing(8);
        for (int n = 0; n < ring.capacity(); n++) assertThat(ring.offer(event(0, n))).isTrue();
        assertThat(ring.offer(event(0, 99))).isFalse();
        assertThat(ring.size()).isEqualTo(ring.capacity());
        assertThat(ring.poll().tNanos()).isZero();
        assertThat(ring.offer(event(0, 8))).isTrue();
        for (int n = 1; n <= 8; n++) assertThat(ring.poll().tNanos()).isEqualTo(n);
        assertThat(ring.poll()).isNull();
        assertThat(ring.accepted()).isEqualTo(9);
    }
}
