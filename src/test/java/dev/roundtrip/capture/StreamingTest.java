package dev.roundtrip.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A body far larger than anything kept passes through as it arrives, and the proxy reads only what its client took. */
class StreamingTest {
    private static final int MIB = 1 << 20;
    private static final int KEPT = 64 * 1024;
    private Upstream upstream;
    private CaptureProxy proxy;

    @BeforeEach
    void start() throws Exception {
        upstream = new Upstream();
        proxy = CaptureProxy.start(CaptureOptions.reverse(0, Target.parse(upstream.url())).withMaxKeptBytes(KEPT));
    }

    @AfterEach
    void stop() {
        upstream.countDown();
        proxy.close();
        upstream.close();
    }

    @Test
    void a64MiBDownloadStreamsThroughWithBoundedReadsAndACappedRecording() throws Exception {
        long body = 0;
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(16 * 1024); // a slow-draining client: the proxy must wait for it, not pile up its response
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port()));
            s.setSoTimeout(20_000);
            s.getOutputStream().write("GET /stream?mib=64 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            String head = Raw.readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200 OK").containsIgnoringCase("content-length: " + (64L * MIB));
            byte[] b = new byte[8192];
            while (body < MIB) body += in.read(b, 0, (int) Math.min(b.length, MIB - body));
            // the server sends the rest only once this much came through: a proxy that gathered the body would never deliver it
            upstream.countDown();
            // now the client reads nothing: a proxy that reads its server regardless would take all 64 MiB in well under this bound
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (upstream.streamed.get() < 64L * MIB && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(upstream.streamed.get()).as("bytes the server could write while the client read none")
                    .isLessThan(32L * MIB);
            for (int n; (n = in.read(b)) > 0; ) body += n;
        }
        assertThat(body).isEqualTo(64L * MIB);

        Exchange x = Waits.ended(proxy.recording(), 1).get(0);
        long read = 0;
        long written = 0;
        long kept = 0;
        // in the order things happened: a write's event is published when the kernel took its bytes, from the other
        // leg's event loop, so in publishing order it may trail the next reads
        java.util.List<StageEvent> byTime = new java.util.ArrayList<>(x.events());
        byTime.sort(java.util.Comparator.comparingLong(StageEvent::tNanos));
        for (StageEvent e : byTime) {
            if (e.bytes() == null) continue;
            kept += e.bytes().keptLength();
            if (e.stage() == Stage.INTERPRET) read += e.bytes().count();
            if (e.stage() == Stage.RESPOND) written += e.bytes().count();
            // back-pressure: the proxy reads its server again only once the client's kernel took every write, so what it
            // read and has not yet handed on is one read() call's worth: Netty's 16 messages per read of at most 64 KiB each
            // (in a quiet run 1-4 of them; on a loaded machine more bytes wait in the socket when the read comes)
            if (e.stage() == Stage.INTERPRET && e.phase() == Phase.PROGRESS && e.detail().startsWith("socket read #")) {
                assertThat(read - written).as("read ahead of the client at " + e.detail()).isLessThanOrEqualTo(16L * 64 * 1024 + 512);
            }
        }
        assertThat(read).isGreaterThan(64L * MIB); // the body and the server's head
        assertThat(written).isGreaterThan(64L * MIB);
        assertThat(kept).as("bytes kept by the recording").isLessThanOrEqualTo(4L * KEPT);
        assertThat(x.events().size()).as("events for 64 MiB").isLessThan(2 * Tally.EACH + 64 * MIB / (Tally.EVERY * 1024) + 40);
        assertThat(x.response().orElseThrow().body()).hasSize(KEPT);
        assertThat(x.events()).filteredOn(e -> e.stage() == Stage.INTERPRET && e.phase() == Phase.END).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(64L * MIB + " body bytes", "keeps its first " + KEPT + " of " + 64L * MIB));
    }
}
