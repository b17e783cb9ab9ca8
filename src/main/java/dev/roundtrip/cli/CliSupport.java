package dev.roundtrip.cli;

import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.record.RecordingFormatException;
import dev.roundtrip.trace.Exchange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** Small helpers shared by the record commands. */
final class CliSupport {
    private CliSupport() {}

    /** Reads a recording; may fail with a message that names the file and what was wrong. */
    interface RecordingSource {
        Recording read() throws RecordingFormatException;
    }

    /** The recording or HAR in {@code file}; null (after a message) when it cannot be read. */
    static Recording open(Path file, CommandSpec spec, String command) {
        return open(() -> RecordingFiles.open(file), spec, command);
    }

    /**
     * What {@code source} reads, its warnings on stderr ("COMMAND: warning: …"); null (after
     * "COMMAND: why") when it cannot be read.
     */
    static Recording open(RecordingSource source, CommandSpec spec, String command) {
        try {
            Recording r = source.read();
            for (dev.roundtrip.record.RecordingWarning w : r.warnings()) {
                spec.commandLine().getErr().println(command + ": " + CliTexts.T.get("cli.warning", dev.roundtrip.text.Printable.escape(w.inUse())));
            }
            spec.commandLine().getErr().flush();
            return r;
        } catch (RecordingFormatException e) {
            spec.commandLine().getErr().println(command + ": " + dev.roundtrip.text.Printable.escape(e.getLocalizedMessage()));
            return null;
        }
    }

    /** "1 exchange", "2 exchanges". */
    static String exchanges(int n) {
        return CliTexts.T.get("cli.exchanges", n);
    }

    /** The exchanges with these ids, in the given order; null (after a message) when one is missing. */
    static List<Exchange> choose(Recording recording, List<Long> ids, CommandSpec spec, String command) {
        List<Exchange> chosen = new ArrayList<>();
        for (long id : ids) {
            Optional<Exchange> x = recording.exchange(id);
            if (x.isEmpty()) {
                List<Long> known = recording.exchanges().stream().map(Exchange::id).toList();
                spec.commandLine().getErr().println(command + ": " + CliTexts.T.get("cli.noExchange", String.valueOf(id), known.toString()));
                return null;
            }
            chosen.add(x.get());
        }
        return chosen;
    }
}
