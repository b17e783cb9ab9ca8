package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roundtrip.gate.Gates;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.MemoryReadout;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stage's {@code allocatedBytes} is the program's: for {@code GET /big?kb=1024} the traced respond
 * stage shows what the same server code allocates on the same thread with tracing off (within 10 %, or
 * 4 KB), and the tracer's own copies of the 1 MiB show in {@code instrumentAllocatedBytes}.
 */
class ProgramAllocationTest {
    private static final int ROUNDS = 8; // the first rounds warm the code paths; the last warm one is compared
    private static final byte[] BIG = "GET /big?kb=1024 HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theTracedRespondStageAllocatesWhatTheUntracedServerDoes() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM does not count per-thread allocation");
        threads.setThreadAllocatedMemoryEnabled(true);

        TraceBus bus = new TraceBus();
        Recording recording = new Recording(bus.clock().startedAt());
        bus.subscribe(recording);
        Tracing t = new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), new Probes());
        ServerSettings untracedSettings = new ServerSettings();
        untracedSettings.setTraced(false);
        LinkedBlockingQueue<Long> untracedRespond = new LinkedBlockingQueue<>();
        List<MemoryReadout> traced = new ArrayList<>();
        List<Long> untraced = new ArrayList<>();
        try (RoundtripServer tracedServer = RoundtripServer.startObserved(t, new ServerSettings(), 0, ch -> {});
             RoundtripServer untracedServer = RoundtripServer.startObserved(t, untracedSettings, 0,
                     ch -> ch.pipeline().addBefore("handler", "meter", new RespondMeter(threads, untracedRespond)));
             Socket toTraced = connect(tracedServer.port());
             Socket toUntraced = connect(untracedServer.port())) {
            for (int round = 0; round < ROUNDS; round++) { // interleaved: the same JIT state for both
                assertThat(exchange(toTraced)).isEqualTo(1024 * 1024);
                assertThat(exchange(toUntraced)).isEqualTo(1024 * 1024);
                untraced.add(untracedRespond.poll(10, TimeUnit.SECONDS));
            }
            bus.awaitDelivered(Duration.ofSeconds(10));
            for (var x : recording.exchanges()) {
                for (StageEvent e : x.events()) {
                    if (e.stage() == Stage.RESPOND && e.phase() == Phase.END) traced.add(e.memory());
                }
            }
        } finally {
            bus.close();
        }
        assertThat(traced).hasSize(ROUNDS);
        // the last round the engine itself calls warm: a round can still meet the JVM's first-time work (a
        // method handle's lambda forms spun after so many calls), and its readout says so (cold)
        int warm = ROUNDS - 1;
        while (warm > 0 && traced.get(warm).cold()) warm--;
        assertThat(warm).as("a warm traced round among the last half: %s", traced).isGreaterThanOrEqualTo(ROUNDS / 2);
        MemoryReadout last = traced.get(warm);
        long program = last.allocatedBytes();
        long without = untraced.get(warm);
        System.out.printf("respond, GET /big?kb=1024: traced program %d B, instrument %d B; untraced %d B%n",
                program, last.instrumentAllocatedBytes(), without);
        assertThat(Math.abs(program - without))
                .as("traced respond: program %d B, instrument %d B; untraced: %d B (all rounds: traced %s, untraced %s)",
                        program, last.instrumentAllocatedBytes(), without, traced, untraced)
                .isLessThanOrEqualTo(Math.max(4096, without / 10));
        // the tracer kept a copy of the 1 MiB it saw written: its cost, not the program's
        assertThat(last.instrumentAllocatedBytes()).isGreaterThanOrEqualTo(1024 * 1024);
        assertThat(last.unavailable()).isNull();
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(10_000);
        return s;
    }

    /** One request on the kept connection; returns the length of the body read back. */
    private static int exchange(Socket s) throws IOException {
        s.getOutputStream().write(BIG);
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("the server closed the connection in the head: " + head);
            head.write(b);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head.toString(StandardCharsets.ISO_8859_1));
        assertThat(m.find()).as(head.toString(StandardCharsets.ISO_8859_1)).isTrue();
        int length = Integer.parseInt(m.group(1));
        byte[] body = in.readNBytes(length);
        return body.length;
    }

    /**
     * In the untraced pipeline, between the handler and the codec: from the response's write to its
     * completion, what the event loop allocated (the span of the traced server's respond stage).
     */
    private static final class RespondMeter extends ChannelOutboundHandlerAdapter {
        private final com.sun.management.ThreadMXBean threads;
        private final LinkedBlockingQueue<Long> out;

        RespondMeter(com.sun.management.ThreadMXBean threads, LinkedBlockingQueue<Long> out) {
            this.threads = threads;
            this.out = out;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (!(msg instanceof FullHttpResponse)) {
                ctx.write(msg, promise);
                return;
            }
            ChannelPromise own = ctx.newPromise();
            long[] before = {0};
            own.addListener(f -> {
                long after = threads.getCurrentThreadAllocatedBytes();
                out.add(after - before[0]);
                if (f.isSuccess()) promise.trySuccess();
                else promise.tryFailure(f.cause());
            });
            before[0] = threads.getCurrentThreadAllocatedBytes();
            ctx.write(msg, own);
        }
    }
}
