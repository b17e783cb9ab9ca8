package dev.roundtrip.ui.shell;

import dev.roundtrip.text.Texts;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/** View → Language: every language by its own name ("Deutsch", "Français"), the one in use ticked. */
final class LanguageMenu {
    private LanguageMenu() {}

    static void fill(Menu menu, Consumer<Locale> use) {
        ToggleGroup group = new ToggleGroup();
        for (Locale l : Texts.LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(ownName(l));
            item.setId("language-" + l.getLanguage());
            item.setUserData(l);
            item.setMnemonicParsing(false);
            item.setToggleGroup(group);
            item.setOnAction(e -> use.accept(l));
            menu.getItems().add(item);
        }
        select(menu, Texts.locale());
    }

    static void select(Menu menu, Locale inUse) {
        for (MenuItem i : menu.getItems()) {
            if (i instanceof RadioMenuItem r) r.setSelected(inUse.equals(r.getUserData()));
        }
    }

    /** The language's name as its speakers write it, whatever language is in use. */
    static String ownName(Locale l) {
        ResourceBundle names = ResourceBundle.getBundle("dev.roundtrip.text.Texts", l, LanguageMenu.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return names.getString("language.name");
    }
}
