package dev.roundtrip.ui.inspector;

import dev.roundtrip.ui.shell.KeyBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The inspector's four tabs, filled with the readout panes of an {@link InspectorViewModel}. */
public final class InspectorView {
    @FXML private TabPane inspectorTabs;
    @FXML private Tab bytesTab;
    @FXML private Tab buffersTab;
    @FXML private Tab memoryTab;
    @FXML private Tab timingTab;

    /** {@code probe}: the Buffers tab's "probe now" button (a fresh kernel readout of the selected exchange). */
    public void bind(InspectorViewModel vm, Runnable probe) {
        contentOf.put(bytesTab, () -> new BytesPane(vm));
        contentOf.put(buffersTab, () -> scrolling(new BuffersPane(vm, probe)));
        contentOf.put(memoryTab, () -> scrolling(new MemoryPane(vm)));
        contentOf.put(timingTab, () -> scrolling(new TimingPane(vm)));
        // a tab's panes are built when it is first shown: the hidden ones (charts among them) would be
        // styled and laid out before the first frame for nothing
        fill(inspectorTabs.getSelectionModel().getSelectedItem());
        inspectorTabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> fill(t));
        for (Tab t : inspectorTabs.getTabs()) KeyBinding.addKeyToTooltip(t.getTooltip(), t.getUserData());
    }

    private final java.util.Map<Tab, java.util.function.Supplier<Node>> contentOf = new java.util.HashMap<>();

    private void fill(Tab t) {
        java.util.function.Supplier<Node> content = t == null ? null : contentOf.remove(t);
        if (content == null) return;
        Node n = content.get();
        t.setContent(n);
        if (n instanceof javafx.scene.Parent p) dev.roundtrip.ui.access.ControlNames.apply(p); // as the rest of the window got at its start

    }

    public TabPane root() {
        return inspectorTabs;
    }

    public void show(InspectorTab tab) {
        inspectorTabs.getSelectionModel().select(tab(tab));
    }

    /** The tab, its panes built (whether shown or not). */
    public Tab tab(InspectorTab tab) {
        Tab t = inspectorTabs.getTabs().get(tab.ordinal());
        fill(t);
        return t;
    }

    /** Zoomed text must stay reachable: the tab scrolls instead of clipping. */
    private static ScrollPane scrolling(Node content) {
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
        sp.getStyleClass().add("edge-to-edge");
        return sp;
    }
}
