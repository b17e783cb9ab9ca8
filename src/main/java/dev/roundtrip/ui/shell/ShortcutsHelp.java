package dev.roundtrip.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The F1 list: {@link KeyBinding}'s table, section by section, so it can never disagree with the menus. */
public final class ShortcutsHelp {
    /** Not a binding of ours: the menu bar's own key. */
    static final String MENUS = "Alt";

    private ShortcutsHelp() {}

    /** One line of the list: a section title (keys null) or keys and what they do. */
    public record Line(String keys, String text) {
        public boolean isTitle() {
            return keys == null;
        }
    }

    /** The list in table order, a title before each section. */
    public static List<Line> lines() {
        List<Line> out = new ArrayList<>();
        KeyBinding.Group group = null;
        for (KeyBinding b : KeyBinding.values()) {
            if (b.group() != group) {
                group = b.group();
                out.add(new Line(null, group.title()));
            }
            out.add(new Line(b.keysText(), b.help()));
        }
        out.add(new Line(MENUS, MainView.T.get("shortcuts.menus")));
        return out;
    }

    static GridPane table() {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(3);
        grid.getStyleClass().add("shortcuts");
        int row = 0;
        for (Line l : lines()) {
            if (l.isTitle()) {
                Label title = new Label(l.text());
                title.getStyleClass().add("shortcuts-group");
                grid.add(title, 0, row++, 2, 1);
                continue;
            }
            Label keys = new Label(l.keys());
            keys.getStyleClass().add("shortcuts-keys");
            keys.setMinWidth(Label.USE_PREF_SIZE);
            Label text = new Label(l.text());
            text.setWrapText(true);
            grid.addRow(row++, keys, text);
        }
        ColumnConstraints what = new ColumnConstraints();
        what.setPrefWidth(380);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), what);
        return grid;
    }

    public static void show(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(KeyBinding.SHORTCUTS.menuText());
        a.setHeaderText(KeyBinding.SHORTCUTS.menuText());
        GridPane table = table();
        ScrollPane scroll = new ScrollPane(table);
        // as wide as the longest line (nothing cut; room for the scroll bar), as high as the window allows
        table.setPadding(new javafx.geometry.Insets(0, 20, 0, 0));
        table.setMinWidth(GridPane.USE_PREF_SIZE);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportHeight(Math.min(560, owner == null ? 560 : owner.getHeight() * 0.7));
        a.getDialogPane().setContent(scroll);
        a.getDialogPane().getStylesheets().add(ShortcutsHelp.class.getResource("MainView.css").toExternalForm());
        a.getDialogPane().setMinWidth(Math.min(800, owner == null ? 800 : owner.getWidth() - 40));
        a.setResizable(true);
        if (owner != null) a.initOwner(owner);
        a.show();
    }
}
