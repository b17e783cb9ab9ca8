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
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

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
                    : unpack(jarOf(marker), folder, System.mapLibraryName("glass"), cacheRoot());
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
     * The files of {@code folder} in {@code jar}, unpacked once into {@code root}. The target folder is
     * named by the checksum of {@code marker} (one of the files: every file of a set comes from one
     * JavaFX build), so another JavaFX gets a folder of its own. The files are written to a temporary
     * folder with a list of them ({@value #LIST}) and moved into place whole, so two apps starting at
     * once never load a half-written library; a folder whose list matches its files is used as it is,
     * without reading the jar's directory (10,000 entries: that walk alone took 100 ms of a cold start).
     */
    static Path unpack(Path jar, String folder, String marker, Path root) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            JarEntry mark = file.getJarEntry(folder + marker);
            if (mark == null) throw new IOException(jar + " has no " + folder + marker);
            String name = folder.substring("natives/".length(), folder.length() - 1);
            Path target = root.resolve(name + "-" + Long.toHexString(mark.getCrc()) + "-" + mark.getSize());
            if (complete(target)) return target;
            Files.createDirectories(root);
            Path temp = Files.createTempDirectory(root, name + "-unpacking-");
            try {
                StringBuilder list = new StringBuilder();
                for (java.util.Enumeration<JarEntry> all = file.entries(); all.hasMoreElements(); ) {
                    JarEntry e = all.nextElement();
                    String n = e.getName();
                    if (e.isDirectory() || !n.startsWith(folder) || n.indexOf('/', folder.length()) >= 0) continue;
                    String local = n.substring(folder.length());
                    try (InputStream in = file.getInputStream(e)) {
                        Files.copy(in, temp.resolve(local));
                    }
                    list.append(local).append('\t').append(e.getSize()).append('\n');
                }
                Files.writeString(temp.resolve(LIST), list);
                moveInPlace(temp, target);
            } finally {
                deleteTree(temp);
            }
            if (!complete(target)) throw new IOException(target + " is incomplete after unpacking");
            return target;
        }
    }

    /** The list of an unpacked folder's files, written last: name, tab, size. */
    static final String LIST = "files.txt";

    /** True when the folder's list is there and each file on it has its size. */
    private static boolean complete(Path dir) throws IOException {
        Path list = dir.resolve(LIST);
        if (!Files.isRegularFile(list)) return false;
        for (String line : Files.readAllLines(list)) {
            int tab = line.indexOf('\t');
            if (tab < 0) return false;
            Path f = dir.resolve(line.substring(0, tab));
            if (!Files.isRegularFile(f) || Files.size(f) != Long.parseLong(line.substring(tab + 1))) return false;
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
