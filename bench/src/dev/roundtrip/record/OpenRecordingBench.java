package dev.roundtrip.record;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opening a recording, same file, same run: {@code RecordingFiles.open} (the one streaming
 * {@link RecordingReader}) against the path it replaces (file read, binary check, the streaming
 * {@code FastRecordingReader}) and the old located tree reader.
 */
public final class OpenRecordingBench {
    private OpenRecordingBench() {}

    public static void run(Recording source) throws Exception {
        Path file = Files.createTempFile("roundtrip-open", ".roundtrip.json");
        try {
            Files.write(file, RecordingJson.toBytes(source));
            long size = Files.size(file);
            int events = source.eventCount();
            System.out.printf("file: %d exchanges, %d events, %.1f MB%n", source.exchanges().size(), events, size / 1e6);
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            double[] worst = new double[3];
            double ratioBest = Double.MAX_VALUE;
            double ratioWorst = 0;
            int rounds = Integer.getInteger("bench.rounds", 3) + 1;
            for (int i = 0; i < rounds; i++) { // the first round warms the JIT and is not counted
                double[] ms = new double[3];
                Recording now = null;
                Recording fast = null;
                for (int k = 0; k < 2; k++) { // the new and the old streaming reader take turns going first
                    System.gc();
                    long t0 = System.nanoTime();
                    if ((i + k) % 2 == 0) {
                        now = RecordingFiles.open(file, Long.MAX_VALUE);
                        ms[0] = (System.nanoTime() - t0) / 1e6;
                    } else {
                        byte[] content = Files.readAllBytes(file); // what RecordingFiles.open did before
                        JsonTree.rejectBinary(content, file.toString());
                        fast = FastRecordingReader.tryRead(content);
                        ms[1] = (System.nanoTime() - t0) / 1e6;
                    }
                }
                System.gc();
                long t2 = System.nanoTime();
                Recording tree = TreeRecordingReader.read(JsonTree.parse(Files.readAllBytes(file), file.toString()));
                ms[2] = (System.nanoTime() - t2) / 1e6;
                if (now.eventCount() != events || fast == null || fast.eventCount() != events || tree.eventCount() != events) {
                    throw new AssertionError("event counts differ");
                }
                if (i == 0) continue;
                for (int k = 0; k < 3; k++) {
                    best[k] = Math.min(best[k], ms[k]);
                    worst[k] = Math.max(worst[k], ms[k]);
                }
                ratioBest = Math.min(ratioBest, ms[0] / ms[1]);
                ratioWorst = Math.max(ratioWorst, ms[0] / ms[1]);
                System.out.printf("round %d: open (RecordingReader) %.0f ms; old fast path (FastRecordingReader) %.0f ms; "
                        + "old tree reader %.0f ms; new/old fast %.2f%n", i, ms[0], ms[1], ms[2], ms[0] / ms[1]);
            }
            System.out.printf("open %d events: %.0f – %.0f ms (old fast path %.0f – %.0f ms, new/old %.2f – %.2f; old tree reader %.0f – %.0f ms)%n",
                    events, best[0], worst[0], best[1], worst[1], ratioBest, ratioWorst, best[2], worst[2]);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
