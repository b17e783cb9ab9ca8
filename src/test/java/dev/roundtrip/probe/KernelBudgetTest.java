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
}
