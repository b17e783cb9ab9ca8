package dev.roundtrip.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.probe.KernelBudget;
import dev.roundtrip.probe.KernelProbe;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Unavailable;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ioctl readouts at socket reads and writes are sampled under load like the /proc ones: a burst of a
 * few hundred is read in full, beyond it a readout says "sampled"; switched to every read and write, none is.
 */
class IoctlSamplingTest {
    private static final int BURST = 4096;

    @Test
    void aBurstIsReadInFullThenReadoutsSaySampledUnlessEveryReadoutIsAsked() throws Exception {
        try (EpollPair pair = new EpollPair("ioctl-sampling-test")) {
            Channel client = pair.client;
            // the default: a class's burst is read in full
            assertThat(readBackToBack(new Probes(new KernelProbe(), 1024, KernelBudget.sampled(), Transport.EPOLL), client, BURST))
                    .allSatisfy(k -> assertThat(k.unavailable()).isNull());
            // beyond the bucket (3 here, none refilled) a readout says it was sampled, and why
            List<KernelReadout> small = readBackToBack(new Probes(new KernelProbe(), 1024, KernelBudget.sampled(), new KernelBudget(3, 0), Transport.EPOLL), client, 5);
            assertThat(small.subList(0, 3)).allSatisfy(k -> assertThat(k.unavailable()).isNull());
            assertThat(small.subList(3, 5)).allSatisfy(k -> {
                assertThat(k.reason()).contains(Unavailable.SAMPLED);
                assertThat(k.unavailable()).contains("at most 3 back to back");
                assertThat(k.rxQueue()).isNull();
            });
            assertThat(readBackToBack(new Probes(new KernelProbe(), 1024, KernelBudget.unlimited(), Transport.EPOLL), client, 4 * BURST))
                    .allSatisfy(k -> assertThat(k.unavailable()).isNull());
        }
    }

    private static List<KernelReadout> readBackToBack(Probes probes, Channel ch, int n) {
        List<KernelReadout> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) all.add(probes.kernelSampled(ch));
        return all;
    }
}
