package dev.roundtrip.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.client.RoundtripClient;
import dev.roundtrip.gate.Gates;
import dev.roundtrip.probe.KernelBudget;
import dev.roundtrip.probe.KernelProbe;
import dev.roundtrip.probe.OsFamily;
import dev.roundtrip.record.Recording;
import dev.roundtrip.server.RoundtripServer;
import dev.roundtrip.server.ServerSettings;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.trace.Unavailable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where epoll is unavailable the engine runs on NIO, and each kernel readout of a real exchange is what
 * that OS tells without the socket's descriptor: on macOS and Windows nothing, and the readout says why
 * ("platform:" and the OS's own means); on Linux without /proc the same. The socket buffer sizes
 * (SO_RCVBUF, SO_SNDBUF) every OS reports are still there.
 */
class NioFallbackTest {

    @ParameterizedTest
    @EnumSource(value = OsFamily.class, names = {"MAC", "WINDOWS"})
    void onNioTheReadoutsOfAnExchangeSayWhyTheQueuesAreMissing(OsFamily os) throws Exception {
        List<KernelReadout> readouts = exchangeOnNio(KernelProbe.on(os));
        assertThat(readouts).isNotEmpty().allSatisfy(k -> {
            assertThat(k.queuesAvailable()).isFalse();
            assertThat(k.rxQueue()).isNull();
            assertThat(k.reason()).contains(Unavailable.PLATFORM);
            assertThat(k.unavailable()).contains(os == OsFamily.MAC ? "macOS" : "Windows").contains("NIO transport hides");
            assertThat(k.rcvBuf()).isPositive();
            assertThat(k.sndBuf()).isPositive();
        });
        KernelReadout one = readouts.get(0);
        if (os == OsFamily.MAC) assertThat(one.unavailable()).contains("SO_NREAD").contains("SO_NWRITE");
        else assertThat(one.unavailable()).contains("FIONREAD");
    }

    @Test
    void onLinuxWithoutProcTheReadoutsSayWhyToo(@TempDir Path dir) throws Exception {
        KernelProbe noProc = new KernelProbe(dir.resolve("tcp"), dir.resolve("tcp6"));
        List<KernelReadout> readouts = exchangeOnNio(noProc);
        assertThat(readouts).isNotEmpty().allSatisfy(k -> {
            assertThat(k.reason()).contains(Unavailable.PLATFORM);
            assertThat(k.unavailable()).contains(noProc.os() == OsFamily.LINUX ? "/proc/net/tcp is not readable here" : "");
        });
    }

    @Test
    void theOsIsToldByItsName() {
        assertThat(OsFamily.of("Linux")).isEqualTo(OsFamily.LINUX);
        assertThat(OsFamily.of("Mac OS X")).isEqualTo(OsFamily.MAC);
        assertThat(OsFamily.of("Windows 11")).isEqualTo(OsFamily.WINDOWS);
        assertThat(OsFamily.of("FreeBSD")).isEqualTo(OsFamily.OTHER);
    }

    /** One GET / through a real server and client on NIO, read with {@code probe}; its kernel readouts. */
    private static List<KernelReadout> exchangeOnNio(KernelProbe probe) throws Exception {
        TraceBus bus = new TraceBus();
        Recording recording = new Recording(bus.clock().startedAt());
        bus.subscribe(recording);
        Probes probes = new Probes(probe, 1 << 16, KernelBudget.unlimited(), Transport.NIO);
        Tracing t = new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), probes);
        RoundtripServer server = RoundtripServer.start(t, new ServerSettings(), InetAddress.getLoopbackAddress(), 0);
        RoundtripClient client = new RoundtripClient(t, new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
        try {
            ExchangeHandle h = client.send(RequestSpec.get("/"));
            assertThat(h.result().get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.COMPLETED);
            long id = h.exchangeId();
            bus.awaitDelivered(Duration.ofSeconds(5));
            Exchange x = recording.exchange(id).orElseThrow();
            return x.events().stream().map(StageEvent::kernel).filter(k -> k != null).toList();
        } finally {
            client.close();
            server.close();
            bus.close();
        }
    }
}
