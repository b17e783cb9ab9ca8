package dev.roundtrip.cli;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** Small helpers shared by the record commands. */
final class CliSupport {
    private CliSupport() {}

    /** The exchanges with these ids, in the given order; null (after a message) when one is missing. */
    static List<Exchange> choose(Recording recording, List<Long> ids, CommandSpec spec, String command) {
        List<Exchange> chosen = new ArrayList<>();
        for (long id : ids) {
            Optional<Exchange> x = recording.exchange(id);
            if (x.isEmpty()) {
                List<Long> known = recording.exchanges().stream().map(Exchange::id).toList();
                spec.commandLine().getErr().println(command + ": no exchange " + id + " in this recording; it has " + known);
                return null;
            }
            chosen.add(x.get());
        }
        return chosen;
    }
}
