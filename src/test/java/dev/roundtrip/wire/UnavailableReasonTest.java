package dev.roundtrip.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.probe.KernelBudget;
import dev.roundtrip.probe.KernelProbe;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Unavailable;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing kernel readout says why by a code (platform, sampled, closed, cold, off) before its explanation. */
class UnavailableReasonTest {
    @Test
    void aReadoutLeftOutByTheBudgetSaysSampledOneWithoutASocketSaysClosed(@TempDir Path dir) {
        // a probe that must walk a (here missing) /proc table, so the budget applies; one readout allowed, none refilled
        Probes probes = new Probes(new KernelProbe(dir.resolve("tcp"), dir.resolve("tcp6")), 1024, new KernelBudget(1, 0), Transport.NIO);
        EmbeddedChannel ch = new EmbeddedChannel(); // its addresses are not internet sockets
        KernelReadout taken = probes.kernelSampled(ch);
        KernelReadout left = probes.kernelSampled(ch);
        assertThat(taken.reason()).contains(Unavailable.CLOSED);
        assertThat(taken.unavailable()).isEqualTo("closed: the socket is not connected");
        assertThat(left.reason()).contains(Unavailable.SAMPLED);
        assertThat(left.unavailable()).startsWith("sampled: not read at this socket read/write");
        assertThat(probes.kernelSkipped()).isEqualTo(1);
        ch.finishAndReleaseAll();
    }

    @Test
    void switchedOffSaysOffAndNoTableSaysPlatform(@TempDir Path dir) {
        KernelReadout off = KernelProbe.switchedOff().read(null, null, 10, 20);
        assertThat(off.reason()).contains(Unavailable.OFF);
        assertThat(off.rcvBuf()).isEqualTo(10);
        KernelReadout platform = new KernelProbe(dir.resolve("tcp"), dir.resolve("tcp6"))
                .read(new java.net.InetSocketAddress("127.0.0.1", 1), new java.net.InetSocketAddress("127.0.0.1", 2), null, null);
        assertThat(platform.reason()).contains(Unavailable.PLATFORM);
    }

    @Test
    void theCodeIsTheTextsFirstWord() {
        assertThat(Unavailable.of("cold")).contains(Unavailable.COLD);
        assertThat(Unavailable.of(Unavailable.COLD.text("first exchange in this JVM"))).contains(Unavailable.COLD);
        assertThat(Unavailable.SAMPLED.text("x")).isEqualTo("sampled: x");
        // the texts of recordings made before the codes, and nothing at all, have no code
        assertThat(Unavailable.of("not read at this socket read/write: kernel readouts are sampled under load")).isEmpty();
        assertThat(Unavailable.of("sampledx: y")).isEmpty();
        assertThat(Unavailable.of(null)).isEqualTo(Optional.empty());
        assertThat(new KernelReadout(1L, 2L, 3, 4, null).reason()).isEmpty();
    }
}
