package dev.roundtrip.cli;

import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import FILE.har [--out F.roundtrip.json]}: a HAR becomes a recording. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert a HAR file (from a browser's developer tools, or our own export) into a *.roundtrip.json recording.")
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.har", description = "the HAR file")
    Path file;

    @Option(names = "--out", paramLabel = "F.roundtrip.json", description = "default: FILE with .roundtrip.json instead of .har")
    Path out;

    @Option(names = "--force", description = "overwrite --out if it exists")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path target = out != null ? out : defaultOut(file);
        if (Files.exists(target) && !force) {
            err.println("import: " + target + " exists; choose another --out or add --force to overwrite it");
            return 1;
        }
        Recording recording = CliSupport.open(() -> RecordingFiles.openHar(file, RecordingFiles.DEFAULT_MAX_BYTES), spec, "import");
        if (recording == null) return 1;
        try {
            RecordingFiles.save(recording, target);
        } catch (IOException e) {
            err.println("import: cannot write " + target + ": " + e.getMessage());
            return 1;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("imported " + CliSupport.exchanges(recording.exchanges().size()) + " (" + recording.eventCount() + " events) from " + file + " into " + target);
        o.flush();
        return 0;
    }

    static Path defaultOut(Path har) {
        String name = har.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".har") ? name.substring(0, name.length() - 4) : name;
        return har.resolveSibling(base + RecordingFiles.EXTENSION);
    }
}
