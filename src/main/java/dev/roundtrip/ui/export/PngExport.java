package dev.roundtrip.ui.export;

import dev.roundtrip.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
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

    /** Writes the image as PNG through {@link AtomicFile}; any thread. */
    public static void write(WritableImage image, Path file) throws IOException {
        var picture = SwingFXUtils.fromFXImage(image, null);
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(picture, "png", out)) throw new IOException("no PNG writer available");
        });
    }
}
