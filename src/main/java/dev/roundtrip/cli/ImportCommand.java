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
@Command(name = "import", mixinStandardHelpOptions = true)
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.har", descriptionKey = "file")
    Path file;

    @Option(names = "--out", paramLabel = "F.roundtrip.json")
    Path out;

    @Option(names = "--force")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path target = out != null ? out : defaultOut(file);
        if (Files.exists(target) && !force) {
            err.println("import: " + CliTexts.T.get("import.exists", target.toString()));
            return 1;
        }
        Recording recording = CliSupport.open(() -> RecordingFiles.openHar(file, RecordingFiles.DEFAULT_MAX_BYTES), spec, "import");
        if (recording == null) return 1;
        try {
            RecordingFiles.save(recording, target);
        } catch (IOException e) {
            err.println("import: " + CliTexts.T.get("cli.cannotWrite", target.toString(), String.valueOf(e.getMessage())));
            return 1;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(CliTexts.T.get("import.done", CliSupport.exchanges(recording.exchanges().size()), String.valueOf(recording.eventCount()), file.toString(), target.toString()));
        o.flush();
        return 0;
    }

    static Path defaultOut(Path har) {
        String name = har.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".har") ? name.substring(0, name.length() - 4) : name;
        return har.resolveSibling(base + RecordingFiles.EXTENSION);
    }
}
