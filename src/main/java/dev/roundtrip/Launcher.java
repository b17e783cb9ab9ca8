package dev.roundtrip;

import dev.roundtrip.cli.RoundtripCommand;

/**
 * The main class of {@code roundtrip.jar}. It does not extend {@code Application}, so the jar starts
 * from a plain classpath: with no arguments it opens the GUI, with a subcommand it runs the CLI.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            startGui();
            return;
        }
        System.exit(RoundtripCommand.execute(args));
    }

    /** The one place that starts the GUI: the desktop app with a live lab on loopback. */
    static void startGui() {
        dev.roundtrip.ui.RoundtripApp.launchLive();
    }
}
