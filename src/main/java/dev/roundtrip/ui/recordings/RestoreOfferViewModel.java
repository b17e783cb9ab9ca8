package dev.roundtrip.ui.recordings;

import dev.roundtrip.record.Autosave;
import dev.roundtrip.ui.util.TaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The offer to restore an autosave left by a session that did not end cleanly (a crash, a kill):
 * restore it as a replay, discard it, or decide later. The newest leftover is offered first.
 */
public final class RestoreOfferViewModel {
    private final SessionViewModel sessions;
    private final TaskRunner io;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Path> leftover = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper leftoverText = new ReadOnlyStringWrapper("");

    RestoreOfferViewModel(SessionViewModel sessions, TaskRunner io, Executor ui) {
        this.sessions = sessions;
        this.io = io;
        this.ui = ui;
    }

    /** Looks for autosaves of sessions that ended without a clean exit; the newest is offered. */
    public CompletableFuture<Void> checkLeftovers() {
        return io.supply(() -> {
            try {
                List<Path> all = Autosave.leftovers();
                return all.isEmpty() ? null : new Found(all.get(0), modified(all.get(0)), all.size());
            } catch (IOException e) {
                return null;
            }
        }).thenAcceptAsync(found -> {
            if (found == null) {
                leftover.set(null);
                leftoverText.set("");
                return;
            }
            leftoverText.set(SessionViewModel.T.get("restore.offer", found.file().getFileName(), found.modified(), found.count() - 1));
            leftover.set(found.file());
        }, ui);
    }

    private record Found(Path file, String modified, int count) {}

    /** Opens the offered autosave as a replay session, then deletes it and offers the next one, if any. */
    public CompletableFuture<Optional<Session>> restoreLeftover() {
        Path p = leftover.get();
        if (p == null) return CompletableFuture.completedFuture(Optional.empty());
        leftover.set(null);
        return io.supply(() -> modified(p))
                .thenComposeAsync(when -> sessions.openRestored(p, SessionViewModel.T.get("session.restored", when)), ui)
                .thenComposeAsync(opened -> {
                    if (opened.isEmpty()) return CompletableFuture.completedFuture(opened);
                    return io.run(() -> deleteQuietly(p)).thenCompose(v -> checkLeftovers()).thenApply(v -> opened);
                }, ui);
    }

    /** Deletes the offered autosave without opening it. */
    public CompletableFuture<Void> discardLeftover() {
        Path p = leftover.get();
        if (p == null) return CompletableFuture.completedFuture(null);
        leftover.set(null);
        return io.run(() -> deleteQuietly(p)).thenCompose(v -> checkLeftovers());
    }

    /** Hides the offer for now; it comes back at the next start. */
    public void dismissLeftover() {
        leftover.set(null);
    }

    private static String modified(Path p) {
        try {
            return SessionViewModel.CLOCK.format(Files.getLastModifiedTime(p).toInstant());
        } catch (IOException e) {
            return SessionViewModel.T.get("restore.timeUnknown");
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Autosave.deleteLeftover(p);
        } catch (IOException e) {
            // offered again at the next start
        }
    }

    /** The autosave offered for restore, or null. */
    public ReadOnlyObjectProperty<Path> leftoverProperty() { return leftover.getReadOnlyProperty(); }
    public ReadOnlyStringProperty leftoverTextProperty() { return leftoverText.getReadOnlyProperty(); }
}
