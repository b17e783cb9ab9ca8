package dev.roundtrip;

import dev.roundtrip.cli.RoundtripCommand;

/**
 * The main class of {@code roundtrip.jar}. It does not extend {@code Application}, so the jar starts
 * from a plain classpath: with no arguments it opens the GUI, with a subcommand it runs the CLI.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        JavaFxNatives.prepare(); // before any JavaFX class: the GUI, --smoke, snapshot and export --to png load its libraries
        if (args.length == 0) {
            startGui();
            return;
        }
        if (args[0].equals("--smoke")) {
            smoke(java.util.Arrays.asList(args).contains("--headless") || System.getenv("DISPLAY") == null);
            return;
        }
        dev.roundtrip.text.Texts.use(dev.roundtrip.text.SystemLanguage.now()); // the terminal's language (LANG, also where its locale is not generated)
        // Java 17 writes System.out in sun.stdout.encoding (a Windows console's) or else the default charset
        String console = System.getProperty("sun.stdout.encoding");
        java.nio.charset.Charset out = console != null ? java.nio.charset.Charset.forName(console) : java.nio.charset.Charset.defaultCharset();
        dev.roundtrip.text.SystemLanguage.terminalCharset(out, System::getenv).ifPresent(utf8 -> {
            System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, utf8));
            System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, utf8));
            // picocli writes its help and our commands' output in sun.stdout/stderr.encoding when set, else the default charset
            System.setProperty("sun.stdout.encoding", utf8.name());
            System.setProperty("sun.stderr.encoding", utf8.name());
        });
        System.exit(RoundtripCommand.execute(args));
    }

    /**
     * {@code --smoke [--headless]}: starts the GUI on a live lab, prints the time from JVM start to
     * the first frame and to the engine being up, and exits 0, or 1 when the engine could not start
     * (headless through Monocle when asked or when there is no DISPLAY).
     */
    static void smoke(boolean headless) {
        if (headless) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(dev.roundtrip.ui.shell.RoundtripApp.launchSmoke(headless));
    }

    /** The one place that starts the GUI: the desktop app with a live lab on loopback. */
    static void startGui() {
        dev.roundtrip.ui.shell.RoundtripApp.launchLive();
    }
}
