package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The traced engine releases every buffer it keeps (the wire tap's retained duplicates, the reads it
 * follows, the exchanges' bytes), with Netty's leak detector at its strictest (PARANOID: every buffer
 * tracked). A leaked buffer is reported once the GC has collected it, when a later buffer is tracked;
 * the test first shows that this JVM reports a leak it made on purpose, so a silent run means no leak.
 */
class NoBufferLeakTest {
    private static final Logger LEAKS = Logger.getLogger(ResourceLeakDetector.class.getName());
    private final List<String> reported = new CopyOnWriteArrayList<>();
    private final Handler catcher = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String m = r.getMessage();
            if (m != null && m.contains("LEAK")) reported.add(m);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private ResourceLeakDetector.Level before;

    @BeforeEach
    void strictest() {
        before = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        LEAKS.addHandler(catcher);
        LEAKS.setUseParentHandlers(false); // the leak made on purpose is not printed into the build's output
    }

    @AfterEach
    void asBefore() {
        LEAKS.removeHandler(catcher);
        LEAKS.setUseParentHandlers(true);
        ResourceLeakDetector.setLevel(before);
    }

    @Test
    void everyExchangeReleasesWhatTheTracerKept() throws Exception {
        leakOneOnPurpose();
        assertThat(reported).as("the detector reports in this JVM").isNotEmpty();
        reported.clear();

        try (Lab lab = Lab.start(LabOptions.defaults().withRetainedExchanges(4))) { // the ring lets older exchanges go
            for (int round = 0; round < 3; round++) {
                List<RequestSpec> mix = List.of(RequestSpec.get("/"), RequestSpec.get("/big?kb=256"),
                        RequestSpec.post("/echo", "hello".getBytes(StandardCharsets.UTF_8)), RequestSpec.get("/").withTls(true),
                        RequestSpec.get("/users/1").withKeepAlive(false));
                for (RequestSpec spec : mix) {
                    Exchange x = Facts.settle(lab, lab.send(spec).exchangeId());
                    assertThat(Facts.of(x, Stage.RESPOND, Phase.END)).as(spec.toString()).isNotEmpty();
                    if (spec.target().startsWith("/big")) {
                        long written = Facts.of(x, Stage.RESPOND, Phase.PROGRESS).stream().mapToLong(e -> e.bytes().count()).sum();
                        assertThat(written).as("the bytes of every socket write are kept").isGreaterThan(256 * 1024);
                    }
                }
            }
        }
        collectAndPoll();
        assertThat(reported).as("leaks reported").isEmpty();
    }

    private void leakOneOnPurpose() {
        ByteBuf lost = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        lost.writeInt(42);
        lost = null; // never released
        collectAndPoll();
    }

    /** Leaks are found when the GC has cleared them and the detector next tracks a buffer: both, a bounded number of times. */
    private void collectAndPoll() {
        for (int i = 0; i < 20 && reported.isEmpty(); i++) {
            System.gc();
            for (int j = 0; j < 10; j++) PooledByteBufAllocator.DEFAULT.directBuffer(8).release();
        }
    }
}
