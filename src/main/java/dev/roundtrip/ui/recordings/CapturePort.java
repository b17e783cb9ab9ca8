package dev.roundtrip.ui.recordings;

import dev.roundtrip.capture.CaptureProxy;
import dev.roundtrip.gate.GateMode;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.composer.ComposedRequest;
import dev.roundtrip.ui.shell.LabPort;
import java.util.Set;

/**
 * A capture shown in the window: its recording grows as foreign clients talk to foreign servers through
 * it. Nothing is sent from the app and nothing is held (the proxy has no gates); closing the session
 * stops the proxy.
 */
final class CapturePort implements LabPort {
    private final CaptureProxy proxy;
    private final String description;

    CapturePort(CaptureProxy proxy) {
        this.proxy = proxy;
        String listen = "http://127.0.0.1:" + proxy.port() + "/";
        this.description = proxy.options().isForward() ? SessionViewModel.T.get("capture.forward", listen)
                : SessionViewModel.T.get("capture.reverse", listen, proxy.options().target().describe());
    }

    @Override public Recording recording() { return proxy.recording(); }
    @Override public String describe() { return description; }
    @Override public boolean canSend() { return false; }
    @Override public boolean growsLive() { return true; }
    @Override public void send(ComposedRequest request) { throw new IllegalStateException("A capture records other programs' requests; it sends none"); }
    @Override public void setMode(GateMode mode) { }
    @Override public void setBreakpoints(Set<Stage> stages) { }
    @Override public void step() { }
    @Override public boolean holding() { return false; }
    @Override public void cancel(long exchangeId) { }
    @Override public void probe(long exchangeId) { }

    /** Off the FX thread: closing waits for the proxy's event loops. */
    @Override
    public void close() {
        Thread t = new Thread(proxy::close, "roundtrip-capture-close");
        t.setDaemon(true);
        t.start();
    }
}
