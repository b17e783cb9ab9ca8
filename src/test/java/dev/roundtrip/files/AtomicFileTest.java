package dev.roundtrip.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private String list() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }

    @Test
    void aWriterThatThrowsLeavesTheOldContentAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("keep.json");
        AtomicFile.writeString(file, "old");

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(list()).isEqualTo("[keep.json]");
    }

    @Test
    void aRuntimeFailureOfTheWriterIsCleanedUpToo() throws Exception {
        Path file = dir.resolve("keep.bin");
        AtomicFile.writeBytes(file, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
        assertThat(list()).isEqualTo("[keep.bin]");
    }

    @Test
    void theContentIsReplacedWhole() throws Exception {
        Path file = dir.resolve("a.txt");
        AtomicFile.writeString(file, "a much longer first content");
        AtomicFile.writeString(file, "short ✓");
        assertThat(Files.readString(file)).isEqualTo("short ✓");
        AtomicFile.writeBytes(file, new byte[0]);
        assertThat(Files.size(file)).isZero();
        assertThat(list()).isEqualTo("[a.txt]");
    }

    @Test
    void aWriterMayCloseTheStreamAsJacksonAndImageIoDo() throws Exception {
        Path file = dir.resolve("closed.txt");
        AtomicFile.write(file, out -> {
            try (OutputStream o = out) {
                o.write('x');
            }
        });
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void missingFoldersAreCreated() throws Exception {
        Path file = dir.resolve("a/b/c/deep.txt");
        AtomicFile.writeString(file, "here");
        assertThat(Files.readString(file)).isEqualTo("here");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aRelativePathWorks() throws Exception {
        Path file = dir.resolve("rel.txt").toAbsolutePath();
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        AtomicFile.writeString(relative, "ok");
        assertThat(Files.readString(file)).isEqualTo("ok");
    }

    @Test
    void theTempGlobMatchesTheTemporaryFilesOfUnfinishedWrites() throws Exception {
        Path file = dir.resolve("autosave-1.roundtrip.json");
        Path[] seen = new Path[1];
        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            try (var tmp = Files.newDirectoryStream(dir, AtomicFile.tempGlob(file))) {
                for (Path t : tmp) seen[0] = t;
            }
            throw new IOException("stop");
        })).hasMessage("stop");
        assertThat(seen[0]).isNotNull();
        assertThat(seen[0].getParent()).isEqualTo(dir);
        assertThat(Files.exists(seen[0])).isFalse();
    }

    @Test
    void aNewFileGetsTheSamePermissionsAsAnyNewFileAndAReplacedOneKeepsItsOwn() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path made = dir.resolve("export.png");
        AtomicFile.writeString(made, "picture");
        assertThat(Files.getPosixFilePermissions(made)).as("not owner-only like a temp file")
                .isEqualTo(Files.getPosixFilePermissions(plain));

        Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFile.writeString(made, "another picture");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rw-rw-r--");
        assertThat(Files.readString(made)).isEqualTo("another picture");
    }
}
