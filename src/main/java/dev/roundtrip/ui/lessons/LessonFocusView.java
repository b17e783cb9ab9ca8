package dev.roundtrip.ui.lessons;

import dev.roundtrip.queue.WorkQueue;
import dev.roundtrip.ui.diagram.SequenceDiagram;
import dev.roundtrip.ui.diagram.queue.QueueDiagram;
import dev.roundtrip.ui.shell.MainView;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A lesson step's focus, drawn on the main window: glowing lifelines and stage rows, the exchange
 * list, the inspector tab that holds the readout, and lesson 12's queue diagram in place of the HTTP
 * one while a step points at it.
 */
final class LessonFocusView {
    private final MainView view;
    private final QueueDiagram queueDiagram = new QueueDiagram();
    private double splitBefore = -1;

    LessonFocusView(MainView view) {
        this.view = view;
        SequenceDiagram diagram = view.diagram();
        if (diagram.getParent() instanceof Pane) {
            Pane area = (Pane) diagram.getParent();
            area.getChildren().add(area.getChildren().indexOf(diagram) + 1, queueDiagram);
            VBox.setVgrow(queueDiagram, Priority.ALWAYS);
        }
        showQueue(false);
    }

    QueueDiagram queueDiagram() {
        return queueDiagram;
    }

    void setQueue(WorkQueue q) {
        queueDiagram.setQueue(q);
    }

    /** Per frame: a queue run is drawn while it goes on. */
    void refresh() {
        queueDiagram.refresh();
    }

    void apply(LessonFocus f) {
        view.diagram().setFocus(f.lifelines(), f.stages());
        Node table = view.root().lookup("#exchangeTable");
        if (table != null) mark(table, f.exchangeList());
        for (Tab t : view.inspector().root().getTabs()) t.getStyleClass().remove("lesson-focus");
        if (f.tab() != null) {
            view.inspector().show(f.tab());
            view.inspector().tab(f.tab()).getStyleClass().add("lesson-focus");
        }
        view.viewModel().readoutWantedProperty().set(f.tab() != null);
        showQueue(f.queueDiagram());
    }

    private static void mark(Node n, boolean on) {
        if (on && !n.getStyleClass().contains("lesson-focus")) n.getStyleClass().add("lesson-focus");
        if (!on) n.getStyleClass().remove("lesson-focus");
    }

    /** The divider's place that leaves the inspector its row of tabs, whole (a fixed 0.96 cut them in half at 768 px). */
    private static double tabsOnly(SplitPane sp) {
        Node tabs = sp.getItems().get(1).lookup(".tab-header-area");
        double h = tabs == null ? 48 : tabs.getLayoutBounds().getHeight() + 8;
        return sp.getHeight() <= 0 ? 0.9 : Math.max(0.5, 1 - h / sp.getHeight());
    }

    /** Lesson 12: the queue run in place of the HTTP diagram while a step points at it. */
    private void showQueue(boolean on) {
        // the HTTP readouts say nothing about the queue: give its diagram the height while it is shown
        SplitPane sp = view.centerSplit();
        if (queueDiagram.isVisible() != on && sp.getDividers().size() == 1) {
            if (on) {
                splitBefore = sp.getDividerPositions()[0];
                sp.setDividerPositions(tabsOnly(sp));
            } else if (splitBefore > 0) {
                sp.setDividerPositions(splitBefore);
            }
        }
        queueDiagram.setVisible(on);
        queueDiagram.setManaged(on);
        view.diagram().setVisible(!on);
        view.diagram().setManaged(!on);
        Node playback = view.root().lookup("#playbackBar");
        if (playback != null) {
            playback.setVisible(!on);
            playback.setManaged(!on);
        }
    }
}
