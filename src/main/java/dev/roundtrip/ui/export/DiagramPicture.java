package dev.roundtrip.ui.export;

import dev.roundtrip.trace.Exchange;
import dev.roundtrip.ui.diagram.SequenceDiagram;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

/**
 * One exchange's sequence diagram as a picture, drawn by the app's own {@link SequenceDiagram} with
 * its stylesheet, at the end of the animation (every step done). The CLI's {@code export --to png}
 * uses it headless; it never shows a window.
 */
public final class DiagramPicture {
    private DiagramPicture() {}

    /** Must run on the FX thread. */
    public static WritableImage render(Exchange x, Theme theme, double width, double height) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        SequenceDiagram diagram = new SequenceDiagram();
        diagram.setFit(SequenceDiagram.Fit.THIS_EXCHANGE);
        StackPane root = new StackPane(diagram);
        root.getStyleClass().add("main-view");
        root.getStyleClass().addAll(theme.styleClasses());
        root.getStylesheets().add(Theme.STYLESHEET);
        Scene scene = new Scene(root, width, height);
        diagram.showWhole(x);
        // two passes: text widths are known only after the first CSS pass
        for (int i = 0; i < 2; i++) {
            root.applyCss();
            root.layout();
        }
        return scene.snapshot(null);
    }
}
