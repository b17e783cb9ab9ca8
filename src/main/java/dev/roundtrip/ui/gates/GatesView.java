package dev.roundtrip.ui.gates;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.shell.KeyBinding;
import dev.roundtrip.ui.util.Language;
import dev.roundtrip.ui.util.OnDemandTooltip;
import dev.roundtrip.ui.util.Shown;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/** The Run/Step toggles, the breakpoint buttons and their menu items, bound to a {@link GatesViewModel}. */
public final class GatesView {
    private static final KeyBinding[] BREAKPOINT_KEYS = {
        KeyBinding.BREAK_SEND, KeyBinding.BREAK_PARSE, KeyBinding.BREAK_PROCESS, KeyBinding.BREAK_RESPOND, KeyBinding.BREAK_INTERPRET};

    @FXML private HBox gatesBox;
    @FXML private ToggleButton runToggle;
    @FXML private ToggleButton stepToggle;
    @FXML private HBox breakpointBox;
    @FXML private Label modeLabel;
    @FXML private Label stopBeforeLabel;
    /** The breakpoints in one button (projector layout): five toggles do not fit a 1024-pixel toolbar. */
    private final MenuButton breakpointButton = new MenuButton();

    private final CheckMenuItem stepModeItem = new CheckMenuItem();
    private final Menu breakpointMenu = new Menu();

    /** {@code replaying}: the gates act on the live engine, so they are greyed while a replay is shown. */
    public void bind(GatesViewModel vm, ObservableBooleanValue replaying) {
        Language.bind(breakpointMenu.textProperty(), GatesViewModel.T, "breakpoints.menu");
        showBreakpointCount(0);
        ToggleGroup modes = new ToggleGroup();
        runToggle.setToggleGroup(modes);
        stepToggle.setToggleGroup(modes);
        runToggle.setOnAction(e -> vm.modeProperty().set(GateMode.RUN));
        stepToggle.setOnAction(e -> vm.modeProperty().set(GateMode.STEP));
        KeyBinding.STEP_MODE.applyTo(stepModeItem, vm::toggleStepMode);
        for (Stage s : Stage.gated()) {
            KeyBinding key = BREAKPOINT_KEYS[Stage.gated().indexOf(s)];
            ToggleButton b = new ToggleButton(s.wireName());
            b.setId("bp-" + s.wireName());
            b.getStyleClass().addAll("breakpoint", "small");
            b.setFocusTraversable(false);
            key.bindHelp(b, () -> GatesViewModel.T.get("breakpoint.tooltip", s.wireName()));
            b.setOnAction(e -> vm.toggleBreakpoint(s));
            breakpointBox.getChildren().add(b);
            CheckMenuItem item = new CheckMenuItem();
            key.applyTo(item, () -> vm.toggleBreakpoint(s));
            breakpointMenu.getItems().add(item);
            CheckMenuItem compactItem = new CheckMenuItem();
            Language.bind(compactItem.textProperty(), GatesViewModel.T, "breakpoint.compact", s.wireName());
            compactItem.setOnAction(e -> vm.toggleBreakpoint(s));
            breakpointButton.getItems().add(compactItem);
            vm.breakpoints().addListener((SetChangeListener<Stage>) ch -> {
                boolean on = vm.breakpoints().contains(s);
                b.setSelected(on);
                item.setSelected(on);
                compactItem.setSelected(on);
                showBreakpointCount(vm.breakpoints().size());
            });
        }
        breakpointButton.setId("breakpointButton");
        breakpointButton.setFocusTraversable(false);
        OnDemandTooltip.install(breakpointButton, () -> GatesViewModel.T.get("breakpoints.tooltip"));
        gatesBox.getChildren().add(breakpointButton);
        setCompact(false);
        Runnable syncMode = () -> {
            GateMode m = vm.mode();
            runToggle.setSelected(m == GateMode.RUN);
            stepToggle.setSelected(m == GateMode.STEP);
            stepModeItem.setSelected(m == GateMode.STEP);
        };
        vm.modeProperty().addListener((o, a, m) -> syncMode.run());
        syncMode.run();
        gatesBox.disableProperty().bind(replaying);
        KeyBinding.addKeysToTooltips(List.of(runToggle, stepToggle));
    }

    private void showBreakpointCount(int n) {
        Language.bind(breakpointButton.textProperty(), GatesViewModel.T, "stopBefore.count", n);
    }

    /** The projector layout's toolbar: no "Mode" word, the breakpoints in one menu button. */
    public void setCompact(boolean on) {
        Shown.set(modeLabel, !on);
        Shown.set(stopBeforeLabel, !on);
        Shown.set(breakpointBox, !on);
        Shown.set(breakpointButton, on);
    }

    /** Step mode (a check item: Ctrl+T turns it on and off) and the Breakpoints submenu, for the Exchange menu. */
    public List<MenuItem> menuItems() {
        return List.of(stepModeItem, breakpointMenu);
    }
}
