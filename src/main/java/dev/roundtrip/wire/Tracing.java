package dev.roundtrip.wire;

import dev.roundtrip.gate.Gates;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.trace.TraceClock;
import dev.roundtrip.trace.TraceEvent;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** What both ends of the wire share: where facts go, the gates, ids, the directory and the probes. */
public record Tracing(TraceBus bus, Gates gates, Ids ids, ConnectionDirectory directory, Probes probes) {

    public TraceClock clock() {
        return bus.clock();
    }

    public void publish(TraceEvent e) {
        bus.publish(e);
    }

    /**
     * Lets the exchange enter {@code stage} through its gate: {@code action} runs on {@code executor}
     * now or when released. A hold is published as a {@link GateEvent} HELD with the kernel readout
     * of the socket that holds the waiting bytes, and RELEASED just before the action runs.
     */
    public void pass(long exchangeId, Stage stage, Executor executor, Supplier<KernelReadout> kernel, Runnable action) {
        Object lock = new Object();
        boolean[] held = {false};
        Runnable wrapped = () -> {
            synchronized (lock) { // a release racing the hold waits until HELD is out
                if (held[0]) publish(new GateEvent(exchangeId, clock().now(), stage, GateEvent.Kind.RELEASED, null));
            }
            action.run();
        };
        synchronized (lock) {
            if (gates.pass(exchangeId, stage, executor, wrapped)) {
                held[0] = true;
                publish(new GateEvent(exchangeId, clock().now(), stage, GateEvent.Kind.HELD, kernel.get()));
            }
        }
    }
}
