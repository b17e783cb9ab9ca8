package dev.roundtrip.ui.util;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;

/**
 * A combo box whose drop-down list joins the window when the list first opens. JavaFX's own skin puts
 * the list (a ListView with its virtual flow and scroll bars, about 20 nodes) among the combo box's
 * children from the start, hidden, so that it is styled for the first open and its width counts in
 * the combo box's preferred width: in the first scene that is styling and layout of nothing visible.
 * Here the list is put there only just before it first opens, and from then on all is as JavaFX has
 * it. Only for combo boxes whose preferred width is set (FXML or CSS): the list's width is not asked.
 */
public final class ListOnFirstOpen<T> extends ComboBoxListViewSkin<T> {
    private boolean joined;

    private ListOnFirstOpen(ComboBox<T> box) {
        super(box);
        getChildren().remove(getPopupContent());
    }

    /** Gives {@code box} this skin; before it is first styled, so JavaFX's own skin is never made. */
    public static <T> void install(ComboBox<T> box) {
        box.setSkin(new ListOnFirstOpen<>(box));
    }

    /** Whether the list has joined the combo box (it has once it was first opened). */
    public boolean joined() {
        return joined;
    }

    @Override
    public void show() {
        if (!joined) {
            joined = true;
            Node list = getPopupContent();
            // as JavaFX's skin has it from the start: styled beside the combo box before the popup sizes itself
            if (list.getParent() == null) getChildren().add(list);
            getSkinnable().applyCss();
        }
        super.show();
    }
}
