package dev.roundtrip.ui.access;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Pane;

/**
 * Gives every control a name a screen reader speaks. An icon-only button, a slider, a text field or
 * a combo box without a label of its own is named from the bundle by its {@code userData} (a
 * {@code KeyBinding} name, which FXML already sets) or else its id: {@code control.ZOOM_IN},
 * {@code control.targetField}. Buttons and sliders take the name as their accessible text; a text
 * field or combo box reads its name from a label ({@code LABELED_BY}, as Windows and macOS do), so it
 * gets an invisible one. Controls with words of their own keep them.
 */
public final class ControlNames {
    private ControlNames() {}

    /** Names the controls under {@code root} that the bundle knows and that have no name yet. */
    public static void apply(Parent root) {
        for (Node n : controls(root)) {
            String key = key(n);
            if (key == null || !spokenName(n).isEmpty()) continue;
            String name = Speech.get(key);
            if (n instanceof TextInputControl || n instanceof ComboBoxBase) label(n, name);
            else n.setAccessibleText(name);
        }
        whenTabsFilled(root, ControlNames::apply);
    }

    /**
     * Runs {@code then} on the content of each tab under {@code root} that has none yet, once it gets
     * it: a tab's content may be built when the tab is first shown (the composer's Body and Raw, the
     * inspector's tabs), and its controls need what the rest of the window got at its start.
     */
    static void whenTabsFilled(Parent root, java.util.function.Consumer<Parent> then) {
        List<Tab> empty = new ArrayList<>();
        controls(root, empty);
        for (Tab tab : empty) {
            tab.contentProperty().addListener(new javafx.beans.value.ChangeListener<Node>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Node> o, Node was, Node content) {
                    if (!(content instanceof Parent)) return;
                    tab.contentProperty().removeListener(this);
                    then.accept((Parent) content);
                }
            });
        }
    }

    /** The bundle's key for {@code n}'s name, or null: by its binding, else its id. */
    static String key(Node n) {
        if (n.getUserData() instanceof String && Speech.has("control." + n.getUserData())) return "control." + n.getUserData();
        if (n.getId() != null && Speech.has("control." + n.getId())) return "control." + n.getId();
        return null;
    }

    /** An invisible label beside {@code n}; a tab's content gets it once its skin has given it a parent. */
    private static void label(Node n, String name) {
        Label l = new Label(name);
        l.setLabelFor(n);
        l.setVisible(false);
        l.setManaged(false);
        if (n.getParent() instanceof Pane) {
            ((Pane) n.getParent()).getChildren().add(l);
            return;
        }
        n.parentProperty().addListener(new javafx.beans.value.ChangeListener<Parent>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Parent> o, Parent was, Parent p) {
                if (!(p instanceof Pane)) return;
                ((Pane) p).getChildren().add(l);
                n.parentProperty().removeListener(this);
            }
        });
    }

    /**
     * The name a screen reader speaks for {@code n}, resolved as the platforms do: a text field's or
     * combo box's from the label that names it, anything else's from its accessible text (for a
     * labelled control its words), "" when there is none.
     */
    public static String spokenName(Node n) {
        Object text = n instanceof TextInputControl || n instanceof ComboBoxBase ? null : n.queryAccessibleAttribute(AccessibleAttribute.TEXT);
        if (text == null || text.toString().isBlank()) {
            Object by = n.queryAccessibleAttribute(AccessibleAttribute.LABELED_BY);
            if (by instanceof Node) text = ((Node) by).queryAccessibleAttribute(AccessibleAttribute.TEXT);
        }
        return text == null ? "" : text.toString().trim();
    }

    /** The controls a user operates under {@code root}: buttons, toggles, fields, sliders, combo boxes. */
    public static List<Control> controls(Parent root) {
        return controls(root, new ArrayList<>());
    }

    /** {@link #controls(Parent)}, and the tabs found with no content yet into {@code empty}. */
    private static List<Control> controls(Parent root, List<Tab> empty) {
        List<Control> out = new ArrayList<>();
        collect(root, out, empty);
        return out;
    }

    private static void collect(Node n, List<Control> out, List<Tab> empty) {
        boolean operated = n instanceof Labeled && !(n instanceof Label) && !(n instanceof Cell)
                || n instanceof TextInputControl || n instanceof Slider || n instanceof ComboBoxBase;
        if (operated && !out.contains(n)) out.add((Control) n);
        if (n instanceof ComboBoxBase) return; // its button cell and arrow are the box itself
        // what a container holds before its skin makes it its children (or while it is hidden in an overflow)
        if (n instanceof ToolBar) for (Node i : ((ToolBar) n).getItems()) collect(i, out, empty);
        if (n instanceof SplitPane) for (Node i : ((SplitPane) n).getItems()) collect(i, out, empty);
        if (n instanceof TabPane) {
            for (Tab t : ((TabPane) n).getTabs()) {
                if (t.getContent() != null) collect(t.getContent(), out, empty);
                else if (!empty.contains(t)) empty.add(t);
            }
        }
        if (n instanceof ScrollPane && ((ScrollPane) n).getContent() != null) collect(((ScrollPane) n).getContent(), out, empty);
        if (n instanceof Parent) for (Node c : ((Parent) n).getChildrenUnmodifiable()) collect(c, out, empty);
    }
}
