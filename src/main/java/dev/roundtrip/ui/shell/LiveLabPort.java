package dev.roundtrip.ui.shell;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.gate.GateMode;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.composer.ComposedRequest;
import dev.roundtrip.ui.util.BackgroundTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The app's link to a running {@link Lab}. Every call is handed to one background thread, in order,
 * so the FX thread never waits on the engine (sending, probing /proc, releasing a gate).
 */
public final class LiveLabPort implements LabPort {
    private final Lab lab;
    private final boolean ownsLab;
    private final BackgroundTasks actions = BackgroundTasks.serial("lab-actions");
    private volatile Consumer<String> errors = m -> { };

    /** A port that closes {@code lab} when it is closed. */
    public LiveLabPort(Lab lab) {
        this(lab, true);
    }

    private LiveLabPort(Lab lab, boolean ownsLab) {
        this.lab = lab;
        this.ownsLab = ownsLab;
    }

    /** A port on someone else's lab: closing the port leaves the lab running. */
    public static LiveLabPort borrowing(Lab lab) {
        return new LiveLabPort(lab, false);
    }

    /** Starts a lab on 127.0.0.1, any free port. Blocking: call it off the FX thread. */
    public static LiveLabPort start() {
        try {
            return new LiveLabPort(Lab.startWarmingLater(dev.roundtrip.lab.LabOptions.defaults())); // warmed once the window is drawn
        } catch (IOException e) {
            // the engine's own reason only: the window says it in its words around it ("port.failed")
            throw new UncheckedIOException(String.valueOf(e.getMessage()), e);
        }
    }

    public Lab lab() {
        return lab;
    }

    /** Begins warming the engine's code (the first send waits for it); see {@link Lab#startWarmingLater}. */
    public void beginWarmup() {
        lab.beginWarmup();
    }

    /** Where failures of background actions are reported (called on the background thread). */
    public void onError(Consumer<String> sink) {
        errors = sink;
    }

    static RequestSpec toSpec(ComposedRequest r) {
        if (r.isRaw()) return RequestSpec.raw(r.raw()).withTls(r.tls());
        return new RequestSpec(r.method(), r.target(), r.headers(), r.body(), null, true, RequestSpec.DEFAULT_TIMEOUT, r.tls());
    }

    /** The request is checked on the caller's thread: a refused one fails the future with its reason. */
    @Override
    public CompletableFuture<dev.roundtrip.trace.Exchange> sendAndSettle(ComposedRequest request) {
        RequestSpec spec;
        try {
            spec = toSpec(request);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return actions.supply(() -> send(request, spec))
                .thenCompose(h -> lab.settled(h.exchangeId()));
    }

    @Override public CompletableFuture<Lab> engine() { return CompletableFuture.completedFuture(lab); }
    @Override public Recording recording() { return lab.recording(); }
    @Override public String describe() { return MainView.T.get("port.live", String.valueOf(lab.port())); }
    @Override public boolean canSend() { return true; }
    /** The request is checked here, on the caller's thread, so a bad one is refused with its reason. */
    @Override
    public void send(ComposedRequest request) {
        RequestSpec spec = toSpec(request);
        run(() -> send(request, spec));
    }

    /** Over HTTP/2 (a stream on the lab's h2 connection, h2c or h2 by ALPN) or HTTP/1.1, as the composer chose. */
    private dev.roundtrip.client.ExchangeHandle send(ComposedRequest request, RequestSpec spec) {
        return request.http2() ? lab.sendHttp2(spec) : lab.send(spec);
    }
    @Override public void setMode(GateMode mode) { run(() -> lab.gates().setMode(mode)); }

    @Override
    public void setBreakpoints(Set<Stage> stages) {
        Set<Stage> copy = stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages);
        run(() -> lab.gates().setBreakpoints(copy));
    }

    @Override public void step() { run(() -> lab.gates().step()); }
    @Override public boolean holding() { return !lab.gates().held().isEmpty(); }
    @Override public void cancel(long exchangeId) { run(() -> lab.cancel(exchangeId)); }
    @Override public void probe(long exchangeId) { run(() -> lab.probe(exchangeId)); }

    private void run(Runnable r) {
        actions.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                errors.accept(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        actions.close(2);
        if (ownsLab) lab.close();
    }
}
