package dev.roundtrip.wire;

import dev.roundtrip.gate.Gates;
import dev.roundtrip.probe.MemoryProbe;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.TcpReadout;
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
        MemoryProbe memory = probes.memory();
        if (!gates.shouldHold(stage)) { // nothing can hold it (Run mode): no hold to prepare, the action is the program's
            executor.execute(() -> {
                int depth = memory.programStart();
                try {
                    action.run();
                } finally {
                    memory.programStop(depth);
                }
            });
            return;
        }
        try (var s = memory.instrument()) { // the gates are the instrument's; the action is the program's
            // The readout is taken before the hold exists (reading /proc takes a while; the gate's lock must not wait for it).
            KernelReadout before = gates.shouldHold(stage) ? kernel.get() : null;
            TcpReadout tcp = before != null && kernel instanceof Socket socket ? socket.tcp() : null;
            boolean[] held = {false}; // written under the gates' lock, read after the release that took the same lock
            Runnable wrapped = () -> {
                if (held[0]) {
                    try (var r = memory.instrument()) {
                        publish(new GateEvent(exchangeId, clock().now(), stage, GateEvent.Kind.RELEASED, null));
                    }
                }
                int depth = memory.programStart();
                try {
                    action.run();
                } finally {
                    memory.programStop(depth);
                }
            };
            gates.pass(exchangeId, stage, executor, wrapped, () -> {
                held[0] = true;
                publish(new GateEvent(exchangeId, clock().now(), stage, GateEvent.Kind.HELD, before != null ? before : kernel.get(), tcp));
            });
        }
    }

    /** A connection's socket as a hold reads it: its kernel queues ({@link #get}) and its TCP state. */
    public interface Socket extends Supplier<KernelReadout> {
        TcpReadout tcp();
    }

    /** {@code ch}'s socket for {@link #pass}: a hold before a stage shows its queues and its TCP state. */
    public Socket socket(io.netty.channel.Channel ch) {
        return new Socket() {
            @Override
            public KernelReadout get() {
                return probes.kernel(ch);
            }

            @Override
            public TcpReadout tcp() {
                return probes.tcp(ch);
            }
        };
    }

    /** Instrument work on this thread until the scope closes: its allocations are not the program's ({@link MemoryProbe}). */
    public MemoryProbe.Scope instrument() {
        return probes.memory().instrument();
    }
}
