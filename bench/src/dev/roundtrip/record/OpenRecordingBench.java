package dev.roundtrip.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opening a recording, same file, same run: {@code RecordingFiles.open} (file read, checks, the
 * streaming {@link RecordingReader} into the model) against plain Jackson: the file read and
 * parsed into a databind tree ({@code ObjectMapper.readTree}), which builds no model and checks
 * nothing. The two take turns going first in each round.
 */
public final class OpenRecordingBench {
    private OpenRecordingBench() {}

    public static void run(Recording source) throws Exception {
        Path file = Files.createTempFile("roundtrip-open", ".roundtrip.json");
        ObjectMapper mapper = new ObjectMapper();
        try {
            Files.write(file, RecordingJson.toBytes(source));
            long size = Files.size(file);
            int events = source.eventCount();
            System.out.printf("file: %d exchanges, %d events, %.1f MB%n", source.exchanges().size(), events, size / 1e6);
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
            double[] worst = new double[2];
            double ratioBest = Double.MAX_VALUE;
            double ratioWorst = 0;
            int rounds = Integer.getInteger("bench.rounds", 3) + 1;
            for (int i = 0; i < rounds; i++) { // the first round warms the JIT and is not counted
                double[] ms = new double[2];
                Recording opened = null;
                JsonNode tree = null;
                for (int k = 0; k < 2; k++) {
                    System.gc();
                    long t0 = System.nanoTime();
                    if ((i + k) % 2 == 0) {
                        opened = RecordingFiles.open(file, Long.MAX_VALUE);
                        ms[0] = (System.nanoTime() - t0) / 1e6;
                    } else {
                        tree = mapper.readTree(Files.readAllBytes(file));
                        ms[1] = (System.nanoTime() - t0) / 1e6;
                    }
                }
                if (opened.eventCount() != events || tree.get("exchanges").size() != source.exchanges().size()) {
                    throw new AssertionError("counts differ");
                }
                if (i == 0) continue;
                for (int k = 0; k < 2; k++) {
                    best[k] = Math.min(best[k], ms[k]);
                    worst[k] = Math.max(worst[k], ms[k]);
                }
                ratioBest = Math.min(ratioBest, ms[0] / ms[1]);
                ratioWorst = Math.max(ratioWorst, ms[0] / ms[1]);
                System.out.printf("round %d: open (RecordingReader) %.0f ms; Jackson readTree %.0f ms; ratio %.2f%n", i, ms[0], ms[1], ms[0] / ms[1]);
            }
            System.out.printf("open %d events: %.0f – %.0f ms (Jackson readTree %.0f – %.0f ms, ratio %.2f – %.2f)%n",
                    events, best[0], worst[0], best[1], worst[1], ratioBest, ratioWorst);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
