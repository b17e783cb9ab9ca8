package dev.roundtrip.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

/** The one table of shortcuts: no key does two things, the F1 list is the table, alternates and typing keys behave. */
class KeyBindingTest {
    private static KeyEvent press(KeyCode code, boolean shortcut, boolean alt) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, shortcut, alt, false);
    }

    @Test
    void noTwoBindingsShareAKey() {
        Map<String, KeyBinding> seen = new HashMap<>();
        for (KeyBinding b : KeyBinding.values()) {
            for (KeyCodeCombination k : b.combinations()) {
                KeyBinding other = seen.put(k.getName(), b);
                assertThat(other).as(k.getName() + " is bound to " + other + " and " + b).isNull();
            }
        }
    }

    @Test
    void theF1ListHasEveryBindingOnceUnderItsMenu() {
        List<ShortcutsHelp.Line> lines = ShortcutsHelp.lines();
        assertThat(lines).filteredOn(ShortcutsHelp.Line::isTitle).extracting(ShortcutsHelp.Line::text)
                .containsExactly("File", "Exchange", "Playback", "View", "Lessons", "Help");
        assertThat(lines).hasSize(KeyBinding.values().length + 6 + 1);
        assertThat(lines.subList(0, 3)).extracting(l -> l.keys() + " = " + l.text())
                .containsExactly("null = File", "Ctrl+O = Open a recording or HAR", "Ctrl+S = Save");
        assertThat(lines).extracting(l -> l.keys() + " = " + l.text())
                .contains("Ctrl+Enter = Send", "Alt+→ / Page Down = Next lesson step", "F1 = Keyboard shortcuts (this list)")
                .endsWith("Alt = Menus");
        for (KeyBinding b : KeyBinding.values()) {
            assertThat(lines).filteredOn(l -> b.help().equals(l.text())).as(b.name()).hasSize(1);
        }
        String section = null;
        for (ShortcutsHelp.Line l : lines) {
            if (l.isTitle()) section = l.text();
            else if (l.keys().equals("Ctrl+T")) assertThat(section).isEqualTo("Exchange");
        }
    }

    @Test
    void keysAreWrittenAsOnTheKeyboardWithEveryAlternate() {
        assumeFalse(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac"), "macOS writes Cmd");
        assertThat(KeyBinding.SEND.keysText()).isEqualTo("Ctrl+Enter");
        assertThat(KeyBinding.SAVE_AS.keysText()).isEqualTo("Ctrl+Shift+S");
        assertThat(KeyBinding.STEP.keysText()).isEqualTo("→");
        assertThat(KeyBinding.LESSON_NEXT.keysText()).isEqualTo("Alt+→ / Page Down");
        assertThat(KeyBinding.ZOOM_IN.keysText()).isEqualTo("Ctrl+= / Ctrl++ / Ctrl++ (keypad)");
        assertThat(KeyBinding.SEND.tooltip("Send the request")).isEqualTo("Send the request (Ctrl+Enter)");
    }

    @Test
    void zoomTakesEveryPlusAndMinusWithOrWithoutShift() {
        KeyActions keys = new KeyActions();
        List<String> ran = new ArrayList<>();
        keys.register(KeyBinding.ZOOM_IN, () -> ran.add("in"));
        keys.register(KeyBinding.ZOOM_OUT, () -> ran.add("out"));
        // "Ctrl and +" on a US keyboard is Ctrl+Shift+=: the menu's accelerator takes it, Shift or not
        assertThat(KeyBinding.ZOOM_IN.combination().match(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.EQUALS, true, true, false, false)))
                .isTrue();
        assertThat(KeyBinding.ZOOM_OUT.combination().match(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.MINUS, true, true, false, false)))
                .isTrue();
        keys.handle(press(KeyCode.PLUS, true, false));
        keys.handle(press(KeyCode.ADD, true, false));
        keys.handle(press(KeyCode.SUBTRACT, true, false));
        assertThat(ran).as("the alternates go through the key filter").containsExactly("in", "in", "out");
        KeyEvent altRight = press(KeyCode.RIGHT, false, true);
        keys.register(KeyBinding.STEP, () -> ran.add("step"));
        keys.handle(altRight);
        assertThat(ran).as("Alt+→ is the lesson's, not Step's").hasSize(3);
    }

    @Test
    void typingKeysAreThoseATextFieldUses() {
        assertThat(KeyBinding.isTypingKey(KeyBinding.PLAY_PAUSE.combination())).isTrue();
        assertThat(KeyBinding.isTypingKey(KeyBinding.LESSON_NEXT.combinations().get(1))).as("Page Down").isTrue();
        assertThat(KeyBinding.isTypingKey(KeyBinding.LESSON_NEXT.combination())).as("Alt+→").isFalse();
        assertThat(KeyBinding.isTypingKey(KeyBinding.PRESENTER.combination())).as("F5").isFalse();
        assertThat(KeyBinding.isTypingKey(KeyBinding.OPEN.combination())).isFalse();
    }

    @Test
    void theKeyFilterRunsTypingKeysAndAlternatesAndLeavesMenuKeysToTheMenus() {
        KeyActions keys = new KeyActions();
        List<String> ran = new ArrayList<>();
        boolean[] lessonOpen = {false};
        keys.register(KeyBinding.PLAY_PAUSE, () -> ran.add("play"));
        keys.register(KeyBinding.ZOOM_IN, () -> ran.add("zoom"));
        keys.register(KeyBinding.LESSON_NEXT, () -> ran.add("next"), () -> lessonOpen[0]);

        KeyEvent space = press(KeyCode.SPACE, false, false);
        keys.handle(space);
        assertThat(space.isConsumed()).isTrue();
        KeyEvent ctrlEquals = press(KeyCode.EQUALS, true, false);
        keys.handle(ctrlEquals);
        assertThat(ctrlEquals.isConsumed()).as("the menu accelerator runs it").isFalse();
        keys.handle(press(KeyCode.ADD, true, false));
        KeyEvent pageDown = press(KeyCode.PAGE_DOWN, false, false);
        keys.handle(pageDown);
        assertThat(pageDown.isConsumed()).as("no lesson open: Page Down goes on").isFalse();
        lessonOpen[0] = true;
        keys.handle(press(KeyCode.PAGE_DOWN, false, false));
        assertThat(ran).containsExactly("play", "zoom", "next");
    }
}
