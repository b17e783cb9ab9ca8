package dev.roundtrip.record;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opening a recording: the streaming reader against the located tree reader, same file, same run. */
public final class OpenRecordingBench {
    private OpenRecordingBench() {}

    public static void run(Recording source) throws Exception {
        Path file = Files.createTempFile("roundtrip-open", ".roundtrip.json");
        try {
            Files.write(file, RecordingJson.toBytes(source));
            long size = Files.size(file);
            int events = source.eventCount();
            System.out.printf("file: %d exchanges, %d events, %.1f MB%n", source.exchanges().size(), events, size / 1e6);
            double fastBest = Double.MAX_VALUE;
            double treeBest = Double.MAX_VALUE;
            double fastWorst = 0;
            double treeWorst = 0;
            int rounds = Integer.getInteger("bench.rounds", 3) + 1;
            for (int i = 0; i < rounds; i++) { // the first round warms the JIT and is not counted
                System.gc();
                long t0 = System.nanoTime();
                Recording fast = RecordingFiles.open(file, Long.MAX_VALUE);
                double fastMs = (System.nanoTime() - t0) / 1e6;
                System.gc();
                long t1 = System.nanoTime();
                Recording tree = TreeRecordingReader.read(JsonTree.parse(Files.readAllBytes(file), file.toString()));
                double treeMs = (System.nanoTime() - t1) / 1e6;
                if (fast.eventCount() != events || tree.eventCount() != events) throw new AssertionError("event counts differ");
                if (i == 0) continue;
                fastBest = Math.min(fastBest, fastMs);
                fastWorst = Math.max(fastWorst, fastMs);
                treeBest = Math.min(treeBest, treeMs);
                treeWorst = Math.max(treeWorst, treeMs);
                System.out.printf("round %d: open (file read + streaming reader) %.0f ms; located tree reader %.0f ms; ratio %.2f%n",
                        i, fastMs, treeMs, fastMs / treeMs);
            }
            System.out.printf("open %d events: %.0f – %.0f ms (tree reader %.0f – %.0f ms)%n", events, fastBest, fastWorst, treeBest, treeWorst);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
