package dev.roundtrip.record;

import dev.roundtrip.trace.Phrase;
import dev.roundtrip.files.AtomicFile;
import dev.roundtrip.text.Units;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import dev.roundtrip.trace.Exchange;

/**
 * Opening and saving recordings on disk. This is the API behind File → Open, Save, drag and drop
 * and the CLI:
 * <ul>
 *   <li>{@link #open(Path)} reads a {@code *.roundtrip.json} recording <em>or</em> a HAR file
 *       (detected by content), refusing files larger than {@link #DEFAULT_MAX_BYTES} before reading
 *       them, binary files, non-JSON, truncated JSON, other formats and future versions, each with
 *       its own message; the result is a complete new {@link Recording} or an exception, never half
 *       of one.</li>
 *   <li>{@link #save(Recording, Path)} writes through {@link AtomicFile}: a temporary file in the
 *       same folder, then a rename over the target, so a failed or interrupted save leaves the old
 *       file as it was.</li>
 * </ul>
 */
public final class RecordingFiles {
    /** Files larger than this are refused before reading: 200 MiB. */
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;
    /** The file name ending of recordings. */
    public static final String EXTENSION = ".roundtrip.json";

    private RecordingFiles() {}

    /** What a file holds, judged by its content. */
    public enum Kind { RECORDING, HAR }

    /** Opens a recording or a HAR file with the default size limit. */
    public static Recording open(Path file) throws RecordingFormatException {
        return open(file, DEFAULT_MAX_BYTES);
    }

    /**
     * Opens a recording or a HAR file (a HAR becomes a recording as {@link HarImport} describes).
     *
     * @param maxBytes files larger than this are refused without being read
     * @throws RecordingFormatException for any file that cannot be opened, including one that does
     *     not exist or cannot be read; its message names the file and, where it applies, the line,
     *     column and field
     */
    public static Recording open(Path file, long maxBytes) throws RecordingFormatException {
        JsonSource source = JsonSource.of(readChecked(file, maxBytes), file.toString());
        if (RecordingHeader.scan(source, false).kind() == Kind.HAR) return HarImport.read(source);
        return RecordingReader.read(source);
    }

    /** Opens a file that must be a HAR (the CLI's {@code import}). */
    public static Recording openHar(Path file, long maxBytes) throws RecordingFormatException {
        return HarImport.read(JsonSource.of(readChecked(file, maxBytes), file.toString()));
    }

    /**
     * What the file holds (a HAR has a top-level {@code "log"} and no {@code "format"}), after the
     * checks {@link #open(Path, long)} makes of any file: size, text, JSON syntax.
     */
    public static Kind kind(Path file, long maxBytes) throws RecordingFormatException {
        return RecordingHeader.scan(JsonSource.of(readChecked(file, maxBytes), file.toString()), true).kind();
    }

    /** The file's bytes after the size check; every failure becomes a message about the file. */
    static byte[] readChecked(Path file, long maxBytes) throws RecordingFormatException {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) throw RecordingFormatException.whole(name, Phrase.of("record.folder"));
            long size = Files.size(file);
            if (size > maxBytes) {
                throw RecordingFormatException.whole(name, Phrase.of("record.tooLarge", Phrase.size(size), Phrase.size(maxBytes)));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw RecordingFormatException.whole(name, Phrase.of("record.noSuchFile"));
        } catch (AccessDeniedException e) {
            throw RecordingFormatException.whole(name, Phrase.of("record.permissionDenied"));
        } catch (IOException e) {
            throw new RecordingFormatException(name, 0, 0, null, "cannot be read: " + e, e);
        }
    }

    /** Saves {@code recording} atomically as a {@code *.roundtrip.json}. */
    public static void save(Recording recording, Path file) throws IOException {
        AtomicFile.write(file, out -> RecordingJson.write(recording, out));
    }

    /** Exports {@code exchanges} of {@code recording} as a HAR 1.2 file, atomically. */
    public static void saveHar(Recording recording, List<Exchange> exchanges, Path file) throws IOException {
        AtomicFile.write(file, out -> HarExport.write(recording, exchanges, null, out));
    }

    /**
     * Exports {@code exchanges} as Mermaid: {@code file} itself when the diagram fits in Mermaid's
     * {@value MermaidDiagram#MAX_TEXT} characters, else one file per part beside it
     * ({@code session-1.mmd}, {@code session-2.mmd}, ...). Returns the files written, in order.
     */
    public static List<Path> saveMermaid(List<Exchange> exchanges, Path file) throws IOException {
        List<String> parts = MermaidDiagram.parts(exchanges, MermaidDiagram.MAX_TEXT);
        List<Path> files = partFiles(file, parts.size());
        for (int i = 0; i < parts.size(); i++) AtomicFile.writeString(files.get(i), parts.get(i));
        return files;
    }

    /** {@code file} for one part; {@code name-1.ext} ... {@code name-N.ext} for several. */
    static List<Path> partFiles(Path file, int count) {
        if (count == 1) return List.of(file);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        List<Path> files = new java.util.ArrayList<>(count);
        for (int i = 1; i <= count; i++) files.add(file.resolveSibling(base + "-" + i + ext));
        return files;
    }

    /** Writes text (a Mermaid or PlantUML diagram) as UTF-8, atomically. */
    public static void saveText(String text, Path file) throws IOException {
        AtomicFile.writeString(file, text);
    }
}
