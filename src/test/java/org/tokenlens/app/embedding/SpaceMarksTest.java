package org.tokenlens.app.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tokenlens.engine.embed.ops.TokenMetadata;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/** "Leading space / continuation" colouring named in each vocabulary's own terms, counted from its pieces. */
class SpaceMarksTest {
    private static final TokenizerRegistry REGISTRY = new TokenizerRegistry();

    private static int[] counts(ColourBy.Categories c) {
        int[] n = new int[c.names().size()];
        for (byte b : c.categories()) {
            n[b]++;
        }
        return n;
    }

    @Test
    void gpt2MarksLeadingSpacesWithĠAndHasNoContinuations() {
        Tokenizer t = REGISTRY.load("gpt2");
        int[] ids = IntStream.range(0, t.vocabSize()).toArray();
        ColourBy.Categories c = ColourBy.SPACE.categorise(ids, TokenMetadata.of(t), t::idToToken);
        assertEquals(List.of("leading space (Ġ)", "no leading space", "special"), c.names());
        // from the pieces: "Ġ…" is a space and what follows (GPT-2's literal "####" is no continuation)
        long special = IntStream.of(ids).filter(id -> t.idToToken(id).equals("<|endoftext|>")).count();
        long spaced = IntStream.of(ids).filter(id -> t.idToToken(id).startsWith("Ġ")).count();
        assertEquals(1, special);
        assertEquals(List.of(spaced, ids.length - spaced - special, special),
                IntStream.of(counts(c)).asLongStream().boxed().toList());
    }

    @Test
    void bertHasWordStartsAndContinuationsButNoLeadingSpace() {
        Tokenizer t = REGISTRY.load("bert-base-uncased");
        int[] ids = IntStream.range(0, t.vocabSize()).toArray();
        ColourBy.Categories c = ColourBy.SPACE.categorise(ids, TokenMetadata.of(t), t::idToToken);
        assertEquals(List.of("word start", "continuation (##)", "special"), c.names());
        long continuation = IntStream.of(ids).filter(id -> t.idToToken(id).matches("##.+")).count();
        int[] n = counts(c);
        assertEquals(continuation, n[1]);
        assertEquals(5, n[2]);
        assertEquals(t.vocabSize(), n[0] + n[1] + n[2]);
        // the colouring of a subset keeps the vocabulary's categories (and colours) though it has no ## piece
        int[] words = IntStream.of(ids).filter(id -> t.idToToken(id).matches("[a-z]+")).toArray();
        ColourBy.Categories sub = ColourBy.SPACE.categorise(words, TokenMetadata.of(t), t::idToToken);
        assertEquals(c.names(), sub.names());
        assertEquals(words.length, counts(sub)[0]);
    }
}
