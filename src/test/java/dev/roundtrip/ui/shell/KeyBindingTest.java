package dev.roundtrip.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

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
    void theF1ListIsTheTableSectionBySection() {
        List<ShortcutsHelp.Line> lines = ShortcutsHelp.lines();
        List<String> expected = new ArrayList<>();
        KeyBinding.Group group = null;
        for (KeyBinding b : KeyBinding.values()) {
            if (b.group() != group) expected.add((group = b.group()).title());
            expected.add(b.keysText() + " = " + b.help());
        }
        expected.add("Alt = Menus");
        assertThat(lines).extracting(l -> l.isTitle() ? l.text() : l.keys() + " = " + l.text()).containsExactlyElementsOf(expected);
        assertThat(lines).filteredOn(ShortcutsHelp.Line::isTitle).extracting(ShortcutsHelp.Line::text)
                .containsExactly("File", "Exchange", "Playback", "View", "Lessons", "Help");
    }

    @Test
    void keysAreWrittenAsOnTheKeyboardWithEveryAlternate() {
        assertThat(KeyBinding.SEND.keysText()).isEqualTo("Ctrl+Enter");
        assertThat(KeyBinding.SAVE_AS.keysText()).isEqualTo("Ctrl+Shift+S");
        assertThat(KeyBinding.STEP.keysText()).isEqualTo("→");
        assertThat(KeyBinding.LESSON_NEXT.keysText()).isEqualTo("Alt+→ / Page Down");
        assertThat(KeyBinding.ZOOM_IN.keysText()).isEqualTo("Ctrl+= / Ctrl++ / Ctrl++ (keypad)");
        assertThat(KeyBinding.SEND.tooltip("Send the request")).isEqualTo("Send the request (Ctrl+Enter)");
    }

    @Test
    void alternatesMatchButAreNotTheMenuKey() {
        KeyEvent plus = press(KeyCode.PLUS, true, false);
        assertThat(KeyBinding.ZOOM_IN.matches(plus)).isTrue();
        assertThat(KeyBinding.ZOOM_IN.matchesAlternate(plus)).isTrue();
        KeyEvent equals = press(KeyCode.EQUALS, true, false);
        assertThat(KeyBinding.ZOOM_IN.matches(equals)).isTrue();
        assertThat(KeyBinding.ZOOM_IN.matchesAlternate(equals)).as("Ctrl+= is the menu's accelerator").isFalse();
        assertThat(KeyBinding.STEP.matches(press(KeyCode.RIGHT, false, true))).as("Alt+→ is the lesson's, not Step's").isFalse();
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
