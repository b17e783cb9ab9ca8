package dev.roundtrip.cli;

import dev.roundtrip.text.Texts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root of the command line. Add a subcommand by listing its class in {@code subcommands}. */
@Command(name = "roundtrip", mixinStandardHelpOptions = true, version = "roundtrip 0.1.0",
        subcommands = {TraceCommand.class, ServeCommand.class, CaptureCommand.class, SnapshotCommand.class, ReplayCommand.class,
                ExportCommand.class, ImportCommand.class, LessonCommand.class, RealtimeCommand.class, CommandLine.HelpCommand.class})
public final class RoundtripCommand implements Runnable {
    static final String HELP = "dev.roundtrip.cli.Help";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line with these arguments and returns the exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command tree with its usage help in the language in use ({@code Help.properties}). */
    static CommandLine commandLine() {
        return new CommandLine(new RoundtripCommand()).setResourceBundle(Texts.bundle(HELP));
    }
}
