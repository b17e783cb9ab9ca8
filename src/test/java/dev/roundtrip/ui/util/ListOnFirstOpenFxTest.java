package dev.roundtrip.ui.util;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.ui.Fixtures;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.shell.MainViewModel;
import dev.roundtrip.ui.shell.ReplayPort;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's combo boxes keep their drop-down lists out of the first scene; a list that first
 * opens is styled, holds the items, sizes its popup and sets the combo box's value as JavaFX's own.
 */
@ExtendWith(ApplicationExtension.class)
class ListOnFirstOpenFxTest {
    private Stage stage;
    private MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        fx(() -> {
            if (view != null) view.stop();
            stage.hide();
        });
    }

    private static <T extends Node> List<T> under(Node n, Class<T> type, List<T> found) {
        if (type.isInstance(n)) found.add(type.cast(n));
        if (n instanceof Parent p) for (Node kid : p.getChildrenUnmodifiable()) under(kid, type, found);
        return found;
    }

    @Test
    void theWindowsFirstSceneHasItsComboBoxesButNoneOfTheirLists() {
        view = fx(() -> {
            MainView v = MainView.load(new MainViewModel(new ReplayPort(Fixtures.classroom(), "fixtures")));
            stage.setScene(v.scene(1280, 720));
            stage.show();
            v.start();
            return v;
        });
        List<ComboBox<?>> boxes = fx(() -> {
            view.root().applyCss();
            view.root().layout();
            List<ComboBox<?>> all = new ArrayList<>();
            for (ComboBox<?> b : under(view.root(), ComboBox.class, new ArrayList<>())) all.add(b);
            return all;
        });
        assertThat(fx(() -> boxes.stream().map(Node::getId).toList())).as("method, protocol and speed").contains("methodBox", "protocolBox", "speedBox");
        for (ComboBox<?> b : boxes) {
            assertThat(fx(() -> under(b, ListView.class, new ArrayList<>()))).as(b.getId() + "'s list before it opens").isEmpty();
            assertThat(fx(() -> b.getSkin())).as(b.getId()).isInstanceOf(ListOnFirstOpen.class);
        }
    }

    @Test
    void aListThatFirstOpensIsStyledHoldsTheItemsAndSetsTheValue() {
        ComboBox<String> box = fx(() -> {
            ComboBox<String> b = new ComboBox<>();
            b.setPrefWidth(120);
            b.getItems().setAll("GET", "POST", "DELETE");
            b.setValue("GET");
            ListOnFirstOpen.install(b);
            stage.setScene(new Scene(new StackPane(b), 400, 300));
            stage.show();
            return b;
        });
        ListOnFirstOpen<?> skin = fx(() -> (ListOnFirstOpen<?>) box.getSkin());
        assertThat(fx(skin::joined)).isFalse();
        assertThat(fx(() -> box.getWidth())).as("its width is the one set").isEqualTo(120.0);

        fx(box::show);
        @SuppressWarnings("unchecked")
        ListView<String> list = fx(() -> (ListView<String>) skin.getPopupContent());
        waitUntil("the list is in the open popup", () -> fx(() -> list.getScene() != null && list.getScene().getWindow().isShowing()));
        assertThat(fx(skin::joined)).isTrue();
        assertThat(fx(list::getItems)).containsExactly("GET", "POST", "DELETE");
        assertThat(fx(() -> list.getStyleClass())).as("styled as a combo box's list").contains("list-view");
        waitUntil("the popup is at least as wide as the combo box", () -> fx(() -> list.getWidth() >= box.getWidth()));
        assertThat(fx(() -> list.getSelectionModel().getSelectedItem())).as("the value is the list's selection").isEqualTo("GET");

        fx(() -> list.getSelectionModel().select("DELETE"));
        assertThat(fx(box::getValue)).isEqualTo("DELETE");
        fx(box::hide);
        fx(box::show);
        waitUntil("it opens again", () -> fx(() -> list.getScene() != null && list.getScene().getWindow().isShowing()));
        fx(box::hide);
    }
}
