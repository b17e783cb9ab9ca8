package dev.roundtrip.ui.exchanges;

import dev.roundtrip.ui.util.Language;
import dev.roundtrip.ui.diagram.SequenceDiagram;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.javafx.FontIcon;

/** The exchange table: shows the rows, follows the selected exchange, reports a click. Wiring only. */
public final class ExchangeListView {
    @FXML private TableView<ExchangeRow> exchangeTable;
    @FXML private TableColumn<ExchangeRow, String> idColumn;
    @FXML private TableColumn<ExchangeRow, String> methodColumn;
    @FXML private TableColumn<ExchangeRow, String> targetColumn;
    @FXML private TableColumn<ExchangeRow, String> protocolColumn;
    @FXML private TableColumn<ExchangeRow, ExchangeRow> statusColumn;
    @FXML private TableColumn<ExchangeRow, String> timeColumn;

    private ExchangeListViewModel vm;
    private ReadOnlyLongProperty selectedId;
    private boolean syncing;
    private boolean compact;

    /** {@code select} is told when the user picks a row; the table follows {@code selectedId}. */
    public void bind(ExchangeListViewModel vm, ReadOnlyLongProperty selectedId, LongConsumer select) {
        this.vm = vm;
        this.selectedId = selectedId;
        exchangeTable.setItems(vm.rows());
        idColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(String.valueOf(d.getValue().id())));
        methodColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().method()));
        targetColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(compact ? d.getValue().oneLine() : d.getValue().target()));
        protocolColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().protocol()));
        targetColumn.setCellFactory(col -> new WrappingCell());
        timeColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().time()));
        statusColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        statusColumn.setCellFactory(col -> new StatusCell());
        exchangeTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && !syncing) select.accept(r.id());
        });
        selectedId.addListener((o, a, id) -> follow());
        vm.rows().addListener((ListChangeListener<ExchangeRow>) ch -> Platform.runLater(this::follow));
    }

    /**
     * The projector layout's narrow list: the method goes in front of the target in one "Request"
     * column, and the time under the status in the status column, so a long target and a status
     * word ("Cancelled", "Abgebrochen") keep their width beside a scroll bar; a long target wraps
     * (after a '?' or '&amp;' too) rather than being cut.
     */
    public void setCompact(boolean on) {
        if (on == compact) return;
        compact = on;
        methodColumn.setVisible(!on);
        timeColumn.setVisible(!on); // the narrow list says it under the status
        protocolColumn.setVisible(!on); // the narrow list says it after the request
        Language.bind(targetColumn.textProperty(), ExchangeListViewModel.T, on ? "request" : "target");
        targetColumn.setPrefWidth(on ? 130 : 84);
        statusColumn.setPrefWidth(on ? 150 : 96);
        exchangeTable.refresh();
    }

    public TableView<ExchangeRow> table() {
        return exchangeTable;
    }

    private void follow() {
        int i = vm.indexOf(selectedId.get());
        if (i < 0 || exchangeTable.getSelectionModel().getSelectedIndex() == i) return;
        syncing = true;
        try {
            exchangeTable.getSelectionModel().select(i);
            exchangeTable.scrollTo(i);
        } finally {
            syncing = false;
        }
    }

    /**
     * A wrapping cell whose height is that of its text wrapped at its column's width: the row asks its
     * cells for their height at no width (-1), where a Labeled answers one line, so a third line was cut to "…".
     */
    private abstract static class ColumnWideCell<T> extends TableCell<ExchangeRow, T> {
        ColumnWideCell() {
            setWrapText(true);
        }

        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width < 0 && getTableColumn() != null ? getTableColumn().getWidth() : width);
        }
    }

    /**
     * A target is never cut to "…": it wraps onto a second line, after a '?' or '&amp;' too (JavaFX wraps
     * at spaces only; a zero-width space marks those places, "/slow?ms=5000" has no space).
     */
    private static final class WrappingCell extends ColumnWideCell<String> {

        @Override
        protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty ? null : s.replaceAll("([?&])", "$1\u200B"));
            setAccessibleText(empty ? null : s);
        }
    }

    private final class StatusCell extends ColumnWideCell<ExchangeRow> {

        @Override
        protected void updateItem(ExchangeRow r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeIf(s -> s.startsWith("severity-"));
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(compact ? r.status() + "\n" + r.time() : r.status());
            setGraphic(new FontIcon(SequenceDiagram.severityIcon(r.severity())));
            getStyleClass().add(r.severity().styleClass());
        }
    }
}
