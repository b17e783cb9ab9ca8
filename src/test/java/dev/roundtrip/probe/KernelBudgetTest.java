package dev.roundtrip.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KernelBudgetTest {
    @Test
    void aBurstIsTakenThenReadoutsAreSampled() {
        KernelBudget b = new KernelBudget(4, 0.001); // refills far slower than this test runs
        int taken = 0;
        for (int i = 0; i < 100; i++) if (b.take()) taken++;
        assertThat(taken).isEqualTo(4);
    }

    @Test
    void unlimitedTakesEveryReadout() {
        KernelBudget b = KernelBudget.unlimited();
        for (int i = 0; i < 1000; i++) assertThat(b.take()).isTrue();
    }

    @Test
    void threadsTakingAtOnceTakeTheBurstExactly() throws Exception {
        KernelBudget b = new KernelBudget(1000, 0.001);
        java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) if (b.take()) taken.incrementAndGet();
            });
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        assertThat(taken.get()).isEqualTo(1000);
    }

    @Test
    void aSpentBudgetGrantsAgainAsTimePassesAndABudgetWithoutRateNever() throws Exception {
        KernelBudget b = new KernelBudget(2, 1000); // a token a millisecond
        assertThat(b.take()).isTrue();
        assertThat(b.take()).isTrue();
        boolean again = false;
        for (int i = 0; i < 5000 && !again; i++) { // bounded: 5 s at most, a millisecond is enough
            Thread.sleep(1);
            again = b.take();
        }
        assertThat(again).isTrue();
        KernelBudget never = new KernelBudget(3, 0);
        int taken = 0;
        for (int i = 0; i < 10; i++) if (never.take()) taken++;
        assertThat(taken).isEqualTo(3);
        assertThat(new KernelBudget(0, 1000).take()).isFalse();
    }
}
