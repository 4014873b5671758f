package org.tokenlens.app.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.detail.VocabularyToken;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.app.vocab.VocabularySearch.Field;
import org.tokenlens.app.vocab.VocabularySearch.Sort;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/** The browser's state on bert's real vocabulary: search, count, invalid regex, sort, open. */
class VocabularyViewModelTest {

    @Test
    void searchCountsSortsAndOpens() {
        Tokenizer bert = new TokenizerRegistry().load("bert-base-uncased");
        List<VocabularyToken> opened = new ArrayList<>();
        VocabularyViewModel vm = new VocabularyViewModel(new CurrentThreadTaskRunner(), opened::add);
        vm.tokenizerProperty().set(bert);
        assertEquals("30,522 of 30,522 entries", vm.statusProperty().get());
        assertFalse(vm.hasRanksProperty().get()); // WordPiece has no merges

        vm.queryProperty().set("^##izations?$");
        // bert-base-uncased holds exactly these two continuation pieces
        assertEquals(List.of("##ization", "##izations"), vm.results().stream().map(VocabularyEntry::piece).toList());
        assertEquals("2 of 30,522 entries", vm.statusProperty().get());

        vm.queryProperty().set("(unclosed");
        assertTrue(vm.queryInvalidProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Invalid regex: Unclosed group"));

        vm.queryProperty().set("^ token"); // a WordPiece word decodes with the space before it
        vm.fieldProperty().set(Field.DECODED);
        vm.sortProperty().set(Sort.LENGTH);
        List<VocabularyEntry> rows = vm.results();
        assertEquals(" token", rows.get(0).decoded());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).length() <= rows.get(i).length());
        }
        vm.open(rows.get(0));
        assertEquals(List.of(new VocabularyToken(bert, bert.tokenToId("token"))), opened);

        vm.tokenizerProperty().set(null);
        assertTrue(vm.results().isEmpty());
    }
}
