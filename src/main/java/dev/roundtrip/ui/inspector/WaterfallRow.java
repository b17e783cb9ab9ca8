package dev.roundtrip.ui.inspector;

import dev.roundtrip.text.Units;
import dev.roundtrip.trace.Stage;

/** One stage in the timing waterfall: where it starts and how long it took, relative to the exchange. */
public record WaterfallRow(Stage stage, long offsetNanos, long durationNanos, boolean failed, boolean current) {
    public String label() {
        return Units.duration(durationNanos);
    }
}
