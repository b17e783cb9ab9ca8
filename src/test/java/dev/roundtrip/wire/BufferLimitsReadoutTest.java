package dev.roundtrip.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.probe.KernelProbe;
import dev.roundtrip.trace.KernelReadout;
import io.netty.channel.Channel;
import io.netty.channel.socket.SocketChannelConfig;
import org.junit.jupiter.api.Test;

/**
 * On epoll the readout's buffer limits come from one getsockopt(SO_MEMINFO) instead of SO_RCVBUF and
 * SO_SNDBUF apart: they must be the same figures, also after they were set (the kernel doubles what is asked).
 */
class BufferLimitsReadoutTest {

    @Test
    void theBufferLimitsOfAnEpollReadoutAreWhatSoRcvbufAndSoSndbufAnswer() throws Exception {
        try (EpollPair pair = new EpollPair("limits-test")) {
            Channel client = pair.client;
            Probes probes = new Probes(new KernelProbe(), 1024, dev.roundtrip.probe.KernelBudget.unlimited(), Transport.EPOLL);
            SocketChannelConfig c = (SocketChannelConfig) client.config();
            assertSame(probes.kernel(client), c);
            c.setReceiveBufferSize(40_000);
            c.setSendBufferSize(30_000);
            KernelReadout set = probes.kernel(client);
            assertSame(set, c);
            assertThat(set.rcvBuf()).isEqualTo(80_000); // Linux doubles the value asked for (room for its bookkeeping)
            assertThat(set.rxQueue()).isZero();
            assertThat(set.txQueue()).isZero();
        }
    }

    private static void assertSame(KernelReadout k, SocketChannelConfig c) {
        assertThat(k.unavailable()).isNull();
        assertThat(k.rcvBuf()).isEqualTo(c.getReceiveBufferSize());
        assertThat(k.sndBuf()).isEqualTo(c.getSendBufferSize());
    }
}
