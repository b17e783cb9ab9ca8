package dev.roundtrip.ui.shell;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.composer.ComposedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The live port while its engine is still starting, so the window can show first. What the user
 * does meanwhile (a send, a mode, breakpoints) is kept in order and handed to the engine once it is
 * up: an early send waits, it never fails for being early. Until then the window shows an empty
 * recording, as the engine's own is when it starts. If the engine cannot start, every call says why.
 */
public final class StartingLabPort implements LabPort {
    private final CompletableFuture<LiveLabPort> engine;
    /** Done once the engine is handed over (or its failure is known): after {@link #started}. */
    private final CompletableFuture<Void> handedOver;
    private final Recording beforeStart = new Recording(Instant.now());
    /** What waits for the engine, oldest first; guarded by {@code this}. */
    private final List<Waiting> waiting = new ArrayList<>();
    private volatile LiveLabPort live;
    private volatile String failure;
    private volatile Consumer<String> errors = m -> { };
    private boolean closed;

    /** One call kept until the engine is up: what it does then, and what it does if the engine never comes. */
    private record Waiting(Consumer<LiveLabPort> run, Consumer<String> refuse) { }

    /** A port on an engine that {@code engine} delivers (or fails with the reason it could not start). */
    public StartingLabPort(CompletableFuture<LiveLabPort> engine) {
        this.engine = engine;
        handedOver = engine.handle((port, e) -> {
            started(port, e);
            return null;
        });
    }

    private void started(LiveLabPort port, Throwable e) {
        List<Waiting> kept;
        synchronized (this) {
            kept = new ArrayList<>(waiting);
            waiting.clear();
            if (port == null) {
                failure = reason(e);
            } else if (closed) {
                port.close(); // the window closed while the engine was starting
                return;
            } else {
                port.onError(errors);
                live = port;
                // handed over under the lock: a call made meanwhile waits for it, so the order holds
                kept.forEach(w -> w.run().accept(port));
                return;
            }
        }
        kept.forEach(w -> w.refuse().accept(failure));
    }

    /**
     * The engine's own reason, in the language in use: a {@code CannotListen} says "port 8080 is taken by another
     * program" in the window's words (the system's only in brackets); the wrappers on the way (LiveLabPort's repeats its message) add nothing.
     */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && (cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.io.UncheckedIOException && java.util.Objects.equals(cause.getMessage(), cause.getCause().getMessage()))) {
            cause = cause.getCause();
        }
        String said = cause.getLocalizedMessage();
        return said == null ? cause.toString() : said;
    }

    /** Runs {@code run} on the engine now, or once it is up; {@code refuse} gets the reason if it never comes. */
    private void onEngine(Consumer<LiveLabPort> run, Consumer<String> refuse) {
        LiveLabPort p;
        synchronized (this) {
            p = live;
            if (p == null && failure == null) {
                waiting.add(new Waiting(run, refuse));
                return;
            }
        }
        if (p != null) run.accept(p);
        else refuse.accept(failure);
    }

    private void onEngine(Consumer<LiveLabPort> run) {
        onEngine(run, reason -> { });
    }

    /** Completes with the engine's lab once it is up (the lessons run on it). */
    public CompletableFuture<Lab> lab() {
        return engine.thenApply(LiveLabPort::lab);
    }

    @Override
    public CompletableFuture<Lab> engine() {
        return lab();
    }

    /**
     * Runs {@code r} once the engine is up and has what waited for it, or could not start (on the
     * thread that started it, or at once).
     */
    public void whenStarted(Runnable r) {
        handedOver.thenRun(r);
    }

    /** Begins warming the engine's code once it is up; see {@link LiveLabPort#beginWarmup}. */
    public void beginWarmup() {
        onEngine(LiveLabPort::beginWarmup);
    }

    /** Where failures of background actions are reported, the engine's included (called off the FX thread). */
    public void onError(Consumer<String> sink) {
        errors = sink;
        LiveLabPort p = live;
        if (p != null) p.onError(sink);
    }

    @Override
    public boolean starting() {
        return live == null && failure == null;
    }

    /** Why the engine could not start; empty while it starts and once it runs. */
    public java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    @Override
    public Recording recording() {
        LiveLabPort p = live;
        return p == null ? beforeStart : p.recording();
    }

    @Override
    public String describe() {
        LiveLabPort p = live;
        if (p != null) return p.describe();
        return failure == null ? MainView.T.get("port.starting") : MainView.T.get("port.failed", failure);
    }

    @Override public boolean canSend() { return true; }

    /** Checked at once, like the engine's own send; a request that passes goes out once the engine is up. */
    @Override
    public void send(ComposedRequest request) {
        LiveLabPort.toSpec(request);
        String notStarted = failure;
        if (notStarted != null) throw new IllegalArgumentException(MainView.T.get("port.failed", notStarted));
        onEngine(p -> p.send(request), reason -> errors.accept(MainView.T.get("port.failed", reason)));
    }

    @Override
    public CompletableFuture<Exchange> sendAndSettle(ComposedRequest request) {
        try {
            LiveLabPort.toSpec(request);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Exchange> settled = new CompletableFuture<>();
        onEngine(p -> p.sendAndSettle(request).whenComplete((x, e) -> {
            if (e != null) settled.completeExceptionally(e);
            else settled.complete(x);
        }), reason -> settled.completeExceptionally(new IllegalStateException(MainView.T.get("port.failed", reason))));
        return settled;
    }

    @Override public void setMode(GateMode mode) { onEngine(p -> p.setMode(mode)); }

    @Override
    public void setBreakpoints(Set<Stage> stages) {
        Set<Stage> copy = stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages);
        onEngine(p -> p.setBreakpoints(copy));
    }

    @Override public void step() { onEngine(LiveLabPort::step); }

    @Override
    public boolean holding() {
        LiveLabPort p = live;
        return p != null && p.holding();
    }

    @Override public void cancel(long exchangeId) { onEngine(p -> p.cancel(exchangeId)); }
    @Override public void probe(long exchangeId) { onEngine(p -> p.probe(exchangeId)); }

    /** Closes the engine, now or as soon as it is up. */
    @Override
    public void close() {
        LiveLabPort p;
        synchronized (this) {
            closed = true;
            waiting.clear();
            p = live;
        }
        if (p != null) p.close();
    }
}
