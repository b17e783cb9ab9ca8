package dev.roundtrip.trace;

/** Receives facts from a {@link TraceBus}, always on that subscription's own delivery thread. */
@FunctionalInterface
public interface TraceListener {
    void onEvent(TraceEvent event);
}
