package dev.roundtrip.ui.recordings;

import dev.roundtrip.record.MermaidDiagram;
import dev.roundtrip.record.PlantUmlDiagram;
import dev.roundtrip.record.RecentFiles;
import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.record.RecordingFormatException;
import dev.roundtrip.text.Units;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.ui.shell.MainViewModel;
import dev.roundtrip.ui.shell.LabPort;
import dev.roundtrip.ui.util.TaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The sessions the window can show (Live plus one per opened file) and everything the File menu
 * does with them: open (recordings and HAR), save, export, recent files, restoring an autosave left
 * by a crash. File work runs on {@code io}; results come back through {@code ui} (the FX thread in
 * the app, the caller's thread in tests). A file that cannot be opened leaves every session as it was
 * and is reported with {@link RecordingFormatException}'s message (file:line:column: field: expected).
 */
public final class SessionViewModel {
    static final dev.roundtrip.text.Texts.Bundle T = dev.roundtrip.text.Texts.of("dev.roundtrip.ui.recordings.Texts");


    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final MainViewModel main;
    /** Read on {@code io} before any other file work (it is a file); used only there. */
    private volatile RecentFiles recent;
    private final TaskRunner io;
    private final Executor ui;
    private final long maxBytes;
    private final ObservableList<Session> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<Session> current = new SimpleObjectProperty<>();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObservableSet<Path> missingRecentFiles = FXCollections.observableSet();
    private final RestoreOfferViewModel restoreOffer;
    private final NoticeViewModel notices = new NoticeViewModel();

    /** {@code recentStore} is read on {@code io}, first thing. */
    public SessionViewModel(MainViewModel main, Supplier<RecentFiles> recentStore, TaskRunner io, Executor ui) {
        this(main, recentStore, io, ui, RecordingFiles.DEFAULT_MAX_BYTES);
    }

    /** {@code maxBytes}: larger files are refused without being read. */
    public SessionViewModel(MainViewModel main, Supplier<RecentFiles> recentStore, TaskRunner io, Executor ui, long maxBytes) {
        this.main = main;
        this.io = io;
        this.ui = ui;
        this.maxBytes = maxBytes;
        Session live = main.livePort().canSend() ? Session.live(main.livePort())
                : Session.replay(T.get("session.empty"), main.livePort().recording(), null, false);
        sessions.add(live);
        current.set(live);
        live.shownBefore(true);
        io.execute(() -> {
            try {
                recent = recentStore.get();
            } catch (RuntimeException e) {
                // no list this time: opening and saving go on without it
            }
        });
        refreshRecent();
        restoreOffer = new RestoreOfferViewModel(this, io, ui);
        current.addListener((o, was, now) -> switchTo(was, now));
        // Send from a replay goes back to the live session: follow it in the selector
        main.shownProperty().addListener((o, a, port) -> {
            for (Session s : sessions) if (s.port() == port && current.get() != s) current.set(s);
        });
    }

    private void switchTo(Session was, Session now) {
        if (now == null) {
            current.set(sessions.get(0));
            return;
        }
        if (was != null) was.selected(main.selectedIdProperty().get());
        main.show(now.port());
        if (now.selected() >= 0 && now.recording().exchange(now.selected()).isPresent()) {
            main.select(now.selected());
        } else if (now.isCapture()) {
            main.say(T.get("capture.shown"));
        } else if (!now.shownBefore() && !now.isLive()) {
            // a replay opens on its first exchange, paused at the start: the teacher presses Space
            List<Exchange> all = now.recording().exchanges();
            if (!all.isEmpty()) main.select(all.get(0).id());
            main.playback().playingProperty().set(false);
            main.playback().positionProperty().set(0);
            main.say(replayMessage(now));
        } else {
            main.say(now.isLive() ? T.get("live.shown", main.livePort().describe()) : replayMessage(now));
        }
        now.shownBefore(true);
    }

    private static String replayMessage(Session s) {
        Recording r = s.recording();
        return T.get("replay.shown", s.name(), r.exchanges().size(), CLOCK.format(r.startedAt()));
    }

    // --- open ---

    /** Opens a recording or HAR as a new replay session (or shows it again if it is already open). */
    public CompletableFuture<Optional<Session>> open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (Session s : sessions) {
            if (abs.equals(s.file())) {
                current.set(s);
                notices.info(T.get("open.already", s.name()));
                return CompletableFuture.completedFuture(Optional.of(s));
            }
        }
        return load(abs, abs.getFileName().toString(), true);
    }

    private CompletableFuture<Optional<Session>> load(Path file, String name, boolean remember) {
        notices.begin(T.get("open.busy", file.getFileName()));
        return io.supply(() -> {
            sizeHint(file);
            try {
                Recording r = RecordingFiles.open(file, maxBytes);
                if (remember) rememberQuietly(file);
                return r;
            } catch (RecordingFormatException e) {
                if (remember && !Files.exists(file)) forgetQuietly(file);
                throw e;
            }
        }).handleAsync((r, failure) -> {
            notices.end();
            refreshRecent();
            if (failure != null) {
                notices.error(T.get("open.failed", reason(failure)));
                main.say(T.get("open.nothingChanged"));
                return Optional.<Session>empty();
            }
            Session s = Session.replay(name, r, remember ? file : null, remember);
            sessions.add(s);
            current.set(s);
            if (r.warnings().isEmpty()) notices.clear();
            else notices.info(T.get("open.warnings", name, r.warnings().size(), r.warnings().get(0).inUse()));
            return Optional.of(s);
        }, ui);
    }

    /** Big files take seconds: say how big while the progress bar runs. */
    private void sizeHint(Path file) {
        try {
            long size = Files.size(file);
            if (size > 1024 * 1024) {
                String text = T.get("open.busySize", file.getFileName(), Units.bytes(size));
                ui.execute(() -> notices.busyText(text));
            }
        } catch (IOException e) {
            // the open itself reports what is wrong with the file
        }
    }

    /** Shows a running capture as a session of its own; closing the session stops the capture. */
    public Session addCapture(String name, LabPort port) {
        Session s = Session.capture(name, port);
        sessions.add(s);
        current.set(s);
        return s;
    }

    /** Removes the shown replay session and goes back to the live one. */
    public void closeCurrent() {
        Session s = current.get();
        if (s == null || s == sessions.get(0)) {
            main.say(T.get("close.live"));
            return;
        }
        current.set(sessions.get(0));
        sessions.remove(s);
        s.port().close();
        main.say(T.get("close.done", s.name()));
    }

    // --- save and export ---

    /** Where Ctrl+S writes without asking; empty means Save As must ask first. */
    public Optional<Path> saveTarget() {
        return Optional.ofNullable(current.get().saveTarget());
    }

    /** Saves the shown session (the live one keeps recording meanwhile) as a {@code *.roundtrip.json}, atomically. */
    public CompletableFuture<Boolean> saveAs(Path target) {
        Session s = current.get();
        Path file = RecordingFileNames.withExtension(target.toAbsolutePath().normalize(), RecordingFiles.EXTENSION);
        return write("notice.saving", file, () -> {
            RecordingFiles.save(s.recording(), file);
            rememberQuietly(file);
        }, () -> {
            s.saveTarget(file);
            refreshRecent();
            return T.get("saved", s.recording().exchanges().size(), file);
        });
    }

    public CompletableFuture<Boolean> exportHar(Path target) {
        Session s = current.get();
        Path file = RecordingFileNames.withExtension(target, ".har");
        return write("notice.exportingHar", file, () -> RecordingFiles.saveHar(s.recording(), s.recording().exchanges(), file),
                () -> T.get("exported.har", s.recording().exchanges().size(), file));
    }

    public CompletableFuture<Boolean> exportMermaid(Path target) {
        Session s = current.get();
        Path file = RecordingFileNames.withExtension(target, ".mmd");
        List<Path> written = new java.util.ArrayList<>();
        return write("notice.exportingMermaid", file, () -> written.addAll(RecordingFiles.saveMermaid(s.recording().exchanges(), file)),
                () -> written.size() == 1 ? T.get("exported.mermaid", file)
                        : T.get("exported.mermaidFiles", written.size(), MermaidDiagram.MAX_TEXT,
                                written.get(0).getFileName(), written.get(written.size() - 1).getFileName()));
    }

    public CompletableFuture<Boolean> exportPlantUml(Path target) {
        Session s = current.get();
        Path file = RecordingFileNames.withExtension(target, ".puml");
        return write("notice.exportingPlantUml", file, () -> RecordingFiles.saveText(PlantUmlDiagram.of(s.recording()), file),
                () -> T.get("exported.plantUml", file));
    }

    private interface IoWork {
        void run() throws IOException;
    }

    /** {@code busyKey}: what the notice says meanwhile ("Saving x…"), a key of the bundle. */
    private CompletableFuture<Boolean> write(String busyKey, Path file, IoWork work, java.util.function.Supplier<String> done) {
        notices.begin(T.get(busyKey, file.getFileName()));
        return io.supply(() -> {
            work.run();
            return true;
        }).handleAsync((v, failure) -> {
            notices.end();
            if (failure != null) {
                notices.error(T.get("write.failed", file, reason(failure)));
                return false;
            }
            String text = done.get();
            notices.info(text);
            main.say(text);
            return true;
        }, ui);
    }

    /** A proposed file name for the shown session, e.g. "lesson1.har" or "session-20261124-0915.roundtrip.json". */
    public String suggestedName(String extension) {
        return RecordingFileNames.baseName(current.get(), java.time.LocalDateTime.now()) + extension;
    }

    /** Opens an autosave left by a crash as a replay (not remembered as a recent file). */
    CompletableFuture<Optional<Session>> openRestored(Path autosave, String name) {
        return load(autosave, name, false);
    }

    // --- recent files ---

    /** Re-reads the list and which of its files still exist, off the FX thread. */
    private void refreshRecent() {
        io.supply(() -> {
            List<Path> list = recent == null ? List.of() : recent.list();
            Set<Path> missing = new HashSet<>();
            for (Path p : list) if (!Files.isRegularFile(p)) missing.add(p);
            return Map.entry(list, missing);
        }).thenAcceptAsync(r -> {
            missingRecentFiles.retainAll(r.getValue());
            missingRecentFiles.addAll(r.getValue());
            if (!recentFiles.equals(r.getKey())) recentFiles.setAll(r.getKey());
        }, ui);
    }

    private void rememberQuietly(Path file) {
        try {
            if (recent != null) recent.add(file);
        } catch (IOException e) {
            // the list is a convenience: a failed write must not fail the open or save
        }
    }

    private void forgetQuietly(Path file) {
        try {
            if (recent != null) recent.remove(file);
        } catch (IOException e) {
            // as above
        }
    }

    /** The exact message of the cause: RecordingFormatException's names file, line, column and field. */
    public static String reason(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c.getLocalizedMessage() == null ? c.toString() : c.getLocalizedMessage();
    }

    public ObservableList<Session> sessions() { return sessions; }
    /** The notice bar: file work under way, then what came of it. */
    public NoticeViewModel notices() { return notices; }
    public ObjectProperty<Session> currentProperty() { return current; }
    public Session current() { return current.get(); }
    public ObservableList<Path> recentFiles() { return recentFiles; }
    /** The recent files that are gone (listed, greyed). */
    public ObservableSet<Path> missingRecentFiles() { return missingRecentFiles; }
    /** The offer to restore an autosave left by a crash. */
    public RestoreOfferViewModel restoreOffer() { return restoreOffer; }
}
