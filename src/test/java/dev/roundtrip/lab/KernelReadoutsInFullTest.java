package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.wire.Transport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kernel readouts are sampled under load only: a class's largest lone exchange has one at every socket read and write. */
class KernelReadoutsInFullTest {
    @Test
    void theLargestAnswerTheDemoGivesIsReadAtEverySocketReadAndWrite() throws Exception {
        try (Lab lab = Lab.start()) {
            assumeTrue(lab.probes().transport() != Transport.NIO && dev.roundtrip.probe.SocketQueueIoctl.available(), "ioctl readouts: Linux, epoll");
            Exchange x = Facts.settle(lab, lab.send(RequestSpec.get("/big?kb=8192")).exchangeId());
            List<StageEvent> io = x.events().stream().filter(e -> e.phase() == Phase.PROGRESS && e.bytes() != null && e.kernel() != null).toList();
            assertThat(io.size()).as("socket reads and writes of 8 MiB").isGreaterThan(64);
            assertThat(io).allSatisfy(e -> assertThat(e.kernel().unavailable()).as(e.detail()).isNull());
            assertThat(lab.probes().kernelSkipped()).isZero();
        }
    }
}
