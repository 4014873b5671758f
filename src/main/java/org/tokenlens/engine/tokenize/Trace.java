package org.tokenlens.engine.tokenize;

import java.util.List;

/** How a model split one word, for teaching: replayable step by step. */
public sealed interface Trace permits Trace.Bpe, Trace.WordPiece, Trace.Unigram, Trace.Single {

    /** The word (pre-token) as the model saw it, e.g. {@code Ġlowest} after byte-level mapping. */
    String word();

    /**
     * BPE: the initial symbols, then each merge in the order applied.
     *
     * @param initial the symbols before any merge (characters, bytes or byte-fallback pieces)
     * @param merges  the merges applied, in order
     */
    record Bpe(String word, List<String> initial, List<Merge> merges) implements Trace {
        public Bpe {
            initial = List.copyOf(initial);
            merges = List.copyOf(merges);
        }
    }

    /**
     * One BPE merge: the pair at symbol position {@code position} (index into the symbol list before the merge),
     * its rank (lower merges first), the merged piece and its id, and the symbols after the merge.
     */
    record Merge(String left, String right, int rank, String result, int id, int position, List<String> after) {
        public Merge {
            after = List.copyOf(after);
        }
    }

    /** WordPiece: greedy longest-match-first; each step is the piece found at a start offset, or unknown. */
    record WordPiece(String word, List<WordPieceStep> steps, boolean unknown) implements Trace {
        public WordPiece {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One WordPiece step: from {@code start} (UTF-16 offset in the word), the candidates tried from longest to
     * shortest (with their {@code ##} prefix when not at the word's start), and the one matched (null if none).
     */
    record WordPieceStep(int start, List<String> tried, String matched, int id) {
        public WordPieceStep {
            tried = List.copyOf(tried);
        }
    }

    /** Unigram: the Viterbi best path: pieces with their log-probability scores, and the total. */
    record Unigram(String word, List<UnigramPiece> path, double totalScore) implements Trace {
        public Unigram {
            path = List.copyOf(path);
        }
    }

    record UnigramPiece(String piece, int id, double score, int start, int end, boolean unknown) {
    }

    /** A word the model maps to one id without a split (WordLevel, an exact vocabulary hit, an added token). */
    record Single(String word, String piece, int id) implements Trace {
    }
}
