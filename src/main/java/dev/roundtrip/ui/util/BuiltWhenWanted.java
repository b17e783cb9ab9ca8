package dev.roundtrip.ui.util;

import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A part of the window that is hidden at the start (the session bar in the projector layout) and is
 * built and added the first time it is wanted. A hidden node still costs the first frame its CSS and
 * layout; many sessions never show such a part. Once added, the part shows and hides itself.
 */
public final class BuiltWhenWanted {
    private BuiltWhenWanted() {}

    /**
     * Adds {@code build}'s node to {@code box} at {@code index} (where it would have been from the
     * start) now if {@code wanted} holds, else the first time it does.
     */
    public static void add(Pane box, int index, ObservableBooleanValue wanted, Supplier<Node> build) {
        Runnable addIt = () -> box.getChildren().add(Math.min(index, box.getChildren().size()), build.get());
        if (wanted.get()) {
            addIt.run();
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
                addIt.run();
            }
        });
    }
}
