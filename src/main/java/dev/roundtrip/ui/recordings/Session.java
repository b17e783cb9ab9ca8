package dev.roundtrip.ui.recordings;

import dev.roundtrip.record.Recording;
import dev.roundtrip.ui.shell.LabPort;
import dev.roundtrip.ui.shell.ReplayPort;
import java.nio.file.Path;

/**
 * One thing the window can show: the live lab, or a recording opened from a file (replayed through
 * a {@link ReplayPort}). Each session keeps which exchange was selected, so switching back shows it again.
 */
public final class Session {
    private final String name;
    private final LabPort port;
    private final Path file;
    private final boolean live;
    private boolean capture;
    private Path saveTarget;
    private long selected = -1;
    private boolean shownBefore;

    private Session(String name, LabPort port, Path file, boolean live, Path saveTarget) {
        this.name = name;
        this.port = port;
        this.file = file;
        this.live = live;
        this.saveTarget = saveTarget;
    }

    public static Session live(LabPort port) {
        return new Session("Live", port, null, true, null);
    }

    /**
     * A recording opened from {@code file}. Save writes back to the file only when it is one of ours
     * ({@code *.roundtrip.json}); a HAR or a restored autosave asks where to save.
     */
    public static Session replay(String name, Recording recording, Path file, boolean saveBack) {
        Path target = saveBack && file != null && RecordingFileNames.isRecording(file) ? file : null;
        return new Session(name, new ReplayPort(recording, name), file, false, target);
    }

    /** A capture whose recording grows while it runs; Save asks where (it has no file yet). */
    public static Session capture(String name, LabPort port) {
        Session s = new Session(name, port, null, false, null);
        s.capture = true;
        return s;
    }

    /** A running capture (its recording still grows), not a file's replay. */
    public boolean isCapture() { return capture; }

    public String name() { return name; }
    public LabPort port() { return port; }
    public Recording recording() { return port.recording(); }
    /** The file it was opened from; null for the live session and a restored autosave. */
    public Path file() { return file; }
    public boolean isLive() { return live; }

    /** Where Save writes without asking, if anywhere yet. */
    public Path saveTarget() { return saveTarget; }
    void saveTarget(Path p) { saveTarget = p; }

    long selected() { return selected; }
    void selected(long id) { selected = id; }
    boolean shownBefore() { return shownBefore; }
    void shownBefore(boolean b) { shownBefore = b; }

    /** The session selector's text. */
    @Override
    public String toString() {
        return live ? SessionViewModel.T.get("session.live") : capture ? name : SessionViewModel.T.get("session.replay", name);
    }
}
