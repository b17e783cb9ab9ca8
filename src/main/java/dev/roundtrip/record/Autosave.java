package dev.roundtrip.record;

import dev.roundtrip.files.AtomicFile;
import dev.roundtrip.files.RoundtripHome;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a copy of a live recording on disk so a crash or {@code kill -9} loses at most one period.
 * Every {@code period} a daemon thread saves the recording atomically, but only when
 * {@link Recording#version()} moved since the last save (an idle session costs no disk writes).
 *
 * <p>Each process writes its own file, {@link RoundtripHome#autosaveFile(long)}
 * ({@code <home>/autosave-<pid>.roundtrip.json}), so two windows never overwrite each other. At start the UI calls
 * {@link #leftovers()}: autosaves of processes that are no longer running are sessions that ended
 * without a clean exit, to be offered for restore with {@link RecordingFiles#open(Path)} and then
 * removed with {@link #deleteLeftover(Path)}. On a clean exit the UI calls {@link #discard()}.
 *
 * <pre>{@code
 * Autosave autosave = Autosave.start(lab.recording());       // at session start
 * ...
 * autosave.discard();                                          // clean exit
 * }</pre>
 */
public final class Autosave implements AutoCloseable {
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(3);
    private static final Pattern NAME = Pattern.compile("autosave-(\\d+)\\.roundtrip\\.json");

    private final Recording recording;
    private final Path file;
    private final ScheduledExecutorService timer;
    private long savedVersion;
    private long saves;
    private volatile IOException lastFailure;
    private boolean closed;

    private Autosave(Recording recording, Path file, Duration period) {
        this.recording = recording;
        this.file = file;
        // An untouched recording (version 0) has nothing worth saving.
        this.savedVersion = 0;
        if (period == null) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "roundtrip-autosave");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, period.toMillis());
        timer.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Autosaves {@code recording} every {@link #DEFAULT_PERIOD} to this process's default file. */
    public static Autosave start(Recording recording) throws IOException {
        return start(recording, defaultFile(), DEFAULT_PERIOD);
    }

    /** Autosaves {@code recording} to {@code file} every {@code period} (a background daemon thread). */
    public static Autosave start(Recording recording, Path file, Duration period) {
        return new Autosave(recording, file, period);
    }

    /** Without a timer: the caller calls {@link #saveIfChanged()} itself (tests, the CLI). */
    public static Autosave manual(Recording recording, Path file) {
        return new Autosave(recording, file, null);
    }

    /** {@code <home>/autosave-<this pid>.roundtrip.json}; creates the folder. */
    public static Path defaultFile() throws IOException {
        RoundtripHome.ensureDir();
        return RoundtripHome.autosaveFile(ProcessHandle.current().pid());
    }

    public Path file() {
        return file;
    }

    /** How many times the file was written. */
    public synchronized long saves() {
        return saves;
    }

    /** The last failed background save, if the latest attempt failed (disk full, folder gone). */
    public Optional<IOException> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /**
     * Saves now if the recording changed since the last save.
     *
     * @return true when the file was written
     */
    public synchronized boolean saveIfChanged() throws IOException {
        if (closed) return false;
        long v = recording.version();
        if (v == savedVersion) return false;
        RecordingFiles.save(recording, file);
        savedVersion = v;
        saves++;
        return true;
    }

    private void tick() {
        try {
            saveIfChanged();
            lastFailure = null;
        } catch (IOException e) {
            lastFailure = e; // kept for the UI to show; the next tick tries again
        } catch (RuntimeException e) {
            lastFailure = new IOException(e);
        }
    }

    /** Stops the timer after a last save of any change; the file stays (the session is kept). */
    @Override
    public void close() throws IOException {
        stopTimer();
        try {
            saveIfChanged();
        } finally {
            synchronized (this) {
                closed = true;
            }
        }
    }

    /** Stops the timer and deletes the file: a clean exit, or the session was saved elsewhere. */
    public void discard() throws IOException {
        stopTimer();
        synchronized (this) {
            closed = true;
            Files.deleteIfExists(file);
        }
    }

    private void stopTimer() {
        if (timer == null) return;
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Autosaves left by Roundtrip processes that are no longer running (a crash, a kill), newest
     * first. The running process's own autosave is never among them.
     */
    public static List<Path> leftovers() throws IOException {
        return leftovers(RoundtripHome.dir());
    }

    static List<Path> leftovers(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) return found;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, RoundtripHome.AUTOSAVE_GLOB)) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (!m.matches()) continue;
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                boolean running = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!running) found.add(f);
            }
        }
        found.sort(Comparator.comparing(Autosave::modified).reversed());
        return found;
    }

    /** The newest leftover autosave, if any. */
    public static Optional<Path> latestLeftover() throws IOException {
        return leftovers().stream().findFirst();
    }

    /** Removes a leftover (and any temporary file of its last, interrupted save) once restored or declined. */
    public static void deleteLeftover(Path leftover) throws IOException {
        if (!NAME.matcher(leftover.getFileName().toString()).matches()) {
            throw new IllegalArgumentException("not an autosave file: " + leftover);
        }
        Files.deleteIfExists(leftover);
        // A save cut short by the kill may have left its temporary file (see AtomicFile).
        Path dir = leftover.toAbsolutePath().getParent();
        try (DirectoryStream<Path> tmp = Files.newDirectoryStream(dir, AtomicFile.tempGlob(leftover))) {
            for (Path t : tmp) Files.deleteIfExists(t);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }
}
