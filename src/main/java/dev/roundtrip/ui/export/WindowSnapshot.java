package dev.roundtrip.ui.export;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.ui.shell.LabPort;
import dev.roundtrip.ui.shell.LiveLabPort;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.shell.MainViewModel;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

/** Renders the whole main window for a port into an image, without showing it on any screen. */
public final class WindowSnapshot {
    private WindowSnapshot() {}

    /** The window on a running lab (the CLI's {@code snapshot}); the lab stays running. Must run on the FX thread. */
    public static WritableImage render(Lab lab, Theme theme, double width, double height, boolean presenter) {
        try (LiveLabPort port = LiveLabPort.borrowing(lab)) {
            return render(port, theme, width, height, presenter);
        }
    }

    /**
     * Builds the window at the given size, draws the selected exchange at the end of its animation
     * and returns the picture. Must run on the FX thread.
     */
    public static WritableImage render(LabPort port, Theme theme, double width, double height, boolean presenter) {
        MainViewModel vm = new MainViewModel(port);
        vm.themeProperty().set(theme);
        vm.presenterProperty().set(presenter);
        MainView view = MainView.load(vm);
        try {
            Scene scene = view.scene(width, height);
            view.renderNow(System.nanoTime());
            vm.playback().playingProperty().set(false);
            vm.playback().toEnd();
            view.renderNow(System.nanoTime());
            // two passes: text widths are known only after the first CSS pass
            for (int i = 0; i < 2; i++) {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
            }
            return scene.snapshot(null);
        } finally {
            view.stop();
        }
    }
}
