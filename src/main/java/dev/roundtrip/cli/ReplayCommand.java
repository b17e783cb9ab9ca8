package dev.roundtrip.cli;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code replay FILE}: prints the timeline of a recording or HAR file, no server needed. */
@Command(name = "replay", mixinStandardHelpOptions = true)
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "file")
    Path file;

    @Option(names = "--exchange", paramLabel = "ID")
    List<Long> exchanges;

    @Override
    public Integer call() {
        Recording recording = CliSupport.open(file, spec, "replay");
        if (recording == null) return 1;
        TimelinePrinter printer = new TimelinePrinter(spec.commandLine().getOut());
        if (exchanges == null || exchanges.isEmpty()) {
            printer.print(recording);
            return 0;
        }
        List<Exchange> chosen = CliSupport.choose(recording, exchanges, spec, "replay");
        if (chosen == null) return 1;
        for (Exchange x : chosen) printer.print(x);
        return 0;
    }
}
