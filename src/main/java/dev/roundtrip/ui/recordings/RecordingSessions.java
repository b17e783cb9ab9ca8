package dev.roundtrip.ui.recordings;

import dev.roundtrip.record.Autosave;
import dev.roundtrip.record.RecentFiles;
import dev.roundtrip.ui.compare.CompareView;
import dev.roundtrip.ui.compare.ResendViewModel;
import dev.roundtrip.ui.shell.LabPort;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.shell.MainViewModel;
import dev.roundtrip.ui.util.BackgroundTasks;
import java.io.IOException;
import javafx.application.Platform;

/**
 * Recordings in the app, put together: one background thread for file work, the session and re-send
 * view models, the menus and bars in the main window, and the autosave of the live session (started
 * with the window, deleted on a clean exit; a leftover of a crashed run is offered for restore).
 */
public final class RecordingSessions implements AutoCloseable {
    private final BackgroundTasks io = BackgroundTasks.serial("recording-files");
    private final SessionViewModel sessions;
    private final ResendViewModel resend;
    private final RecordingMenus menus;
    private final MainViewModel main;
    private volatile Autosave autosave;

    private RecordingSessions(MainView view) {
        main = view.viewModel();
        sessions = new SessionViewModel(main, RecentFiles::load, io, Platform::runLater);
        resend = new ResendViewModel(main.livePort(), Platform::runLater);
        menus = new RecordingMenus(view, sessions, resend);
        // A lesson drives the live engine: its exchanges, and the list and rows it points at, are the
        // live session's. Over a replay it pointed at the replay's rows, and left them selected.
        view.lessons().viewModel().openProperty().addListener((o, a, open) -> {
            if (open && !sessions.currentProperty().get().isLive()) sessions.currentProperty().set(sessions.sessions().get(0));
        });
    }

    /** Adds recordings to a loaded main window. Call on the FX thread. */
    public static RecordingSessions install(MainView view) {
        return new RecordingSessions(view);
    }

    /** Starts autosaving the live session (off the FX thread) and looks for autosaves of crashed runs. */
    public void startAutosave() {
        LabPort live = main.livePort();
        if (live.canSend()) {
            io.execute(() -> {
                try {
                    autosave = Autosave.start(live.recording());
                } catch (IOException e) {
                    Platform.runLater(() -> main.say(SessionViewModel.T.get("autosave.off", e.getMessage())));
                }
            });
        }
        sessions.restoreOffer().checkLeftovers();
    }

    public SessionViewModel sessions() { return sessions; }
    public ResendViewModel resend() { return resend; }
    public CompareView compareView() { return menus.compareView(); }
    public Autosave autosave() { return autosave; }

    /** A clean exit: the autosave is no longer needed. */
    @Override
    public void close() {
        io.close(5);
        Autosave a = autosave;
        if (a != null) {
            try {
                a.discard();
            } catch (IOException e) {
                // left behind: offered as a leftover at the next start, which is harmless
            }
        }
        for (Session s : sessions.sessions()) if (!s.isLive()) s.port().close();
    }
}
