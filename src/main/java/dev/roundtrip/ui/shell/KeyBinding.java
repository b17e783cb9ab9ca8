package dev.roundtrip.ui.shell;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination.Modifier;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Every shortcut of the app, in one table: menus take their text and accelerator from here,
 * tooltips their key, and the F1 list ({@link ShortcutsHelp}) is this table printed. A binding may
 * have alternates (the other plus key for zoom, the clicker's Page Down for the lesson), which the
 * window's key filter honours; the menu shows the first combination.
 */
public enum KeyBinding {
    OPEN(Group.FILE, "Open recording or HAR…", "Open a recording or HAR", shortcut(KeyCode.O)),
    SAVE(Group.FILE, "Save", "Save", shortcut(KeyCode.S)),
    SAVE_AS(Group.FILE, "Save As…", "Save as", shortcut(KeyCode.S, KeyCombination.SHIFT_DOWN)),
    CLOSE_REPLAY(Group.FILE, "Close replay", "Close the replay", shortcut(KeyCode.W)),
    EXPORT_PNG(Group.FILE, "Diagram as PNG…", "Export the diagram as PNG", shortcut(KeyCode.E)),
    QUIT(Group.FILE, "Quit", "Quit", shortcut(KeyCode.Q)),

    SEND(Group.EXCHANGE, "Send", "Send", shortcut(KeyCode.ENTER)),
    CANCEL(Group.EXCHANGE, "Cancel selected exchange", "Cancel the selected exchange", shortcut(KeyCode.PERIOD)),
    RESEND(Group.EXCHANGE, "Re-send and compare", "Re-send and compare", shortcut(KeyCode.R)),
    PROBE(Group.EXCHANGE, "Probe kernel queues now", "Probe the kernel queues now", shortcut(KeyCode.P)),
    STEP_MODE(Group.EXCHANGE, "Step mode (stop before every stage)", "Step mode on / off (off: Run, no stops)", shortcut(KeyCode.T)),
    BREAK_SEND(Group.EXCHANGE, "Before send", "Breakpoint before send", alt(KeyCode.DIGIT1)),
    BREAK_PARSE(Group.EXCHANGE, "Before parse", "Breakpoint before parse", alt(KeyCode.DIGIT2)),
    BREAK_PROCESS(Group.EXCHANGE, "Before process", "Breakpoint before process", alt(KeyCode.DIGIT3)),
    BREAK_RESPOND(Group.EXCHANGE, "Before respond", "Breakpoint before respond", alt(KeyCode.DIGIT4)),
    BREAK_INTERPRET(Group.EXCHANGE, "Before interpret", "Breakpoint before interpret", alt(KeyCode.DIGIT5)),

    PLAY_PAUSE(Group.PLAYBACK, "Play / Pause", "Play / Pause", plain(KeyCode.SPACE)),
    STEP(Group.PLAYBACK, "Step (release one stage)", "Step: release one stage (Step mode) or move one stage on", plain(KeyCode.RIGHT)),
    STEP_BACK(Group.PLAYBACK, "Step back", "Step back", plain(KeyCode.LEFT)),
    FASTER(Group.PLAYBACK, "Faster", "Faster", plain(KeyCode.CLOSE_BRACKET)),
    SLOWER(Group.PLAYBACK, "Slower", "Slower", plain(KeyCode.OPEN_BRACKET)),

    ZOOM_IN(Group.VIEW, "Zoom in", "Zoom in", zoom(KeyCode.EQUALS), zoom(KeyCode.PLUS), zoom(KeyCode.ADD)),
    ZOOM_OUT(Group.VIEW, "Zoom out", "Zoom out", zoom(KeyCode.MINUS), zoom(KeyCode.SUBTRACT)),
    ZOOM_RESET(Group.VIEW, "Actual size", "Actual size", zoom(KeyCode.DIGIT0), zoom(KeyCode.NUMPAD0)),
    PRESENTER(Group.VIEW, "Presenter view (diagram only)", "Presenter view (diagram only)", plain(KeyCode.F5)),
    NEXT_THEME(Group.VIEW, "Next theme", "Next theme: light, dark, high contrast", shortcut(KeyCode.L)),
    SHOW_BYTES(Group.VIEW, "Bytes tab", "Bytes tab", shortcut(KeyCode.DIGIT1)),
    SHOW_BUFFERS(Group.VIEW, "Buffers tab", "Buffers tab", shortcut(KeyCode.DIGIT2)),
    SHOW_MEMORY(Group.VIEW, "Memory tab", "Memory tab", shortcut(KeyCode.DIGIT3)),
    SHOW_TIMING(Group.VIEW, "Timing tab", "Timing tab", shortcut(KeyCode.DIGIT4)),

    BROWSE_LESSONS(Group.LESSONS, "Browse lessons…", "Browse lessons", shortcut(KeyCode.L, KeyCombination.SHIFT_DOWN)),
    LESSON_NEXT(Group.LESSONS, "Next step", "Next lesson step", alt(KeyCode.RIGHT), plain(KeyCode.PAGE_DOWN)),
    LESSON_BACK(Group.LESSONS, "Previous step", "Previous lesson step", alt(KeyCode.LEFT), plain(KeyCode.PAGE_UP)),
    LESSON_HINT(Group.LESSONS, "Show a hint", "Lesson hint", shortcut(KeyCode.H)),
    LESSON_PANEL(Group.LESSONS, "Show lesson panel", "Show / hide the lesson panel", plain(KeyCode.F6)),

    SHORTCUTS(Group.HELP, "Keyboard shortcuts", "Keyboard shortcuts (this list)", plain(KeyCode.F1));

    /** The F1 list's sections, in menu order. */
    public enum Group {
        FILE("File"), EXCHANGE("Exchange"), PLAYBACK("Playback"), VIEW("View"), LESSONS("Lessons"), HELP("Help");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Group group;
    private final String menuText;
    private final String help;
    private final List<KeyCodeCombination> keys;

    KeyBinding(Group group, String menuText, String help, KeyCodeCombination... keys) {
        this.group = group;
        this.menuText = menuText;
        this.help = help;
        this.keys = List.of(keys);
    }

    public Group group() { return group; }
    /** The text of the menu item. */
    public String menuText() { return menuText; }
    /** What the F1 list says the key does. */
    public String help() { return help; }
    /** The accelerator the menu shows. */
    public KeyCodeCombination combination() { return keys.get(0); }
    public List<KeyCodeCombination> combinations() { return keys; }

    /**
     * A key a text field uses itself (Space, arrows, brackets, Page Up/Down: no Ctrl, Alt or Shift, not
     * an F key): such a binding must not fire while the user types.
     */
    public static boolean isTypingKey(KeyCodeCombination k) {
        return k.getShortcut() == KeyCombination.ModifierValue.UP && k.getControl() == KeyCombination.ModifierValue.UP
                && k.getAlt() == KeyCombination.ModifierValue.UP && k.getShift() == KeyCombination.ModifierValue.UP
                && !k.getCode().isFunctionKey();
    }

    /** "Ctrl+Shift+S", "→", "Alt+→ / Page Down": every combination, as the F1 list shows them. */
    public String keysText() {
        StringBuilder sb = new StringBuilder();
        for (KeyCodeCombination k : keys) {
            if (sb.length() > 0) sb.append(" / ");
            sb.append(text(k));
        }
        return sb.toString();
    }

    /** A tooltip's text followed by this binding's key: "Send the request (Ctrl+Enter)". */
    public String tooltip(String text) {
        return text + " (" + text(combination()) + ")";
    }

    /** A menu item with this binding's text and accelerator, running {@code action}. */
    public MenuItem menuItem(String icon, Runnable action) {
        MenuItem item = icon == null ? new MenuItem(menuText) : new MenuItem(menuText, new FontIcon(icon));
        applyTo(item, action);
        return item;
    }

    /** Gives an existing item (a check or radio item, one from FXML) this binding's text and key. */
    public void applyTo(MenuItem item, Runnable action) {
        item.setText(menuText);
        item.setMnemonicParsing(false);
        item.setAccelerator(combination());
        if (action != null) item.setOnAction(e -> action.run());
    }

    /**
     * Appends its key to the tooltip of each control whose {@code userData} names a binding (set in
     * FXML, e.g. {@code userData="SEND"}): the FXML says which binding, this table which key.
     */
    public static void addKeysToTooltips(Collection<? extends Node> nodes) {
        for (Node n : nodes) if (n instanceof Control) addKeyToTooltip(((Control) n).getTooltip(), n.getUserData());
    }

    /** The same for one tooltip (a tab's, say) and the userData of what it belongs to. */
    public static void addKeyToTooltip(Tooltip t, Object userData) {
        if (t != null && userData instanceof String) t.setText(valueOf((String) userData).tooltip(t.getText()));
    }

    /** Gives each item under {@code menus} whose {@code userData} names a binding that binding's text and key. */
    public static void applyToMenus(Collection<? extends MenuItem> items) {
        for (MenuItem i : items) {
            if (i.getUserData() instanceof String) valueOf((String) i.getUserData()).applyTo(i, null);
            if (i instanceof Menu) applyToMenus(((Menu) i).getItems());
        }
    }

    static String text(KeyCodeCombination k) {
        StringBuilder sb = new StringBuilder();
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        if (k.getShortcut() == KeyCombination.ModifierValue.DOWN) sb.append(mac ? "Cmd+" : "Ctrl+");
        if (k.getAlt() == KeyCombination.ModifierValue.DOWN) sb.append(mac ? "Option+" : "Alt+");
        if (k.getShift() == KeyCombination.ModifierValue.DOWN) sb.append("Shift+");
        sb.append(keyName(k.getCode()));
        return sb.toString();
    }

    private static String keyName(KeyCode c) {
        switch (c) {
            case RIGHT: return "→";
            case LEFT: return "←";
            case EQUALS: return "=";
            case PLUS: return "+";
            case ADD: return "+ (keypad)";
            case MINUS: return "-";
            case SUBTRACT: return "- (keypad)";
            case PERIOD: return ".";
            case OPEN_BRACKET: return "[";
            case CLOSE_BRACKET: return "]";
            case NUMPAD0: return "0 (keypad)";
            default: return c.getName();
        }
    }

    private static KeyCodeCombination shortcut(KeyCode code, Modifier... more) {
        Modifier[] all = new Modifier[more.length + 1];
        all[0] = KeyCombination.SHORTCUT_DOWN;
        System.arraycopy(more, 0, all, 1, more.length);
        return new KeyCodeCombination(code, all);
    }

    /** Ctrl with a plus, minus or zero key, Shift up or down: "Ctrl and +" is Ctrl+Shift+= on most keyboards. */
    private static KeyCodeCombination zoom(KeyCode code) {
        return shortcut(code, KeyCombination.SHIFT_ANY);
    }

    private static KeyCodeCombination alt(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.ALT_DOWN);
    }

    private static KeyCodeCombination plain(KeyCode code) {
        return new KeyCodeCombination(code);
    }
}
