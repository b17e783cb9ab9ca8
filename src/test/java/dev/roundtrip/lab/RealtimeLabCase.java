package dev.roundtrip.lab;

import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.StageEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One lab per test class whose queue makes an update every 20 ms, for the real-time tests, and their small readers. */
abstract class RealtimeLabCase {
    static Lab lab;

    @BeforeAll
    static void startLab() throws Exception {
        lab = Lab.start();
        lab.updateEvery(Duration.ofMillis(20));
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 15 s: " + what);
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** The events of {@code x} that carry a message (an SSE event, a WebSocket frame) seen by {@code actor}. */
    static List<StageEvent> messages(Exchange x, Actor actor) {
        return x.events().stream().filter(e -> e.message() != null && e.actor() == actor).toList();
    }
}
