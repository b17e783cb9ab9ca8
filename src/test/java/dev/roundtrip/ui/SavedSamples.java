package dev.roundtrip.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.files.RoundtripHome;
import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.record.SampleRecordings;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The sample session saved where a test needs it: as a file to open, or as a crashed run's autosave. */
public final class SavedSamples {
    private SavedSamples() {}

    /** {@code lesson1.roundtrip.json} in {@code dir}. */
    public static Path lesson1(Path dir) throws Exception {
        Path f = dir.resolve("lesson1" + RecordingFiles.EXTENSION);
        RecordingFiles.save(SampleRecordings.session(), f);
        return f;
    }

    /** An autosave in the home dir whose process has really ended, as a crash leaves it. */
    public static Path leftoverAutosave() throws Exception {
        Path home = RoundtripHome.ensureDir();
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(gone.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path leftover = home.resolve("autosave-" + gone.pid() + RecordingFiles.EXTENSION);
        RecordingFiles.save(SampleRecordings.session(), leftover);
        return leftover;
    }
}
