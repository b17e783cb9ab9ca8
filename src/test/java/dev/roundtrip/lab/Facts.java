package dev.roundtrip.lab;

import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Small readers of a recorded exchange, shared by the engine tests. */
final class Facts {
    private Facts() {}

    static List<StageEvent> of(Exchange x, Stage stage) {
        return x.events().stream().filter(e -> e.stage() == stage).toList();
    }

    static List<StageEvent> of(Exchange x, Stage stage, Phase phase) {
        return x.events().stream().filter(e -> e.stage() == stage && e.phase() == phase).toList();
    }

    /** The bytes of every socket read or write of a stage, in order. */
    static byte[] wire(Exchange x, Stage stage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (StageEvent e : of(x, stage)) if (e.bytes() != null) out.writeBytes(e.bytes().data());
        return out.toByteArray();
    }

    /** The sum of the byte counts of a stage. */
    static long count(Exchange x, Stage stage) {
        return of(x, stage).stream().filter(e -> e.bytes() != null).mapToLong(e -> e.bytes().count()).sum();
    }

    static Exchange settle(Lab lab, long id) throws Exception {
        return lab.settled(id).get(20, TimeUnit.SECONDS);
    }

    /** Polls a condition a bounded number of times; false if it never held. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(5);
        }
        return condition.getAsBoolean();
    }

    static boolean has(Exchange x, Stage stage, Phase phase) {
        return !of(x, stage, phase).isEmpty();
    }
}
