package dev.roundtrip.ui.shell;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.composer.ComposedRequest;
import java.util.Set;

/**
 * What the app asks of the engine. Every method returns at once: implementations do their work off
 * the FX thread. A replayed recording is a port that cannot send.
 */
public interface LabPort extends AutoCloseable {
    Recording recording();

    /** "Server on 127.0.0.1:40123", or where a replay came from. */
    String describe();

    boolean canSend();

    /** Whether exchanges keep arriving while this is shown (the live lab, a capture): the view then follows the newest. */
    default boolean growsLive() {
        return canSend();
    }

    /**
     * True while the engine behind this port is still starting: calls made meanwhile wait for it
     * ({@link StartingLabPort}), the window already shows.
     */
    default boolean starting() {
        return false;
    }

    /** Throws {@link IllegalArgumentException} with the reason when the engine cannot send this request. */
    void send(ComposedRequest request);

    void setMode(GateMode mode);

    void setBreakpoints(Set<Stage> stages);

    /** Releases exactly one held stage (the oldest hold). */
    void step();

    /** Whether a gate holds some exchange right now. */
    boolean holding();

    void cancel(long exchangeId);

    /**
     * Sends and completes with the exchange once it has settled (client end and server response
     * recorded); Re-send uses it to compare. A port without an engine refuses.
     */
    default java.util.concurrent.CompletableFuture<dev.roundtrip.trace.Exchange> sendAndSettle(ComposedRequest request) {
        return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("there is no server to send to"));
    }

    /** The lab behind this port, once it is up (the real-time comparison runs on it); a port without an engine refuses. */
    default java.util.concurrent.CompletableFuture<dev.roundtrip.lab.Lab> engine() {
        return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException(MainView.T.get("port.noEngine")));
    }

    /** Asks for a fresh kernel readout of the socket holding this exchange's bytes (published as a gate event). */
    void probe(long exchangeId);

    @Override
    void close();
}
