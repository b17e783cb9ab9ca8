package dev.roundtrip.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root of the command line. Add a subcommand by listing its class in {@code subcommands}. */
@Command(name = "roundtrip", mixinStandardHelpOptions = true, version = "roundtrip 0.1.0",
        description = "Shows how an HTTP request travels from a client to a server and back.",
        subcommands = {TraceCommand.class, ServeCommand.class, CaptureCommand.class, SnapshotCommand.class, ReplayCommand.class,
                ExportCommand.class, ImportCommand.class, LessonCommand.class, CommandLine.HelpCommand.class})
public final class RoundtripCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line with these arguments and returns the exit code. */
    public static int execute(String... args) {
        return new CommandLine(new RoundtripCommand()).execute(args);
    }
}
