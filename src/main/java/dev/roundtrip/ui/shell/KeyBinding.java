package dev.roundtrip.ui.shell;

import dev.roundtrip.text.Texts;
import dev.roundtrip.ui.util.Language;
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
    OPEN(Group.FILE, shortcut(KeyCode.O)),
    SAVE(Group.FILE, shortcut(KeyCode.S)),
    SAVE_AS(Group.FILE, shortcut(KeyCode.S, KeyCombination.SHIFT_DOWN)),
    CLOSE_REPLAY(Group.FILE, shortcut(KeyCode.W)),
    EXPORT_PNG(Group.FILE, shortcut(KeyCode.E)),
    QUIT(Group.FILE, shortcut(KeyCode.Q)),

    SEND(Group.EXCHANGE, shortcut(KeyCode.ENTER)),
    CANCEL(Group.EXCHANGE, shortcut(KeyCode.PERIOD)),
    RESEND(Group.EXCHANGE, shortcut(KeyCode.R)),
    PROBE(Group.EXCHANGE, shortcut(KeyCode.P)),
    STEP_MODE(Group.EXCHANGE, shortcut(KeyCode.T)),
    BREAK_SEND(Group.EXCHANGE, alt(KeyCode.DIGIT1)),
    BREAK_PARSE(Group.EXCHANGE, alt(KeyCode.DIGIT2)),
    BREAK_PROCESS(Group.EXCHANGE, alt(KeyCode.DIGIT3)),
    BREAK_RESPOND(Group.EXCHANGE, alt(KeyCode.DIGIT4)),
    BREAK_INTERPRET(Group.EXCHANGE, alt(KeyCode.DIGIT5)),

    PLAY_PAUSE(Group.PLAYBACK, plain(KeyCode.SPACE)),
    STEP(Group.PLAYBACK, plain(KeyCode.RIGHT)),
    STEP_BACK(Group.PLAYBACK, plain(KeyCode.LEFT)),
    FASTER(Group.PLAYBACK, plain(KeyCode.CLOSE_BRACKET)),
    SLOWER(Group.PLAYBACK, plain(KeyCode.OPEN_BRACKET)),

    ZOOM_IN(Group.VIEW, zoom(KeyCode.EQUALS), zoom(KeyCode.PLUS), zoom(KeyCode.ADD)),
    ZOOM_OUT(Group.VIEW, zoom(KeyCode.MINUS), zoom(KeyCode.SUBTRACT)),
    ZOOM_RESET(Group.VIEW, zoom(KeyCode.DIGIT0), zoom(KeyCode.NUMPAD0)),
    PRESENTER(Group.VIEW, plain(KeyCode.F5)),
    NEXT_THEME(Group.VIEW, shortcut(KeyCode.L)),
    SHOW_BYTES(Group.VIEW, shortcut(KeyCode.DIGIT1)),
    SHOW_BUFFERS(Group.VIEW, shortcut(KeyCode.DIGIT2)),
    SHOW_MEMORY(Group.VIEW, shortcut(KeyCode.DIGIT3)),
    SHOW_TIMING(Group.VIEW, shortcut(KeyCode.DIGIT4)),
    COMPARE_REALTIME(Group.VIEW, shortcut(KeyCode.U, KeyCombination.SHIFT_DOWN)),

    BROWSE_LESSONS(Group.LESSONS, shortcut(KeyCode.L, KeyCombination.SHIFT_DOWN)),
    LESSON_NEXT(Group.LESSONS, alt(KeyCode.RIGHT), plain(KeyCode.PAGE_DOWN)),
    LESSON_BACK(Group.LESSONS, alt(KeyCode.LEFT), plain(KeyCode.PAGE_UP)),
    LESSON_HINT(Group.LESSONS, shortcut(KeyCode.H)),
    LESSON_PANEL(Group.LESSONS, plain(KeyCode.F6)),

    SHORTCUTS(Group.HELP, plain(KeyCode.F1));

    /** The F1 list's sections, in menu order. */
    public enum Group {
        FILE, EXCHANGE, PLAYBACK, VIEW, LESSONS, HELP;

        /** The section's title in the language in use ("File"). */
        public String title() {
            return T.get("group." + name());
        }
    }

    static final Texts.Bundle T = Texts.of("dev.roundtrip.ui.shell.Texts");

    private final Group group;
    private final List<KeyCodeCombination> keys;

    KeyBinding(Group group, KeyCodeCombination... keys) {
        this.group = group;
        this.keys = List.of(keys);
    }

    public Group group() { return group; }
    /** The text of the menu item, in the language in use. */
    public String menuText() { return T.get("key." + name() + ".menu"); }
    /** What the F1 list says the key does. */
    public String help() { return T.get("key." + name() + ".help"); }
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

    /** A tooltip's text, in the language in use at each switch, followed by this binding's key. */
    public void bindTooltip(Tooltip t, java.util.function.Supplier<String> text) {
        Language.bind(t.textProperty(), () -> tooltip(text.get()));
    }

    /** A menu item with this binding's text and accelerator, running {@code action}. */
    public MenuItem menuItem(String icon, Runnable action) {
        MenuItem item = icon == null ? new MenuItem() : new MenuItem(null, new FontIcon(icon));
        applyTo(item, action);
        return item;
    }

    /** Gives an existing item (a check or radio item, one from FXML) this binding's text (following the language) and key. */
    public void applyTo(MenuItem item, Runnable action) {
        Language.bind(item.textProperty(), this::menuText);
        item.setMnemonicParsing(false);
        // JavaFX would write the menu's key in English ("Ctrl+Space"): this one says it in the language in use
        item.acceleratorProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new AcceleratorInWords(combination()), Language.localeProperty()));
        if (action != null) item.setOnAction(e -> action.run());
    }

    /**
     * Appends its key to the tooltip of each control whose {@code userData} names a binding (set in
     * FXML, e.g. {@code userData="SEND"}): the FXML says which binding, this table which key.
     */
    public static void addKeysToTooltips(Collection<? extends Node> nodes) {
        for (Node n : nodes) {
            if (!(n instanceof Control c)) continue;
            if (c.getTooltip() != null) addKeyToTooltip(c.getTooltip(), n.getUserData());
            // a tooltip made when first hovered shows the control's help: the key goes there
            else if (c.getAccessibleHelp() != null && n.getUserData() instanceof String key)
                valueOf(key).bindHelp(c, Language.source(c.accessibleHelpProperty()));
        }
    }

    /** {@code c}'s help and tooltip (made when first hovered): {@code text} followed by this binding's key. */
    public void bindHelp(Control c, java.util.function.Supplier<String> text) {
        dev.roundtrip.ui.util.OnDemandTooltip.install(c, () -> tooltip(text.get()));
    }

    /** The same for one tooltip (a tab's, say) and the userData of what it belongs to. */
    public static void addKeyToTooltip(Tooltip t, Object userData) {
        if (t != null && userData instanceof String) valueOf((String) userData).bindTooltip(t, Language.source(t.textProperty()));
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
        // the names printed on the class's keyboards: Strg and Umschalt in German, Maj in French, Mayús in Spanish
        if (k.getShortcut() == KeyCombination.ModifierValue.DOWN) sb.append(mac ? "Cmd" : T.get("keyname.ctrl")).append('+');
        if (k.getAlt() == KeyCombination.ModifierValue.DOWN) sb.append(mac ? "Option" : T.get("keyname.alt")).append('+');
        if (k.getShift() == KeyCombination.ModifierValue.DOWN) sb.append(T.get("keyname.shift")).append('+');
        sb.append(keyName(k.getCode()));
        return sb.toString();
    }

    private static String keyName(KeyCode c) {
        switch (c) {
            case RIGHT: return "→";
            case LEFT: return "←";
            case EQUALS: return "=";
            case PLUS: return "+";
            case ADD: return "+ " + T.get("keyname.keypad");
            case MINUS: return "-";
            case SUBTRACT: return "- " + T.get("keyname.keypad");
            case PERIOD: return ".";
            case OPEN_BRACKET: return "[";
            case CLOSE_BRACKET: return "]";
            case NUMPAD0: return "0 " + T.get("keyname.keypad");
            case SPACE: return T.get("keyname.space");
            case ENTER: return T.get("keyname.enter");
            case PAGE_UP: return T.get("keyname.pageUp");
            case PAGE_DOWN: return T.get("keyname.pageDown");
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
