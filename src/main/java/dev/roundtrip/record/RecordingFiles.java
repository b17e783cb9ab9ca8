package dev.roundtrip.record;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.nio.charset.StandardCharsets;
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
 *   <li>{@link #save(Recording, Path)} writes atomically: a temporary file in the same folder, then
 *       a rename over the target, so a failed or interrupted save leaves the old file as it was.</li>
 * </ul>
 */
public final class RecordingFiles {
    /** Files larger than this are refused before reading: 200 MiB. */
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;
    /** The file name ending of recordings. */
    public static final String EXTENSION = ".roundtrip.json";

    private RecordingFiles() {}

    /** Writes the content of a file; may throw to abandon the save. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

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
            if (Files.isDirectory(file)) throw RecordingFormatException.whole(name, "is a folder, not a file");
            long size = Files.size(file);
            if (size > maxBytes) {
                throw RecordingFormatException.whole(name, "is " + humanBytes(size) + ", larger than the "
                        + humanBytes(maxBytes) + " limit for recordings; refused without reading it");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw RecordingFormatException.whole(name, "no such file");
        } catch (AccessDeniedException e) {
            throw RecordingFormatException.whole(name, "cannot be read: permission denied");
        } catch (IOException e) {
            throw new RecordingFormatException(name, 0, 0, null, "cannot be read: " + e, e);
        }
    }

    /** Saves {@code recording} atomically as a {@code *.roundtrip.json}. */
    public static void save(Recording recording, Path file) throws IOException {
        writeAtomically(file, out -> RecordingJson.write(recording, out));
    }

    /** Exports {@code exchanges} of {@code recording} as a HAR 1.2 file, atomically. */
    public static void saveHar(Recording recording, List<Exchange> exchanges, Path file) throws IOException {
        writeAtomically(file, out -> HarExport.write(recording, exchanges, null, out));
    }

    /** Writes text (a Mermaid or PlantUML diagram) as UTF-8, atomically. */
    public static void saveText(String text, Path file) throws IOException {
        writeAtomically(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes a file atomically: the content goes to a temporary file in the same folder, is forced
     * to disk, then renamed over {@code file}. If {@code writer} throws, the temporary file is
     * removed and {@code file} is left exactly as it was.
     */
    public static void writeAtomically(Path file, ContentWriter writer) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream raw = java.nio.channels.Channels.newOutputStream(ch);
                OutputStream buffered = new BufferedOutputStream(new KeepOpen(raw), 64 * 1024);
                writer.writeTo(buffered);
                buffered.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(tmp);
        }
    }

    /** "1.5 MiB", "200 MiB", "812 bytes". */
    static String humanBytes(long n) {
        if (n < 1024) return n + " bytes";
        double kib = n / 1024.0;
        if (kib < 1024) return String.format(Locale.ROOT, "%.1f KiB", kib).replace(".0 ", " ");
        double mib = kib / 1024.0;
        if (mib < 1024) return String.format(Locale.ROOT, "%.1f MiB", mib).replace(".0 ", " ");
        return String.format(Locale.ROOT, "%.1f GiB", mib / 1024.0).replace(".0 ", " ");
    }

    /** Writers like Jackson close their stream; the channel must stay open until it is forced. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
