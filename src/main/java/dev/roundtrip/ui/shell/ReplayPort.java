package dev.roundtrip.ui.shell;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.composer.ComposedRequest;
import java.util.Set;

/** A recording without an engine behind it: everything can be watched, nothing sent. */
public final class ReplayPort implements LabPort {
    private final Recording recording;
    private final String source;

    public ReplayPort(Recording recording, String source) {
        this.recording = recording;
        this.source = source;
    }

    @Override public Recording recording() { return recording; }
    @Override public String describe() { return MainView.T.get("port.replay", source); }
    @Override public boolean canSend() { return false; }
    @Override public void send(ComposedRequest request) { throw new IllegalStateException("A replay cannot send"); }
    @Override public void setMode(GateMode mode) { }
    @Override public void setBreakpoints(Set<Stage> stages) { }
    @Override public void step() { }
    @Override public boolean holding() { return false; }
    @Override public void cancel(long exchangeId) { }
    @Override public void probe(long exchangeId) { }
    @Override public void close() { }
}
