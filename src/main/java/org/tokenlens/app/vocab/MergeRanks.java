package org.tokenlens.app.vocab;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.Trace;
import org.tokenlens.engine.tokenize.model.bpe.BpeModel;
import org.tokenlens.engine.tokenize.model.tiktoken.TiktokenTokenizer;
import org.tokenlens.engine.tokenize.pipeline.HfTokenizer;

/**
 * The merge rank that produces each vocabulary piece, found through the public engine API (the merge table is
 * the engine's private business). tiktoken: a multi-byte token's rank is its id. HF BPE: trace the piece as a
 * word; when its last merge yields the piece, that merge's rank. A model with {@code ignore_merges} (Llama 3)
 * traces every whole piece as a single lookup, so its ranks stay unknown. WordPiece, Unigram: no merges.
 */
final class MergeRanks {
    private MergeRanks() {
    }

    /** One rank per id (or {@link VocabularyEntry#NO_RANK}); null if the tokenizer has no merges at all. */
    static int[] of(Tokenizer tokenizer, BooleanSupplier cancelled) {
        int n = tokenizer.vocabSize();
        if (tokenizer instanceof TiktokenTokenizer) {
            int[] ranks = new int[n];
            for (int id = 0; id < n; id++) {
                byte[] b = tokenizer.isSpecial(id) ? null : tokenizer.tokenBytes(id);
                ranks[id] = b != null && b.length > 1 ? id : VocabularyEntry.NO_RANK;
            }
            return ranks;
        }
        if (tokenizer instanceof HfTokenizer hf && hf.model() instanceof BpeModel bpe) {
            int[] ranks = new int[n];
            Arrays.fill(ranks, VocabularyEntry.NO_RANK);
            int modelSize = Math.min(n, bpe.vocabSize());
            for (int id = 0; id < modelSize; id++) {
                if ((id & 1023) == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                String piece = bpe.idToToken(id);
                if (piece != null && piece.length() > 1) {
                    ranks[id] = rankOf(bpe, piece);
                }
            }
            return ranks;
        }
        return null;
    }

    private static int rankOf(BpeModel bpe, String piece) {
        if (!(bpe.trace(piece) instanceof Trace.Bpe trace) || trace.merges().isEmpty()) {
            return VocabularyEntry.NO_RANK;
        }
        Trace.Merge last = trace.merges().get(trace.merges().size() - 1);
        List<String> after = last.after();
        return after.size() == 1 && after.get(0).equals(piece) ? last.rank() : VocabularyEntry.NO_RANK;
    }
}
