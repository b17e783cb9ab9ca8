package dev.roundtrip.cli;

import dev.roundtrip.record.HarExport;
import dev.roundtrip.record.MermaidDiagram;
import dev.roundtrip.record.PlantUmlDiagram;
import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.record.RecordingFormatException;
import dev.roundtrip.record.SequenceScript;
import dev.roundtrip.trace.Exchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export FILE --to har|mermaid|plantuml|png [--out F]}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a recording (or HAR) as HAR 1.2, a Mermaid or a PlantUML sequence diagram.")
public final class ExportCommand implements Callable<Integer> {
    /** Output formats; png is drawn by the desktop app's diagram and not available here yet. */
    public enum Format { har, mermaid, plantuml, png }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a *.roundtrip.json recording or a HAR file")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "one of: ${COMPLETION-CANDIDATES}")
    Format to;

    @Option(names = "--out", paramLabel = "F", description = "write here (atomically) instead of standard output")
    Path out;

    @Option(names = "--exchange", paramLabel = "ID", description = "only these exchanges (repeatable); default: all")
    List<Long> exchanges;

    @Option(names = "--origin", paramLabel = "URL",
            description = "HAR only: scheme://host:port for entry URLs (default: each request's Host header)")
    String origin;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (to == Format.png) {
            err.println("export: --to png is not available yet: PNG is drawn by the desktop app's diagram view. "
                    + "Use --to mermaid or --to plantuml and render that text, or export PNG from the app.");
            return 1;
        }
        Recording recording;
        try {
            recording = RecordingFiles.open(file);
        } catch (RecordingFormatException e) {
            err.println("export: " + e.getMessage());
            return 1;
        }
        List<Exchange> chosen = exchanges == null || exchanges.isEmpty()
                ? recording.exchanges() : CliSupport.choose(recording, exchanges, spec, "export");
        if (chosen == null) return 1;
        byte[] content = render(recording, chosen);
        try {
            if (out == null) {
                PrintWriter o = spec.commandLine().getOut();
                o.print(new String(content, StandardCharsets.UTF_8));
                o.flush();
            } else {
                RecordingFiles.writeAtomically(out, s -> s.write(content));
                err.println("export: wrote " + to + " of " + chosen.size() + " exchange" + (chosen.size() == 1 ? "" : "s") + " to " + out);
            }
        } catch (IOException e) {
            err.println("export: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private byte[] render(Recording recording, List<Exchange> chosen) {
        switch (to) {
            case har: {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try {
                    HarExport.write(recording, chosen, origin, bytes);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e); // in memory: cannot happen
                }
                bytes.write('\n');
                return bytes.toByteArray();
            }
            case mermaid:
                return MermaidDiagram.render(SequenceScript.of(chosen)).getBytes(StandardCharsets.UTF_8);
            default:
                return PlantUmlDiagram.render(SequenceScript.of(chosen)).getBytes(StandardCharsets.UTF_8);
        }
    }
}
