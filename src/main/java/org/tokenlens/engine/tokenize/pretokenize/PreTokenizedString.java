package org.tokenlens.engine.tokenize.pretokenize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tokenlens.engine.tokenize.model.ModelToken;
import org.tokenlens.engine.tokenize.normalize.NormalizedString;

/**
 * The input cut into pieces ("splits"), each a {@link NormalizedString} aligned to the original, and, once the
 * model has run (or for added tokens, at once), its tokens. HF tokenizers' {@code PreTokenizedString}.
 */
public final class PreTokenizedString {

    /** One piece; {@code tokens} is null until tokenized. Token offsets are UTF-16 within the normalized piece. */
    public static final class Split {
        private final NormalizedString normalized;
        private List<ModelToken> tokens;

        public Split(NormalizedString normalized, List<ModelToken> tokens) {
            this.normalized = normalized;
            this.tokens = tokens;
        }

        public NormalizedString normalized() {
            return normalized;
        }

        /** Null while not yet tokenized. */
        public List<ModelToken> tokens() {
            return tokens;
        }
    }

    /** Splits one piece into pieces; receives the piece's index among the current splits. */
    @FunctionalInterface
    public interface SplitFunction {
        List<NormalizedString> split(int index, NormalizedString piece);
    }

    private final String input;
    private List<Split> splits;

    public PreTokenizedString(String input, List<Split> splits) {
        this.input = input;
        this.splits = splits;
    }

    /** The whole input as one piece. */
    public static PreTokenizedString of(String input) {
        List<Split> s = new ArrayList<>(1);
        s.add(new Split(NormalizedString.of(input), null));
        return new PreTokenizedString(input, s);
    }

    public String input() {
        return input;
    }

    public List<Split> splits() {
        return splits;
    }

    /**
     * Split every not-yet-tokenized piece with {@code fn}; empty results are dropped and tokenized pieces are kept
     * as they are (HF {@code PreTokenizedString::split}).
     */
    public void split(SplitFunction fn) {
        List<Split> next = new ArrayList<>(splits.size() * 2);
        for (int i = 0; i < splits.size(); i++) {
            Split s = splits.get(i);
            if (s.tokens != null) {
                next.add(s);
                continue;
            }
            for (NormalizedString piece : fn.split(i, s.normalized)) {
                if (!piece.isEmpty()) {
                    next.add(new Split(piece, null));
                }
            }
        }
        splits = next;
    }

    /** Splits one piece into pieces that may already carry their tokens (added tokens). */
    @FunctionalInterface
    public interface SplitsFunction {
        List<Split> split(int index, NormalizedString piece);
    }

    /** As {@link #split}, for a function that returns finished splits (some already tokenized). */
    public void splitInto(SplitsFunction fn) {
        List<Split> next = new ArrayList<>(splits.size() * 2);
        for (int i = 0; i < splits.size(); i++) {
            Split s = splits.get(i);
            if (s.tokens != null) {
                next.add(s);
                continue;
            }
            for (Split piece : fn.split(i, s.normalized)) {
                if (!piece.normalized.isEmpty()) {
                    next.add(piece);
                }
            }
        }
        splits = next;
    }

    /** Normalize every not-yet-tokenized piece in place. */
    public void normalize(Consumer<NormalizedString> normalizer) {
        for (Split s : splits) {
            if (s.tokens == null) {
                normalizer.accept(s.normalized);
            }
        }
    }

    /** Run the model on every not-yet-tokenized piece. */
    public void tokenize(Function<NormalizedString, List<ModelToken>> model) {
        for (Split s : splits) {
            if (s.tokens == null) {
                s.tokens = model.apply(s.normalized);
            }
        }
    }
}
