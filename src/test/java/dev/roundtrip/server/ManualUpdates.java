package dev.roundtrip.server;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** An update source the test drives: it makes an update only when told, and says whether it was started. */
final class ManualUpdates implements UpdateSource {
    private volatile Consumer<String> sink;
    final AtomicInteger started = new AtomicInteger();

    @Override
    public Running start(Consumer<String> sink) {
        started.incrementAndGet();
        this.sink = sink;
        return () -> this.sink = null;
    }

    boolean running() {
        return sink != null;
    }

    void emit(String text) {
        Consumer<String> s = sink;
        if (s == null) throw new IllegalStateException("not started: no client wants updates");
        s.accept(text);
    }
}
