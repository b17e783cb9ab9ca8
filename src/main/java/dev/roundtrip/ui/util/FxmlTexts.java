package dev.roundtrip.ui.util;

import dev.roundtrip.text.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.ResourceBundle;
import javafx.beans.property.Property;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/**
 * Loads FXML whose texts are bundle keys, and keeps them in the language in use. In FXML a text is
 * written {@code %feature.key}: the key {@code key} of the bundle {@code dev/roundtrip/ui/feature/Texts}
 * (e.g. {@code text="%shell.menu.file"}); an included FXML uses the same notation. After loading,
 * every such text is {@linkplain Language#bind bound}, so a language switch relabels the view in place.
 */
public final class FxmlTexts {
    /** What the loader puts in place of a key until the loaded tree is walked. */
    private static final String MARK = "\u0001";

    private static final ResourceBundle KEYS = new ResourceBundle() {
        @Override
        protected Object handleGetObject(String key) {
            return MARK + key;
        }

        @Override
        public boolean containsKey(String key) {
            return true;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.emptyEnumeration();
        }
    };

    private FxmlTexts() {}

    /** A loader for {@code fxml} whose {@code %feature.key} texts {@link #load} binds. */
    public static FXMLLoader loader(URL fxml) {
        return new FXMLLoader(fxml, KEYS);
    }

    /** Loads and binds its texts; the controller is {@code loader.getController()}. */
    public static <T> T load(FXMLLoader loader) {
        try {
            T root = loader.load();
            bindTexts(root);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(loader.getLocation() + " could not be loaded", e);
        }
    }

    /** The bundle text a {@code %feature.key} stands for, in the language in use. */
    public static String text(String featureKey) {
        int dot = featureKey.indexOf('.');
        if (dot <= 0) throw new IllegalArgumentException("an FXML text key is feature.key, found '" + featureKey + "'");
        return Texts.get("dev.roundtrip.ui." + featureKey.substring(0, dot) + ".Texts", featureKey.substring(dot + 1));
    }

    /** Binds every text under {@code o} that the loader left as a key. */
    static void bindTexts(Object o) {
        if (o == null) return;
        if (o instanceof Tab t) {
            fix(t.textProperty());
            bindTexts(t.getTooltip());
            bindTexts(t.getGraphic());
            bindTexts(t.getContent());
            return;
        }
        if (o instanceof MenuItem m) {
            fix(m.textProperty());
            if (m instanceof Menu menu) menu.getItems().forEach(FxmlTexts::bindTexts);
            return;
        }
        if (o instanceof Tooltip t) {
            fix(t.textProperty());
            return;
        }
        if (o instanceof TableColumnBase<?, ?> c) {
            fix(c.textProperty());
            c.getColumns().forEach(FxmlTexts::bindTexts);
            return;
        }
        if (!(o instanceof Node n)) return;
        if (n instanceof Labeled l) {
            fix(l.textProperty());
            bindTexts(l.getGraphic());
        }
        if (n instanceof TextInputControl t) fix(t.promptTextProperty());
        if (n instanceof ComboBoxBase<?> c) fix(c.promptTextProperty());
        if (n instanceof Control c) {
            // a control's accessibleHelp in FXML is its tooltip too, made when first hovered (OnDemandTooltip)
            if (fix(c.accessibleHelpProperty())) OnDemandTooltip.showHelp(c);
            bindTexts(c.getTooltip());
            if (c.getContextMenu() != null) c.getContextMenu().getItems().forEach(FxmlTexts::bindTexts);
        }
        if (n instanceof MenuButton b) b.getItems().forEach(FxmlTexts::bindTexts);
        if (n instanceof MenuBar b) b.getMenus().forEach(FxmlTexts::bindTexts);
        if (n instanceof ToolBar b) b.getItems().forEach(FxmlTexts::bindTexts);
        if (n instanceof SplitPane s) s.getItems().forEach(FxmlTexts::bindTexts);
        if (n instanceof TabPane p) p.getTabs().forEach(FxmlTexts::bindTexts);
        if (n instanceof ScrollPane s) bindTexts(s.getContent());
        if (n instanceof TitledPane p) bindTexts(p.getContent());
        if (n instanceof TableView<?> t) {
            t.getColumns().forEach(FxmlTexts::bindTexts);
            bindTexts(t.getPlaceholder());
        }
        if (n instanceof Parent p) p.getChildrenUnmodifiable().forEach(FxmlTexts::bindTexts);
    }

    /** Binds {@code p} if the loader left a key in it; says whether it did. */
    private static boolean fix(Property<String> p) {
        String v = p.getValue();
        if (v == null || !v.startsWith(MARK) || p.isBound()) return false;
        String key = v.substring(MARK.length());
        text(key); // a key missing from its bundle fails the load, not the first switch
        Language.bind(p, () -> text(key));
        return true;
    }
}
