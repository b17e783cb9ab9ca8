package dev.roundtrip;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Points JavaFX at this machine's native libraries when the jar carries those of every desktop.
 *
 * <p>JavaFX looks for its libraries at the root of its jar ({@code /libglass.so}), one set per OS and
 * CPU with the same names: Linux x64 and Linux aarch64 cannot both lie there, nor the two macOS sets.
 * So {@code roundtrip.jar} carries them in {@code natives/<os>-<arch>/} (Windows, one CPU, keeps its DLLs
 * at the root), and before JavaFX starts this unpacks the running machine's set into a cache folder
 * and puts that folder first on {@code java.library.path}, which JavaFX reads when it finds nothing at
 * the root. From a plain Maven classpath (tests, {@code mvn javafx:run}) there is no such folder in the
 * jar, and this does nothing.
 */
final class JavaFxNatives {
    static final String LIBRARY_PATH = "java.library.path";

    private JavaFxNatives() {}

    /** The folder name for this OS and CPU ({@code linux-x64}, {@code mac-aarch64}), empty where JavaFX finds its own (Windows, others). */
    static Optional<String> platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String family = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin") ? "mac" : null;
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        return family == null || cpu == null ? Optional.empty() : Optional.of(family + "-" + cpu);
    }

    /**
     * Unpacks this machine's set, if the jar carries one, and puts its folder first on
     * {@code java.library.path}. On failure it says why on stderr and leaves JavaFX to its own search.
     *
     * @return the folder JavaFX will load from, or empty when nothing was done
     */
    static Optional<Path> prepare() {
        Optional<String> platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (platform.isEmpty()) return Optional.empty();
        String folder = "natives/" + platform.get() + "/";
        URL marker = JavaFxNatives.class.getResource("/" + folder + System.mapLibraryName("glass"));
        if (marker == null) return Optional.empty();
        try {
            Path dir = marker.getProtocol().equals("file")
                    ? Path.of(marker.toURI()).getParent()
                    : unpack(jarOf(marker), folder, cacheRoot());
            String old = System.getProperty(LIBRARY_PATH, "");
            System.setProperty(LIBRARY_PATH, old.isEmpty() ? dir.toString() : dir + java.io.File.pathSeparator + old);
            return Optional.of(dir);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            System.err.println("Roundtrip: could not unpack JavaFX's native libraries for " + platform.get() + ": " + e);
            return Optional.empty();
        }
    }

    /** {@code jar:file:/x/roundtrip.jar!/natives/...} to {@code /x/roundtrip.jar}. */
    static Path jarOf(URL resource) throws URISyntaxException {
        String spec = resource.toString();
        if (!spec.startsWith("jar:") || !spec.contains("!/")) throw new IllegalArgumentException("not in a jar: " + spec);
        return Path.of(new java.net.URI(spec.substring(4, spec.indexOf("!/"))));
    }

    /** JavaFX's own cache ({@code javafx.cachedir}, else {@code ~/.openjfx/cache}), or the temp folder when home is not writable. */
    static Path cacheRoot() {
        String set = System.getProperty("javafx.cachedir", "");
        Path home = set.isEmpty() ? Path.of(System.getProperty("user.home"), ".openjfx", "cache") : Path.of(set);
        if (writable(home)) return home;
        return Path.of(System.getProperty("java.io.tmpdir"), ".openjfx_" + System.getProperty("user.name", "anonymous"), "cache");
    }

    private static boolean writable(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The files of {@code folder} in {@code jar}, unpacked once into {@code root}: the target folder is
     * named by the files' checksums, so another version of the jar gets a folder of its own and a folder
     * found complete is used as it is (no copy at each start). Written to a temporary folder and moved
     * into place, so two apps starting at once never load a half-written library.
     */
    static Path unpack(Path jar, String folder, Path root) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<JarEntry> entries = new ArrayList<>();
            file.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(folder)
                    && e.getName().indexOf('/', folder.length()) < 0).forEach(entries::add);
            if (entries.isEmpty()) throw new IOException(jar + " has no " + folder);
            entries.sort(Comparator.comparing(JarEntry::getName));
            CRC32 id = new CRC32();
            for (JarEntry e : entries) {
                id.update(e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                id.update(Long.toHexString(e.getCrc()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            String name = folder.substring("natives/".length(), folder.length() - 1);
            Path target = root.resolve(name + "-" + String.format(Locale.ROOT, "%08x", id.getValue()));
            if (complete(target, entries, folder)) return target;
            Files.createDirectories(root);
            Path temp = Files.createTempDirectory(root, name + "-unpacking-");
            try {
                for (JarEntry e : entries) {
                    try (InputStream in = file.getInputStream(e)) {
                        Files.copy(in, temp.resolve(e.getName().substring(folder.length())));
                    }
                }
                moveInPlace(temp, target);
            } finally {
                deleteTree(temp);
            }
            if (!complete(target, entries, folder)) throw new IOException(target + " is incomplete after unpacking");
            return target;
        }
    }

    private static boolean complete(Path dir, List<JarEntry> entries, String folder) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        for (JarEntry e : entries) {
            Path f = dir.resolve(e.getName().substring(folder.length()));
            if (!Files.isRegularFile(f) || Files.size(f) != e.getSize()) return false;
        }
        return true;
    }

    private static void moveInPlace(Path temp, Path target) throws IOException {
        if (Files.isDirectory(target)) deleteTree(target); // a damaged earlier unpacking (complete() said no)
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
            // another start won the race with the same files: its folder serves
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }
}
