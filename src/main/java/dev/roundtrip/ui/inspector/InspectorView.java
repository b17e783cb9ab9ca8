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
        bytesTab.setContent(new BytesPane(vm));
        buffersTab.setContent(scrolling(new BuffersPane(vm, probe)));
        memoryTab.setContent(scrolling(new MemoryPane(vm)));
        timingTab.setContent(scrolling(new TimingPane(vm)));
        for (Tab t : inspectorTabs.getTabs()) KeyBinding.addKeyToTooltip(t.getTooltip(), t.getUserData());
    }

    public TabPane root() {
        return inspectorTabs;
    }

    public void show(InspectorTab tab) {
        inspectorTabs.getSelectionModel().select(tab(tab));
    }

    public Tab tab(InspectorTab tab) {
        return inspectorTabs.getTabs().get(tab.ordinal());
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
