package dev.roundtrip.ui.exchanges;

import dev.roundtrip.ui.diagram.SequenceDiagram;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
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
    @FXML private TableColumn<ExchangeRow, ExchangeRow> statusColumn;
    @FXML private TableColumn<ExchangeRow, String> timeColumn;

    private ObservableList<ExchangeRow> rows;
    private ReadOnlyLongProperty selectedId;
    private boolean syncing;

    /** {@code select} is told when the user picks a row; the table follows {@code selectedId}. */
    public void bind(ObservableList<ExchangeRow> rows, ReadOnlyLongProperty selectedId, LongConsumer select) {
        this.rows = rows;
        this.selectedId = selectedId;
        exchangeTable.setItems(rows);
        idColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(String.valueOf(d.getValue().id())));
        methodColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().method()));
        targetColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().target()));
        timeColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().time()));
        statusColumn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        statusColumn.setCellFactory(col -> new StatusCell());
        exchangeTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && !syncing) select.accept(r.id());
        });
        selectedId.addListener((o, a, id) -> follow());
        rows.addListener((ListChangeListener<ExchangeRow>) ch -> Platform.runLater(this::follow));
    }

    public TableView<ExchangeRow> table() {
        return exchangeTable;
    }

    private void follow() {
        long id = selectedId.get();
        syncing = true;
        try {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id() == id) {
                    if (exchangeTable.getSelectionModel().getSelectedIndex() != i) {
                        exchangeTable.getSelectionModel().select(i);
                        exchangeTable.scrollTo(i);
                    }
                    break;
                }
            }
        } finally {
            syncing = false;
        }
    }

    private static final class StatusCell extends TableCell<ExchangeRow, ExchangeRow> {
        @Override
        protected void updateItem(ExchangeRow r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeIf(s -> s.startsWith("severity-"));
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(r.status());
            setGraphic(new FontIcon(SequenceDiagram.severityIcon(r.severity())));
            getStyleClass().add(r.severity().styleClass());
        }
    }
}
