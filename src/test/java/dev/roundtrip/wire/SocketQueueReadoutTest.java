package dev.roundtrip.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.gate.GateMode;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.probe.KernelProbe;
import dev.roundtrip.probe.SocketQueueIoctl;
import dev.roundtrip.probe.TcpTable;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queues of a request held before parse, read by ioctl (epoll) and from /proc (NIO): the same bytes. */
class SocketQueueReadoutTest {

    @Test
    void onLinuxTheIoctlReadoutOfAHeldRequestIsItsBytesAndAgreesWithProc() throws Exception {
        assumeTrue(SocketQueueIoctl.available() && new KernelProbe().available(), "socket queues by ioctl are Linux only");
        assumeTrue(!"nio".equalsIgnoreCase(System.getProperty(Transport.PROPERTY, "").trim()), "this run forces NIO");
        try (Lab lab = Lab.start()) {
            assertThat(lab.probes().transport()).isEqualTo(Transport.EPOLL);
            long[] held = holdBeforeParse(lab, "ioctl bytes");
            long id = held[0], sent = held[1];
            long before = lab.probes().kernelReads();
            KernelReadout k = lab.probe(id).orElseThrow();
            assertThat(lab.probes().kernelReads()).isEqualTo(before + 1);
            assertThat(k.rxQueue()).isEqualTo(sent).isGreaterThan(0);
            assertThat(k.txQueue()).isZero(); // the server has written nothing yet
            List<TcpTable.Row> rows = serverRows(lab.port());
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).rxQueue()).isEqualTo(k.rxQueue());
            assertThat(rows.get(0).txQueue()).isEqualTo(k.txQueue());
            finish(lab, id);
        }
    }

    @Test
    void forcedToNioTheReadoutComesFromProcAndIsTheSame() throws Exception {
        assumeTrue(new KernelProbe().available(), "kernel queues are readable on Linux only");
        String was = System.getProperty(Transport.PROPERTY);
        System.setProperty(Transport.PROPERTY, "nio");
        Lab started;
        try {
            started = Lab.start();
        } finally {
            if (was == null) System.clearProperty(Transport.PROPERTY); else System.setProperty(Transport.PROPERTY, was);
        }
        try (Lab lab = started) {
            assertThat(lab.probes().transport()).isEqualTo(Transport.NIO);
            long[] held = holdBeforeParse(lab, "proc bytes");
            long id = held[0], sent = held[1];
            KernelReadout k = lab.probe(id).orElseThrow();
            assertThat(k.rxQueue()).isEqualTo(sent).isGreaterThan(0);
            assertThat(serverRows(lab.port())).singleElement().extracting(TcpTable.Row::rxQueue).isEqualTo(sent);
            finish(lab, id);
        }
    }

    /** Sends a POST held at PARSE; returns its exchange id and the request's byte count as the client sent it. */
    private static long[] holdBeforeParse(Lab lab, String body) throws Exception {
        lab.gates().setMode(GateMode.BREAKPOINTS);
        lab.gates().setBreakpoint(Stage.PARSE, true);
        ExchangeHandle h = lab.send(RequestSpec.post("/echo", body.getBytes(StandardCharsets.US_ASCII)));
        for (int i = 0; i < 500 && !lab.gates().isHeld(h.exchangeId()); i++) Thread.sleep(10);
        assertThat(lab.gates().isHeld(h.exchangeId())).isTrue();
        lab.bus().awaitDelivered(Duration.ofSeconds(5));
        Exchange x = lab.recording().exchange(h.exchangeId()).orElseThrow();
        return new long[] {h.exchangeId(), x.events().stream().filter(e -> e.stage() == Stage.SEND && e.phase() == Phase.PROGRESS && e.bytes() != null)
                .mapToLong(e -> e.bytes().count()).sum()};
    }

    private static void finish(Lab lab, long id) throws Exception {
        lab.gates().release(id);
        assertThat(lab.settled(id).get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.COMPLETED);
    }

    /** Established sockets on the server's port (the server's side of each connection), from /proc. */
    private static List<TcpTable.Row> serverRows(int port) throws Exception {
        List<TcpTable.Row> rows = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path p = Path.of(table);
            if (!Files.isReadable(p)) continue;
            for (String line : Files.readAllLines(p, StandardCharsets.US_ASCII)) {
                TcpTable.Row r = TcpTable.parse(line);
                if (r != null && r.localPort() == port && r.state() == KernelProbe.ESTABLISHED) rows.add(r);
            }
        }
        return rows;
    }
}
