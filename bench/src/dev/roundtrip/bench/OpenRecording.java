package dev.roundtrip.bench;

import dev.roundtrip.record.OpenRecordingBench;

/** Opening a 100,000-event recording (File > Open, {@code roundtrip replay}). */
final class OpenRecording {
    private OpenRecording() {}

    static void main() throws Exception {
        OpenRecordingBench.run(Synthetic.withEvents(Integer.getInteger("bench.openEvents", 100_000)));
    }
}
