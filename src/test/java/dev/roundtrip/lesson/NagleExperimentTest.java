package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NagleExperimentTest {
    @Test
    void measuresBothSettingsOnARealConnection() throws Exception {
        NagleExperiment.Result r = NagleExperiment.run(4);
        assertThat(r.nodelayOff().tcpNoDelay()).isFalse();
        assertThat(r.nodelayOn().tcpNoDelay()).isTrue();
        assertThat(r.nodelayOff().roundTripNanos()).hasSize(4).allMatch(t -> t > 0);
        assertThat(r.nodelayOn().roundTripNanos()).hasSize(4).allMatch(t -> t > 0);
        // which one is slower is the lesson's question, answered from the measurement, not here
        assertThat(r.slower()).isIn("nodelay-off", "nodelay-on");
        assertThat(r.toString()).contains("TCP_NODELAY off").contains("TCP_NODELAY on");
    }

    @Test
    void medianLeavesTheWarmUpOut() {
        var m = new NagleExperiment.Measurement(false, java.util.List.of(900L, 10L, 30L, 20L));
        assertThat(m.medianNanos()).isEqualTo(20L);
        var on = new NagleExperiment.Measurement(true, java.util.List.of(5L, 1L, 2L));
        assertThat(new NagleExperiment.Result(m, on).slower()).isEqualTo("nodelay-off");
    }

    @Test
    void needsAWarmUpAndOneMeasuredRound() {
        assertThatThrownBy(() -> NagleExperiment.run(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
