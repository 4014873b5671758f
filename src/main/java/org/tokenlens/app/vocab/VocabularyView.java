package org.tokenlens.app.vocab;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tokenlens.app.detail.TokenFacts;
import org.tokenlens.app.vocab.VocabularySearch.Field;
import org.tokenlens.app.vocab.VocabularySearch.Sort;

/**
 * The vocabulary browser: a regex field, what it searches, the order, and a virtualized table (TableView
 * creates cells only for visible rows, so 200k entries cost nothing to show). Double-click or Enter opens a row.
 */
public final class VocabularyView extends BorderPane {

    private final VocabularyViewModel viewModel;
    private final TextField search = new TextField();
    private final ChoiceBox<Field> field = new ChoiceBox<>();
    private final ChoiceBox<Sort> sort = new ChoiceBox<>();
    private final Label status = new Label();
    private final TableView<VocabularyEntry> table = new TableView<>();
    private final TableColumn<VocabularyEntry, Number> rankColumn = new TableColumn<>("merge rank");

    public VocabularyView(VocabularyViewModel viewModel) {
        this.viewModel = viewModel;
        createView();
        initBindings();
    }

    private void createView() {
        getStyleClass().add("vocabulary-view");
        getStylesheets().add(VocabularyView.class.getResource("vocabulary.css").toExternalForm());
        search.setId("vocabSearch");
        search.setPromptText("regex, e.g. ^Ġ?token|ing$");
        search.getStyleClass().add("vocab-search");
        field.getItems().setAll(Field.values());
        field.setId("vocabField");
        sort.getItems().setAll(Sort.values());
        sort.setId("vocabSort");
        Label in = new Label("in");
        Label by = new Label("sort by");
        HBox options = new HBox(8, in, field, by, sort);
        options.setAlignment(Pos.CENTER_LEFT);
        status.setId("vocabStatus");
        status.getStyleClass().add("vocab-status");
        VBox top = new VBox(6, search, options, status);
        top.setPadding(new Insets(8, 8, 6, 8));
        setTop(top);

        table.setId("vocabTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No entries"));
        TableColumn<VocabularyEntry, Number> id = new TableColumn<>("id");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        id.setPrefWidth(80);
        TableColumn<VocabularyEntry, String> piece = new TableColumn<>("piece");
        piece.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().piece()));
        piece.setPrefWidth(150);
        TableColumn<VocabularyEntry, String> text = new TableColumn<>("text / bytes");
        text.setCellValueFactory(c -> new ReadOnlyStringWrapper(shown(c.getValue())));
        text.setPrefWidth(150);
        TableColumn<VocabularyEntry, Number> length = new TableColumn<>("bytes");
        length.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().length()));
        length.setPrefWidth(60);
        rankColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().hasRank()
                ? c.getValue().mergeRank() : null));
        rankColumn.setPrefWidth(90);
        for (TableColumn<VocabularyEntry, ?> c : java.util.List.of(id, piece, text, length, rankColumn)) {
            c.setSortable(false); // the order is the view model's, computed off the FX thread
            c.getStyleClass().add("vocab-column");
        }
        table.getColumns().setAll(java.util.List.of(id, piece, text, length, rankColumn));
        table.setRowFactory(t -> {
            TableRow<VocabularyEntry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        setCenter(table);
    }

    /** Whole characters as text with visible whitespace; a piece holding part of a character as hex. */
    private static String shown(VocabularyEntry e) {
        return e.decoded().indexOf('\uFFFD') >= 0 ? "<" + e.hex() + ">" : TokenFacts.visible(e.decoded());
    }

    private void initBindings() {
        search.textProperty().bindBidirectional(viewModel.queryProperty());
        field.valueProperty().bindBidirectional(viewModel.fieldProperty());
        sort.valueProperty().bindBidirectional(viewModel.sortProperty());
        status.textProperty().bind(viewModel.statusProperty());
        table.setItems(viewModel.results());
        rankColumn.visibleProperty().bind(viewModel.hasRanksProperty());
        viewModel.queryInvalidProperty().addListener((obs, was, bad) ->
                search.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), bad));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        search.setOnAction(e -> { // Enter in the search field: into the table
            if (!table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            }
        });
    }

    /** Focus the search field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public TableView<VocabularyEntry> table() {
        return table;
    }
}
