package org.tokenlens.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.LaneViewModel;
import org.tokenlens.app.session.SessionModel;
import org.tokenlens.app.session.TokenRef;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import org.tokenlens.engine.tokenize.Trace;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.OracleEncoding;

/** The detail pane's state for chips and vocabulary entries; expected values worked out by hand. */
class TokenDetailViewModelTest {

    private static final TokenizerRegistry REGISTRY = new TokenizerRegistry();

    private static LaneViewModel lane(String tokenizer, String text) {
        return new LaneViewModel(REGISTRY::load, new CurrentThreadTaskRunner(), tokenizer, text);
    }

    @Test
    void bertChipShowsFactsAndWordPieceSteps() {
        SessionModel session = new SessionModel();
        TokenDetailViewModel vm = new TokenDetailViewModel(session, new CurrentThreadTaskRunner());
        assertNull(vm.factsProperty().get());
        String text = "Tökenization café";
        LaneViewModel lane = lane("bert-base-uncased", text);
        session.selectedTokenProperty().set(new TokenRef(lane, 2));
        TokenFacts f = vm.factsProperty().get();
        try (HfOracle oracle = HfOracle.fromResource(Fixtures.BERT_RESOURCE)) {
            OracleEncoding expected = oracle.encode(text, true);
            assertEquals(expected.ids()[2], f.id());
            assertEquals(expected.tokens()[2], f.piece());
            assertEquals(expected.starts()[2], f.start());
            assertEquals(expected.ends()[2], f.end());
            assertEquals(expected.wordIds()[2], f.wordIndex());
        }
        // By hand: lowercased, accents stripped: token ##ization; the second piece starts after "Tök" (1 UTF-16
        // unit each), i.e. at 5, and ö is two UTF-8 bytes, so its byte span is shifted by one.
        assertEquals("##ization", f.piece());
        assertEquals("ization", f.source());
        assertEquals(5, f.start());
        assertEquals(12, f.end());
        assertEquals(6, f.byteStart());
        assertEquals(13, f.byteEnd());
        assertEquals("69 7A 61 74 69 6F 6E", f.bytesHex());
        Trace.WordPiece wp = assertInstanceOf(Trace.WordPiece.class, vm.traceProperty().get());
        assertEquals("tokenization", wp.word());
        assertEquals("token", wp.steps().get(0).matched());
        assertEquals("tokenization", wp.steps().get(0).tried().get(0)); // longest candidate first
        assertEquals("##ization", wp.steps().get(1).matched());
        assertEquals("", vm.traceStatusProperty().get());

        session.selectedTokenProperty().set(new TokenRef(lane, 0)); // [CLS]: inserted, no span
        assertEquals(101, vm.factsProperty().get().id());
        assertTrue(vm.factsProperty().get().special());
        assertNull(vm.traceProperty().get());
        assertTrue(vm.traceStatusProperty().get().startsWith("Inserted"));
        assertEquals("— (inserted, no span in the text)", vm.factsProperty().get().rows().get(4).value());
    }

    @Test
    void newEncodingOfTheSelectedLaneRefreshesAndAnOutOfRangeIndexClears() {
        SessionModel session = new SessionModel();
        TokenDetailViewModel vm = new TokenDetailViewModel(session, new CurrentThreadTaskRunner());
        LaneViewModel lane = lane("cl100k_base", "hello world");
        session.selectedTokenProperty().set(new TokenRef(lane, 1));
        assertEquals(" world", vm.factsProperty().get().decoded());
        Trace.Bpe bpe = assertInstanceOf(Trace.Bpe.class, vm.traceProperty().get());
        assertEquals(List.of("Ġworld"), bpe.merges().get(bpe.merges().size() - 1).after());
        assertEquals(bpe.initial(), vm.replay().symbolsProperty().get());

        lane.tokenizerNameProperty().set("gpt2"); // same text, new encoding: facts follow
        assertEquals("r50k_base", vm.factsProperty().get().tokenizerName()); // gpt2 is its alias
        assertEquals(995, vm.factsProperty().get().id()); // " world" in r50k_base
    }

    @Test
    void vocabularyEntryReplacesTheChipSelectionAndTracesItsPiece() {
        SessionModel session = new SessionModel();
        TokenDetailViewModel vm = new TokenDetailViewModel(session, new CurrentThreadTaskRunner());
        session.selectedTokenProperty().set(new TokenRef(lane("cl100k_base", "hi"), 0));
        Tokenizer cl100k = REGISTRY.load("cl100k_base");
        int id = cl100k.tokenToId("Ġlowest");
        vm.vocabularyTokenProperty().set(new VocabularyToken(cl100k, id));
        assertNull(session.selectedTokenProperty().get());
        TokenFacts f = vm.factsProperty().get();
        assertEquals(-1, f.index());
        assertEquals(" lowest", f.decoded());
        assertEquals("Vocabulary entry " + id + " · cl100k_base", f.heading());
        Trace.Bpe bpe = assertInstanceOf(Trace.Bpe.class, vm.traceProperty().get());
        assertEquals(List.of("Ġ", "l", "o", "w", "e", "s", "t"), bpe.initial());
        assertEquals(List.of("Ġlowest"), bpe.merges().get(bpe.merges().size() - 1).after());

        Tokenizer bert = REGISTRY.load("bert-base-uncased");
        vm.vocabularyTokenProperty().set(new VocabularyToken(bert, bert.tokenToId("##ing")));
        Trace.WordPiece wp = assertInstanceOf(Trace.WordPiece.class, vm.traceProperty().get());
        assertEquals("##ing", wp.steps().get(0).matched());

        session.selectedTokenProperty().set(new TokenRef(lane("bert-base-uncased", "hi"), 1));
        assertNull(vm.vocabularyTokenProperty().get());
        assertEquals("hi", vm.factsProperty().get().piece());
    }
}
