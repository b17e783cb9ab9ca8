package dev.roundtrip.ui.util;

import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A part of the window that is hidden at the start (a notice bar, the offer to restore an autosave)
 * and is built and added the first time it is wanted. A hidden node still costs the first frame its
 * CSS and layout; most sessions never show these parts. Once added, the part shows and hides itself.
 */
public final class BuiltWhenWanted {
    private static final Object ORDER = new Object();

    private BuiltWhenWanted() {}

    /**
     * Adds {@code build}'s node to {@code box} now if {@code wanted} holds, else the first time it
     * does; parts of one box keep their {@code order} among each other whenever each comes.
     */
    public static void add(Pane box, int order, ObservableBooleanValue wanted, Supplier<Node> build) {
        if (wanted.get()) {
            insert(box, order, build.get());
            return;
        }
        Object waiting = new Object();
        // a binding made for this call listens weakly to what it is made of: the box keeps it until it fires
        box.getProperties().put(waiting, wanted);
        wanted.addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) return;
                wanted.removeListener(this);
                box.getProperties().remove(waiting);
                insert(box, order, build.get());
            }
        });
    }

    private static void insert(Pane box, int order, Node part) {
        part.getProperties().put(ORDER, order);
        int at = 0;
        while (at < box.getChildren().size() && !(box.getChildren().get(at).getProperties().get(ORDER) instanceof Integer i && i > order)) at++;
        box.getChildren().add(at, part);
    }
}
