package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LabApiTest {
    @Test
    void theProcessDelayCanBeChangedWhileTheLabRuns() throws Exception {
        try (Lab lab = Lab.start()) {
            lab.serverSettings().setProcessDelayMillis(150);
            Exchange x = Facts.settle(lab, lab.send(RequestSpec.get("/")).exchangeId());
            long process = Facts.of(x, Stage.PROCESS, Phase.END).get(0).tNanos() - Facts.of(x, Stage.PROCESS, Phase.BEGIN).get(0).tNanos();
            assertThat(process).isGreaterThanOrEqualTo(150_000_000L);
            assertThatThrownBy(() -> lab.serverSettings().setProcessDelayMillis(-1)).hasMessageContaining("0..60000");
        }
    }

    @Test
    void kernelReadoutsCanBeSwitchedOffAndSaySo() throws Exception {
        try (Lab lab = Lab.start(LabOptions.defaults().withKernelReadouts(false))) {
            Exchange x = Facts.settle(lab, lab.send(RequestSpec.get("/")).exchangeId());
            assertThat(x.events()).filteredOn(e -> e.kernel() != null).isNotEmpty()
                    .allSatisfy(e -> {
                        assertThat(e.kernel().queuesAvailable()).isFalse();
                        assertThat(e.kernel().unavailable()).isEqualTo("off: kernel readouts are switched off");
                        assertThat(e.kernel().reason()).contains(dev.roundtrip.trace.Unavailable.OFF);
                    });
        }
    }

    @Test
    void probingAnUnknownExchangeFindsNothing() throws Exception {
        try (Lab lab = Lab.start()) {
            assertThat(lab.probe(12345)).isEmpty();
            assertThat(lab.port()).isPositive();
        }
    }

    @Test
    void aTakenPortIsASpecificError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Lab.start(LabOptions.defaults().withPort(taken.getLocalPort())))
                    .isInstanceOf(java.net.BindException.class)
                    .hasMessageStartingWith("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use (");
        }
    }

    @Test
    void anAddressOtherMachinesCanReachIsRefused() throws Exception {
        for (String address : new String[] {"0.0.0.0", "::"}) {
            assertThatThrownBy(() -> LabOptions.defaults().withBindAddress(InetAddress.getByName(address)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback only").hasMessageContaining("--bind");
        }
        try (Lab onV4Loopback = Lab.start(LabOptions.defaults().withBindAddress(InetAddress.getByName("127.0.0.1")))) {
            assertThat(onV4Loopback.port()).isPositive();
        }
    }

    @Test
    void aStructuredRequestRefusesWhatOnlyRawBytesMayCarry() {
        assertThatThrownBy(() -> RequestSpec.get("/a b")).hasMessageContaining("contains a space");
        assertThatThrownBy(() -> RequestSpec.get("/").withHeader("X", "a\r\nInjected: 1")).hasMessageContaining("line break");
        assertThatThrownBy(() -> RequestSpec.of("GE T", "/")).hasMessageContaining("not an HTTP token");
        assertThat(RequestSpec.raw("GE T /a b HTTP/1.1\r\n\r\n").isRaw()).isTrue();
    }
}
