package dev.roundtrip.ui.inspector;

import dev.roundtrip.ui.util.Language;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Bytes tab: request and response as hex and text side by side, the current part highlighted; on TLS, ciphertext or plaintext. */
public final class BytesPane extends VBox {
    private final VBox request = new VBox();
    private final VBox response = new VBox();
    private final InspectorViewModel vm;
    private final ScrollPane requestScroll = new ScrollPane(request);
    private final ScrollPane responseScroll = new ScrollPane(response);

    public BytesPane(InspectorViewModel vm) {
        this.vm = vm;
        setId("bytes-pane");
        getStyleClass().add("inspector-pane");
        Label caption = new Label();
        caption.getStyleClass().add("inspector-caption");
        dev.roundtrip.ui.util.WholeText.of(caption);
        caption.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.bytesCaptionProperty().get() + "   " + InspectorViewModel.T.get("bytes.legend"), vm.bytesCaptionProperty(), Language.localeProperty()));
        // On TLS the socket carries ciphertext; the programs see plaintext: one switch shows either.
        javafx.scene.control.CheckBox plain = new javafx.scene.control.CheckBox();
        Language.bind(plain.textProperty(), InspectorViewModel.T, "bytes.showPlain");
        plain.setId("show-plaintext");
        plain.setMinWidth(Label.USE_PREF_SIZE);
        plain.selectedProperty().addListener((o, was, on) -> vm.setShowPlain(on));
        dev.roundtrip.ui.util.Shown.set(plain, false);
        vm.overTlsProperty().addListener((o, was, tls) -> dev.roundtrip.ui.util.Shown.set(plain, tls));
        request.setId("request-hex");
        response.setId("response-hex");
        javafx.scene.layout.GridPane columns = new javafx.scene.layout.GridPane();
        columns.setHgap(16);
        for (int i = 0; i < 2; i++) {
            javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
            half.setPercentWidth(50);
            columns.getColumnConstraints().add(half);
        }
        javafx.scene.layout.RowConstraints fill = new javafx.scene.layout.RowConstraints();
        fill.setVgrow(Priority.ALWAYS);
        columns.getRowConstraints().add(fill);
        columns.add(column("bytes.request", "request-title", requestScroll), 0, 0);
        columns.add(column("bytes.response", "response-title", responseScroll), 1, 0);
        VBox.setVgrow(columns, Priority.ALWAYS);
        getChildren().addAll(caption, plain, columns);
        setSpacing(6);
        setPadding(new Insets(8));
        requestScroll.viewportBoundsProperty().addListener(o -> fitRows());
        responseScroll.viewportBoundsProperty().addListener(o -> fitRows());
        bind(vm.requestHex(), request);
        bind(vm.responseHex(), response);
    }

    /** The request column's outer width the row length was last chosen for, and that length (0: none yet). */
    private double chosenFor = -1;
    private int chosen;

    /** Once the columns have their width and the lines their font, the row length that fits. */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        fitRows();
    }

    /**
     * Asks for as many bytes per line as the request column has room for, so no dump scrolls sideways.
     * While the column keeps its width the length only ever shrinks: a vertical scroll bar that comes or
     * goes (because the new length made the dump taller or shorter) would otherwise flip it between two
     * lengths when the bar's width sits on a boundary. Run again when the viewport changes: a layout pass
     * sizes the scroll pane after this pane has read it.
     */
    private void fitRows() {
        double viewport = requestScroll.getViewportBounds().getWidth();
        Text sample = (Text) request.lookup(".hex");
        if (viewport <= 0 || sample == null) return;
        TextFlow line = (TextFlow) sample.getParent();
        Text probe = new Text("0".repeat(16));
        probe.setFont(sample.getFont());
        double charWidth = probe.getLayoutBounds().getWidth() / 16;
        double room = viewport - line.getInsets().getLeft() - line.getInsets().getRight();
        int fits = HexDump.perLineFitting(room / charWidth);
        double column = requestScroll.getWidth();
        // what the count of characters misses (the bold highlight, an arrow from another font, a scroll bar on one side only)
        if (column == chosenFor && (wider(request, requestScroll) || wider(response, responseScroll))) {
            fits = Math.min(fits, Math.max(HexDump.MIN_PER_LINE, chosen - 2));
        }
        if (column != chosenFor || fits < chosen) {
            chosenFor = column;
            chosen = fits;
        }
        vm.setBytesPerLine(chosen);
    }

    /** Whether a line of {@code lines} is wider than its scroll pane's viewport (it would scroll sideways). */
    private static boolean wider(VBox lines, ScrollPane scroll) {
        double room = scroll.getViewportBounds().getWidth();
        return room > 0 && lines.getChildren().stream().anyMatch(l -> l.prefWidth(-1) > room);
    }

    private static VBox column(String titleKey, String styleClass, ScrollPane sp) {
        Label l = new Label();
        Language.bind(l.textProperty(), InspectorViewModel.T, titleKey);
        l.getStyleClass().addAll("hex-title", styleClass);
        sp.getContent().getStyleClass().add("hex-lines");
        sp.getStyleClass().add("hex-scroll");
        VBox.setVgrow(sp, Priority.ALWAYS);
        VBox box = new VBox(4, l, sp);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static void bind(ObservableList<HexLine> source, VBox target) {
        source.addListener((ListChangeListener<HexLine>) c -> render(source, target));
        render(source, target);
    }

    private static void render(List<HexLine> lines, VBox target) {
        target.getChildren().clear();
        if (lines.isEmpty()) {
            Label none = new Label(InspectorViewModel.T.get("bytes.nothingYet"));
            none.getStyleClass().add("muted");
            target.getChildren().add(none);
            return;
        }
        for (HexLine line : lines) {
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add("hex-line");
            if (!line.offset().isEmpty()) flow.getChildren().add(run(line.offset() + "  ", "hex-offset"));
            for (HexLine.Run r : line.hex()) flow.getChildren().add(run(r.text(), look(r.look())));
            if (!line.text().isEmpty()) flow.getChildren().add(run(" ", "hex-offset"));
            for (HexLine.Run r : line.text()) flow.getChildren().add(run(r.text(), look(r.look())));
            target.getChildren().add(flow);
        }
    }

    private static Text run(String s, String styleClass) {
        Text t = new Text(s);
        t.getStyleClass().addAll("hex", styleClass);
        return t;
    }

    private static String look(HexLine.Look l) {
        return "hex-" + l.name().toLowerCase().replace('_', '-');
    }
}
