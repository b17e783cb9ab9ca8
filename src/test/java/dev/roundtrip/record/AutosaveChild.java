package dev.roundtrip.record;

import dev.roundtrip.files.RoundtripHome;
import java.nio.file.Path;
import java.time.Duration;

/** A session that keeps growing and autosaving until it is killed (see AutosaveKillTest). */
public final class AutosaveChild {
    public static void main(String[] args) throws Exception {
        System.setProperty(RoundtripHome.PROPERTY, args[0]);
        Recording live = new Recording(SampleRecordings.START);
        Path file = Autosave.defaultFile();
        Autosave autosave = Autosave.start(live, file, Duration.ofMillis(10));
        long reported = 0;
        for (long id = 1; id < 100_000; id++) {
            SampleRecordings.usersOne(live, id, id * 10_000_000L);
            long saves = autosave.saves();
            if (saves != reported) {
                reported = saves;
                System.out.println("saves=" + saves + " " + file);
                System.out.flush();
            }
            Thread.sleep(2);
        }
    }
}
