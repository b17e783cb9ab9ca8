package dev.roundtrip.ui.util;

import javafx.scene.Node;

/** Shows or hides a node together with its place in the layout (a hidden node takes no room). */
public final class Shown {
    private Shown() {}

    public static void set(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }
}
