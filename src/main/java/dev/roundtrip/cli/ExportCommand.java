package dev.roundtrip.cli;

import dev.roundtrip.files.AtomicFile;
import dev.roundtrip.record.HarExport;
import dev.roundtrip.record.MermaidDiagram;
import dev.roundtrip.record.PlantUmlDiagram;
import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.record.SequenceScript;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.ui.export.DiagramPicture;
import dev.roundtrip.ui.export.PngExport;
import dev.roundtrip.ui.export.Theme;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export FILE --to har|mermaid|plantuml|png [--out F]}. */
@Command(name = "export", mixinStandardHelpOptions = true)
public final class ExportCommand implements Callable<Integer> {
    /** Output formats; png is drawn by the desktop app's diagram view (JavaFX, headless). */
    public enum Format { har, mermaid, plantuml, png }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "file")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "FORMAT")
    Format to;

    @Option(names = "--out", paramLabel = "F")
    Path out;

    @Option(names = "--exchange", paramLabel = "ID")
    List<Long> exchanges;

    @Option(names = "--width", defaultValue = "1400", paramLabel = "W")
    int width;

    @Option(names = "--height", defaultValue = "900", paramLabel = "H")
    int height;

    @Option(names = "--theme", defaultValue = "light", paramLabel = "THEME")
    String theme;

    @Option(names = "--origin", paramLabel = "URL")
    String origin;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Recording recording = CliSupport.open(file, spec, "export");
        if (recording == null) return 1;
        List<Exchange> chosen = exchanges == null || exchanges.isEmpty()
                ? recording.exchanges() : CliSupport.choose(recording, exchanges, spec, "export");
        if (chosen == null) return 1;
        if (to == Format.png) return png(recording, chosen, err);
        if (to == Format.mermaid && out != null) return mermaidFiles(chosen, err);
        byte[] content = render(recording, chosen);
        try {
            if (out == null) {
                PrintWriter o = spec.commandLine().getOut();
                o.print(new String(content, StandardCharsets.UTF_8));
                o.flush();
            } else {
                AtomicFile.writeBytes(out, content);
                err.println("export: " + CliTexts.T.get("export.wrote", to.name(), CliSupport.exchanges(chosen.size()), out.toString()));
            }
        } catch (IOException e) {
            err.println("export: " + CliTexts.T.get("cli.cannotWrite", out.toString(), String.valueOf(e.getMessage())));
            return 1;
        }
        return 0;
    }

    /** Mermaid into files: several when the session is larger than Mermaid draws in one diagram. */
    private int mermaidFiles(List<Exchange> chosen, PrintWriter err) {
        try {
            List<Path> written = RecordingFiles.saveMermaid(chosen, out);
            if (written.size() == 1) {
                err.println("export: " + CliTexts.T.get("export.wrote", "mermaid", CliSupport.exchanges(chosen.size()), out.toString()));
            } else {
                err.println("export: " + CliTexts.T.get("export.wroteParts", CliSupport.exchanges(chosen.size()), written.size(), MermaidDiagram.MAX_TEXT,
                        written.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "))));
            }
            return 0;
        } catch (IOException e) {
            err.println("export: " + CliTexts.T.get("cli.cannotWrite", out.toString(), String.valueOf(e.getMessage())));
            return 1;
        }
    }

    private int png(Recording recording, List<Exchange> chosen, PrintWriter err) {
        if (chosen.isEmpty()) {
            err.println("export: " + CliTexts.T.get("export.nothingToDraw", file.toString()));
            return 1;
        }
        if (chosen.size() > 1 && exchanges != null && exchanges.size() > 1) {
            err.println("export: " + CliTexts.T.get("export.pngIsOne", recording.exchanges().stream().map(Exchange::id).toList().toString()));
            return 1;
        }
        if (width < 400 || height < 300 || width > 8000 || height > 8000) {
            err.println("export: " + CliTexts.T.get("cli.badSize", String.valueOf(width), String.valueOf(height)));
            return 1;
        }
        Theme t;
        try {
            t = Theme.valueOf(theme.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            err.println("export: " + CliTexts.T.get("cli.badTheme", theme));
            return 1;
        }
        Exchange x = chosen.get(chosen.size() - 1);
        Path target = out != null ? out : Path.of(baseName(file) + "-" + x.id() + ".png");
        if (!target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            err.println("export: " + CliTexts.T.get("cli.notPng", target.toString()));
            return 1;
        }
        try {
            boolean startedHere = SnapshotCommand.Headless.configure();
            try {
                WritableImage image = SnapshotCommand.onFxThread(() -> DiagramPicture.render(x, t, width, height));
                PngExport.write(image, target);
                err.println("export: " + CliTexts.T.get("export.wrotePng", "#" + x.id() + " " + dev.roundtrip.text.Printable.escape(x.request().summary()),
                        target.toString(), (int) image.getWidth() + "×" + (int) image.getHeight()));
            } finally {
                if (startedHere) Platform.exit();
            }
        } catch (IOException e) {
            err.println("export: " + CliTexts.T.get("cli.cannotWrite", target.toString(), String.valueOf(e.getMessage())));
            return 1;
        } catch (Exception e) {
            err.println("export: " + CliTexts.T.get("export.drawFailed", e.toString()));
            return 1;
        }
        return 0;
    }

    private static String baseName(Path f) {
        String n = f.getFileName().toString();
        if (n.toLowerCase(java.util.Locale.ROOT).endsWith(RecordingFiles.EXTENSION)) return n.substring(0, n.length() - RecordingFiles.EXTENSION.length());
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
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
            case mermaid: {
                // Standard output holds one text: several diagrams are separated by a Mermaid comment line.
                List<String> parts = MermaidDiagram.parts(chosen, MermaidDiagram.MAX_TEXT);
                StringBuilder sb = new StringBuilder(parts.get(0));
                for (int i = 1; i < parts.size(); i++) {
                    sb.append("%% diagram ").append(i + 1).append(" of ").append(parts.size()).append('\n').append(parts.get(i));
                }
                if (parts.size() > 1) {
                    spec.commandLine().getErr().println("export: " + CliTexts.T.get("export.mermaidParts", parts.size()));
                }
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            default:
                return PlantUmlDiagram.render(SequenceScript.of(chosen)).getBytes(StandardCharsets.UTF_8);
        }
    }
}
