package dev.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folder of natives a machine takes, and how it is unpacked: once, whole, per version of the jar. */
class JavaFxNativesTest {
    @TempDir
    Path dir;

    @Test
    void eachDesktopHasItsFolderAndWindowsKeepsJavaFxsOwnLookup() {
        assertThat(JavaFxNatives.platform("Linux", "amd64")).contains("linux-x64");
        assertThat(JavaFxNatives.platform("Linux", "aarch64")).contains("linux-aarch64");
        assertThat(JavaFxNatives.platform("Mac OS X", "x86_64")).contains("mac-x64");
        assertThat(JavaFxNatives.platform("Mac OS X", "aarch64")).contains("mac-aarch64");
        assertThat(JavaFxNatives.platform("Windows 11", "amd64")).isEmpty();
        assertThat(JavaFxNatives.platform("Linux", "riscv64")).isEmpty();
    }

    @Test
    void unpacksTheFolderOnceAndReusesIt() throws IOException {
        Path jar = jar(Map.of("natives/linux-x64/libglass.so", "x64 glass", "natives/linux-x64/libprism_sw.so", "x64 sw",
                "natives/linux-aarch64/libglass.so", "arm glass"));
        Path first = JavaFxNatives.unpack(jar, "natives/linux-x64/", "libglass.so", dir.resolve("cache"));
        assertThat(first.getFileName().toString()).startsWith("linux-x64-");
        assertThat(Files.readString(first.resolve("libglass.so"))).isEqualTo("x64 glass");
        assertThat(Files.readString(first.resolve("libprism_sw.so"))).isEqualTo("x64 sw");
        try (var files = Files.list(first)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("only this platform's files, and their list")
                    .containsExactlyInAnyOrder("libglass.so", "libprism_sw.so", JavaFxNatives.LIST);
        }
        FileTime written = Files.getLastModifiedTime(first.resolve("libglass.so"));
        Files.setLastModifiedTime(first.resolve("libglass.so"), FileTime.fromMillis(written.toMillis() - 60_000));
        Path again = JavaFxNatives.unpack(jar, "natives/linux-x64/", "libglass.so", dir.resolve("cache"));
        assertThat(again).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(again.resolve("libglass.so")).toMillis()).as("not copied again")
                .isEqualTo(written.toMillis() - 60_000);
        try (var folders = Files.list(dir.resolve("cache"))) {
            assertThat(folders.count()).as("no temporary folder left behind").isEqualTo(1);
        }
    }

    @Test
    void aDamagedFolderIsUnpackedAgain() throws IOException {
        Path jar = jar(Map.of("natives/mac-aarch64/libglass.dylib", "arm glass"));
        Path first = JavaFxNatives.unpack(jar, "natives/mac-aarch64/", "libglass.dylib", dir);
        Files.writeString(first.resolve("libglass.dylib"), "cut");
        Path again = JavaFxNatives.unpack(jar, "natives/mac-aarch64/", "libglass.dylib", dir);
        assertThat(Files.readString(again.resolve("libglass.dylib"))).isEqualTo("arm glass");
    }

    @Test
    void anotherVersionOfTheJarGetsAFolderOfItsOwn() throws IOException {
        Path older = JavaFxNatives.unpack(jar(Map.of("natives/linux-x64/libglass.so", "21.0.11")), "natives/linux-x64/", "libglass.so", dir);
        Path newer = JavaFxNatives.unpack(jar(Map.of("natives/linux-x64/libglass.so", "21.0.12")), "natives/linux-x64/", "libglass.so", dir);
        assertThat(newer).isNotEqualTo(older);
        assertThat(Files.readString(older.resolve("libglass.so"))).isEqualTo("21.0.11");
        assertThat(Files.readString(newer.resolve("libglass.so"))).isEqualTo("21.0.12");
    }

    @Test
    void aJarWithoutTheFolderIsAClearError() throws IOException {
        Path jar = jar(Map.of("natives/linux-x64/libglass.so", "x"));
        assertThatThrownBy(() -> JavaFxNatives.unpack(jar, "natives/mac-x64/", "libglass.dylib", dir))
                .hasMessageContaining(jar.toString()).hasMessageContaining("has no natives/mac-x64/libglass.dylib");
    }

    @Test
    void findsTheJarOfAResource() throws Exception {
        Path jar = jar(Map.of("natives/linux-x64/libglass.so", "x"));
        URL url = new URL("jar:" + jar.toUri() + "!/natives/linux-x64/libglass.so");
        assertThat(JavaFxNatives.jarOf(url)).isEqualTo(jar);
    }

    private Path jar(Map<String, String> files) throws IOException {
        Path jar = Files.createTempFile(dir, "app", ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
                j.putNextEntry(new JarEntry(f.getKey()));
                j.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }
}
