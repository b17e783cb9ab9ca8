package dev.roundtrip.ui.gates;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.shell.KeyBinding;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The Run/Step toggles, the breakpoint buttons and their menu items, bound to a {@link GatesViewModel}. */
public final class GatesView {
    private static final KeyBinding[] BREAKPOINT_KEYS = {
        KeyBinding.BREAK_SEND, KeyBinding.BREAK_PARSE, KeyBinding.BREAK_PROCESS, KeyBinding.BREAK_RESPOND, KeyBinding.BREAK_INTERPRET};

    @FXML private HBox gatesBox;
    @FXML private ToggleButton runToggle;
    @FXML private ToggleButton stepToggle;
    @FXML private HBox breakpointBox;

    private final RadioMenuItem runModeItem = new RadioMenuItem();
    private final RadioMenuItem stepModeItem = new RadioMenuItem();
    private final Menu breakpointMenu = new Menu("Breakpoints");

    /** {@code replaying}: the gates act on the live engine, so they are greyed while a replay is shown. */
    public void bind(GatesViewModel vm, ObservableBooleanValue replaying) {
        ToggleGroup modes = new ToggleGroup();
        runToggle.setToggleGroup(modes);
        stepToggle.setToggleGroup(modes);
        ToggleGroup modeItems = new ToggleGroup();
        runModeItem.setToggleGroup(modeItems);
        stepModeItem.setToggleGroup(modeItems);
        runToggle.setOnAction(e -> vm.modeProperty().set(GateMode.RUN));
        stepToggle.setOnAction(e -> vm.modeProperty().set(GateMode.STEP));
        KeyBinding.RUN_MODE.applyTo(runModeItem, () -> vm.modeProperty().set(GateMode.RUN));
        KeyBinding.STEP_MODE.applyTo(stepModeItem, () -> vm.modeProperty().set(GateMode.STEP));
        for (Stage s : Stage.values()) {
            KeyBinding key = BREAKPOINT_KEYS[s.ordinal()];
            ToggleButton b = new ToggleButton(s.wireName());
            b.setId("bp-" + s.wireName());
            b.getStyleClass().addAll("breakpoint", "small");
            b.setFocusTraversable(false);
            b.setTooltip(new Tooltip(key.tooltip("Breakpoint: hold every exchange before " + s.wireName())));
            b.setOnAction(e -> vm.toggleBreakpoint(s));
            breakpointBox.getChildren().add(b);
            CheckMenuItem item = new CheckMenuItem();
            key.applyTo(item, () -> vm.toggleBreakpoint(s));
            breakpointMenu.getItems().add(item);
            vm.breakpoints().addListener((SetChangeListener<Stage>) ch -> {
                boolean on = vm.breakpoints().contains(s);
                b.setSelected(on);
                item.setSelected(on);
            });
        }
        Runnable syncMode = () -> {
            GateMode m = vm.mode();
            runToggle.setSelected(m == GateMode.RUN);
            stepToggle.setSelected(m == GateMode.STEP);
            runModeItem.setSelected(m == GateMode.RUN);
            stepModeItem.setSelected(m == GateMode.STEP);
        };
        vm.modeProperty().addListener((o, a, m) -> syncMode.run());
        syncMode.run();
        gatesBox.disableProperty().bind(replaying);
        KeyBinding.addKeysToTooltips(List.of(runToggle, stepToggle));
    }

    /** Run mode, Step mode and the Breakpoints submenu, for the Exchange menu. */
    public List<MenuItem> menuItems() {
        return List.of(runModeItem, stepModeItem, breakpointMenu);
    }
}
