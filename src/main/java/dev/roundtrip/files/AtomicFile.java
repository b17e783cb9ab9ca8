package dev.roundtrip.files;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * The one way Roundtrip writes a file the user keeps (recordings, HAR, diagrams, PNG, lesson
 * progress, the recent-files list, autosaves):
 * <ol>
 *   <li>the content goes to a temporary file {@code .<name>.<random>.tmp} in the target's own
 *       folder (created if missing), so the final rename never crosses a file system;</li>
 *   <li>the temporary file is forced to disk ({@link FileChannel#force(boolean) force(true)});</li>
 *   <li>it is renamed over the target atomically, or, where the file system cannot rename
 *       atomically, with a plain replacing move.</li>
 * </ol>
 * If the writer throws (or any step fails) the temporary file is removed and the target is left
 * exactly as it was: a reader sees the old content or the new, never half of either.
 *
 * <pre>{@code
 * AtomicFile.write(path, out -> json.writeValue(out, tree));   // a streaming writer
 * AtomicFile.writeString(path, mermaidText);                   // UTF-8 text
 * }</pre>
 */
public final class AtomicFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {}

    /** Writes the content of a file; may throw to abandon the write. */
    @FunctionalInterface
    public interface ContentWriter {
        /** Closing {@code out} is allowed and harmless: the file stays open until it is forced. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** The temporary files of {@code target}'s unfinished writes match this glob in its folder. */
    public static String tempGlob(Path target) {
        return "." + target.getFileName() + ".*.tmp";
    }

    /** Replaces {@code file} with what {@code writer} writes, atomically (see the class comment). */
    public static void write(Path file, ContentWriter writer) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = newTemp(dir, target);
        boolean moved = false;
        try {
            keepPermissions(target, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream buffered = new BufferedOutputStream(new KeepOpen(Channels.newOutputStream(ch)), 64 * 1024);
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

    /**
     * A new empty file beside {@code target}, made like any new file (the user's umask applies):
     * {@code createTempFile} would make it owner-only, and an exported file for the class with it.
     */
    private static Path newTemp(Path dir, Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) throw e;
            }
        }
    }

    /** A file that is replaced keeps its permissions. */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        try {
            if (Files.exists(target)) Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the new file inherits the folder's ACL, as the old one did
        }
    }

    /** {@link #write} of these bytes. */
    public static void writeBytes(Path file, byte[] content) throws IOException {
        write(file, out -> out.write(content));
    }

    /** {@link #write} of this text as UTF-8. */
    public static void writeString(Path file, String text) throws IOException {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writers like Jackson or ImageIO close their stream; the channel must stay open until it is forced. */
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
