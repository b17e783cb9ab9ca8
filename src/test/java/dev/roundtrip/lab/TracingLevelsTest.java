package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Untraced connections are served alike and publish nothing; sampled kernel readouts are counted. */
class TracingLevelsTest {

    private static String get(int port, String path) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void anUntracedConnectionIsAnsweredAndPublishesNothing() throws Exception {
        try (Lab lab = Lab.start()) {
            lab.serverSettings().setTraced(false);
            assertThat(get(lab.port(), "/")).startsWith("HTTP/1.1 200").endsWith("Hello, world!");
            assertThat(get(lab.port(), "/users/abc")).startsWith("HTTP/1.1 400");
            assertThat(get(lab.port(), "/fail")).startsWith("HTTP/1.1 500");
            assertThat(lab.bus().published()).isZero();
            lab.serverSettings().setTraced(true);
            assertThat(get(lab.port(), "/")).startsWith("HTTP/1.1 200");
            assertThat(lab.bus().awaitDelivered(Duration.ofSeconds(10))).isTrue();
            assertThat(lab.bus().published()).isPositive();
            assertThat(lab.recording().exchanges()).hasSize(1);
        }
    }

    @Test
    void everyEventIsRecordedOrCountedAsDropped() throws Exception {
        try (Lab lab = Lab.start(LabOptions.defaults().withRetainedExchanges(2))) {
            for (int i = 0; i < 6; i++) assertThat(get(lab.port(), "/")).startsWith("HTTP/1.1 200");
            assertThat(lab.bus().awaitDelivered(Duration.ofSeconds(10))).isTrue();
            var r = lab.recording();
            assertThat(lab.bus().published()).isEqualTo(r.applied() + r.dropped());
            assertThat(r.exchanges().size() + r.evictedExchanges()).isEqualTo(6);
            assertThat(r.evictedExchanges()).isPositive();
        }
    }

    @Test
    void anOutsideClientsFactsArriveInTheOrderTheyHappenedAlsoAcrossTheHopToAWorker() throws Exception {
        // a route that reads the database hops from the event loop to a worker and back: the facts of both threads
        // must reach the recording in the order they happened (a guard for any change to how facts are published)
        try (Lab lab = Lab.start()) {
            for (int i = 1; i <= 4; i++) assertThat(get(lab.port(), "/users/" + i)).startsWith("HTTP/1.1 200");
            assertThat(lab.bus().awaitDelivered(Duration.ofSeconds(10))).isTrue();
            var exchanges = lab.recording().exchanges();
            assertThat(exchanges).hasSize(4);
            for (var x : exchanges) {
                assertThat(x.outcome()).isEqualTo(dev.roundtrip.trace.Outcome.COMPLETED);
                var events = x.events();
                assertThat(events).extracting(e -> e.stage().ordinal()).as("stages in order: %s", events).isSorted();
                assertThat(events).extracting(dev.roundtrip.trace.StageEvent::tNanos).isSorted();
                assertThat(events).extracting(dev.roundtrip.trace.StageEvent::stage)
                        .contains(dev.roundtrip.trace.Stage.PARSE, dev.roundtrip.trace.Stage.PROCESS, dev.roundtrip.trace.Stage.RESPOND);
            }
            assertThat(lab.bus().published()).isEqualTo(lab.recording().applied() + lab.recording().dropped());
        }
    }
}
