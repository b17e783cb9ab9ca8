package dev.roundtrip.record;

import static dev.roundtrip.record.SampleRecordings.assertSameRecording;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.files.RoundtripHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaveTest {
    @TempDir
    Path dir;

    @Test
    void writesOnlyWhenTheRecordingChanged() throws Exception {
        Recording live = new Recording(SampleRecordings.START);
        Path file = dir.resolve("autosave-1.roundtrip.json");
        Autosave autosave = Autosave.manual(live, file);

        assertThat(autosave.saveIfChanged()).as("an untouched recording is not written").isFalse();
        assertThat(file).doesNotExist();

        SampleRecordings.usersOne(live, 1, 1_000_000);
        assertThat(autosave.saveIfChanged()).isTrue();
        FileTime first = Files.getLastModifiedTime(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));
        assertThat(autosave.saveIfChanged()).as("nothing new: no write").isFalse();
        assertThat(Files.getLastModifiedTime(file).toMillis()).isZero();
        assertThat(autosave.saves()).isEqualTo(1);

        SampleRecordings.notFound(live, 2, 50_000_000);
        assertThat(autosave.saveIfChanged()).isTrue();
        assertThat(autosave.saves()).isEqualTo(2);
        assertThat(first).isNotNull();
        assertSameRecording(RecordingFiles.open(file), live);
    }

    @Test
    void theTimerSavesAGrowingRecordingInTheBackground() throws Exception {
        Recording live = new Recording(SampleRecordings.START);
        Path file = dir.resolve("autosave-2.roundtrip.json");
        // the exchange is whole before the timer runs: a tick in the middle of adding it (a slow machine) would save
        // again for the rest during the idle periods below
        SampleRecordings.usersOne(live, 1, 1_000_000);
        try (Autosave autosave = Autosave.start(live, file, Duration.ofMillis(20))) {
            for (int i = 0; i < 3000 && autosave.saves() == 0; i++) Thread.sleep(10);
            assertThat(autosave.saves()).isGreaterThanOrEqualTo(1);
            long after = autosave.saves();
            Thread.sleep(100); // several periods without change
            assertThat(autosave.saves()).as("idle: no more writes").isEqualTo(after);
            assertThat(autosave.lastFailure()).isEmpty();
            // it grows: the timer writes the new exchange without being asked
            SampleRecordings.notFound(live, 2, 50_000_000);
            for (int i = 0; i < 3000 && exchangesIn(file) < 2; i++) Thread.sleep(10);
            assertThat(exchangesIn(file)).as("exchanges in the file the timer wrote").isEqualTo(2);
        }
        assertSameRecording(RecordingFiles.open(file), live);
    }

    @Test
    void closeKeepsTheLastChangeAndDiscardRemovesTheFile() throws Exception {
        Recording live = new Recording(SampleRecordings.START);
        Path file = dir.resolve("autosave-3.roundtrip.json");
        Autosave autosave = Autosave.start(live, file, Duration.ofHours(1));
        SampleRecordings.usersOne(live, 1, 1_000_000);
        autosave.close();
        assertSameRecording(RecordingFiles.open(file), live);

        Autosave again = Autosave.start(live, file, Duration.ofHours(1));
        again.discard();
        assertThat(file).doesNotExist();
    }

    @Test
    void leftoversAreAutosavesOfProcessesNoLongerRunning() throws Exception {
        String old = System.getProperty(RoundtripHome.PROPERTY);
        System.setProperty(RoundtripHome.PROPERTY, dir.toString());
        try {
            Recording crashed = SampleRecordings.session();
            Path dead = dir.resolve("autosave-" + Integer.MAX_VALUE + ".roundtrip.json"); // no such pid
            RecordingFiles.save(crashed, dead);
            Path mine = Autosave.defaultFile();
            assertThat(mine.getParent()).isEqualTo(dir);
            Autosave own = Autosave.manual(SampleRecordings.session(), mine);
            own.saveIfChanged();
            Files.writeString(dir.resolve("recent.json"), "{}");

            assertThat(Autosave.leftovers()).containsExactly(dead);
            Path restore = Autosave.latestLeftover().orElseThrow();
            assertSameRecording(RecordingFiles.open(restore), crashed);
            Autosave.deleteLeftover(restore);
            assertThat(Autosave.leftovers()).isEmpty();
            own.discard();
        } finally {
            if (old == null) System.clearProperty(RoundtripHome.PROPERTY);
            else System.setProperty(RoundtripHome.PROPERTY, old);
        }
    }

    /** The exchanges in an autosave file as it is now (written atomically: never half a file); 0 before the first save. */
    private static int exchangesIn(Path file) throws Exception {
        return java.nio.file.Files.exists(file) ? RecordingFiles.open(file).exchanges().size() : 0;
    }
}
