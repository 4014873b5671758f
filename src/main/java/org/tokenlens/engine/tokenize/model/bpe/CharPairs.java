package org.tokenlens.engine.tokenize.model.bpe;

/**
 * The pairs of code points that stand next to each other inside some piece of a BPE vocabulary. Where two
 * characters of a word are no such pair, BPE cuts the word between them: see {@link BpeModel#innerPairs}.
 */
public final class CharPairs {
    private final LongIntMap pairs;

    private CharPairs(LongIntMap pairs) {
        this.pairs = pairs;
    }

    /** The pairs inside the vocabulary's pieces; null if two pieces share an id (a token's piece is then unsure). */
    static CharPairs of(VocabMap vocab) {
        LongIntMap pairs = new LongIntMap(1 << 12);
        boolean[] aliased = {false};
        vocab.forEach((piece, id) -> {
            if (!piece.equals(vocab.token(id))) {
                aliased[0] = true;
            }
            for (int i = 0; i < piece.length(); ) {
                int first = piece.codePointAt(i);
                i += Character.charCount(first);
                if (i < piece.length()) {
                    pairs.put(LongIntMap.pair(first, piece.codePointAt(i)), 0);
                }
            }
        });
        return aliased[0] ? null : new CharPairs(pairs);
    }

    /** Whether {@code first} followed by {@code second} occurs inside some piece. */
    public boolean contains(int first, int second) {
        return pairs.get(LongIntMap.pair(first, second)) >= 0;
    }

    /** Number of distinct pairs. */
    public int size() {
        return pairs.size();
    }
}
