package dev.roundtrip.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roundtrip.files.AtomicFile;
import dev.roundtrip.files.RoundtripHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent-files menu: most recent first, at most {@link #MAX} entries, kept in
 * {@link RoundtripHome#recentFiles()}. Each change is saved at once, through {@link AtomicFile}. A missing or unreadable list file reads as an empty list: it is a convenience, not
 * data.
 *
 * <pre>{@code
 * RecentFiles recent = RecentFiles.load();
 * recent.add(path);              // after a successful open or save
 * recent.list();                 // for the menu; entries whose file is gone are kept, the menu may grey them
 * recent.remove(path);           // when opening one failed because it is gone
 * }</pre>
 */
public final class RecentFiles {
    public static final int MAX = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path store;
    private final List<Path> files = new ArrayList<>();

    private RecentFiles(Path store) {
        this.store = store;
    }

    /** The list of this user ({@code <home>/recent.json}). */
    public static RecentFiles load() {
        return load(RoundtripHome.recentFiles());
    }

    /** The list kept in {@code store}. */
    public static RecentFiles load(Path store) {
        RecentFiles r = new RecentFiles(store);
        try {
            if (Files.isRegularFile(store)) {
                JsonNode root = JSON.readTree(store.toFile());
                for (JsonNode f : root.path("files")) {
                    if (!f.isTextual() || r.files.size() >= MAX) continue;
                    try {
                        Path p = Path.of(f.asText());
                        if (!r.files.contains(p)) r.files.add(p);
                    } catch (InvalidPathException e) {
                        // A path from another system: skip it.
                    }
                }
            }
        } catch (IOException e) {
            // Unreadable list: start empty rather than refuse to start.
        }
        return r;
    }

    /** Most recent first; absolute paths. */
    public synchronized List<Path> list() {
        return List.copyOf(files);
    }

    /** Puts {@code file} on top (moving it if listed) and saves the list. */
    public synchronized void add(Path file) throws IOException {
        Path p = normal(file);
        files.remove(p);
        files.add(0, p);
        while (files.size() > MAX) files.remove(files.size() - 1);
        save();
    }

    public synchronized void remove(Path file) throws IOException {
        if (files.remove(normal(file))) save();
    }

    public synchronized void clear() throws IOException {
        files.clear();
        save();
    }

    private static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "roundtrip-recent");
        root.put("version", 1);
        ArrayNode list = root.putArray("files");
        for (Path p : files) list.add(p.toString());
        AtomicFile.write(store, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
    }
}
