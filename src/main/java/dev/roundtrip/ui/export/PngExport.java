package dev.roundtrip.ui.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** PNG export: a node snapshot on the FX thread, the file written elsewhere, atomically. */
public final class PngExport {
    private PngExport() {}

    /** Must run on the FX thread. */
    public static WritableImage snapshot(Node node) {
        SnapshotParameters p = new SnapshotParameters();
        return node.snapshot(p, null);
    }

    public static void write(WritableImage image, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp");
        try {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
