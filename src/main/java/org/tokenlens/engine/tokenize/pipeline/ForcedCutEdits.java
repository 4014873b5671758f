package org.tokenlens.engine.tokenize.pipeline;

import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.postprocess.TokenList;

/**
 * The {@linkplain EditPath edit path} of a pipeline with {@linkplain ForcedCuts forced cuts} (Gemma 3's): the text
 * between the nearest cuts around the change ({@link ForcedCuts#window}, which says why that is
 * {@code encode(text)}) is encoded alone, the tokens before and after are the previous ones; a window cut inside a
 * stretch continues the word of the token beside it.
 */
final class ForcedCutEdits implements EditPath {
    private final HfTokenizer pipeline;
    private final ForcedCuts cuts;

    ForcedCutEdits(HfTokenizer pipeline, ForcedCuts cuts) {
        this.pipeline = pipeline;
        this.cuts = cuts;
    }

    ForcedCuts cuts() {
        return cuts;
    }

    @Override
    public Encoding encodeEdited(Encoding previous, int first, int end, String text) {
        if (previous.wordIndex()[first] != 0 || previous.starts()[first] != 0) {
            return pipeline.encode(text); // not a default encoding
        }
        ForcedCuts.Window w = cuts.window(previous, first, end, text);
        if (w == null) {
            return pipeline.encode(text);
        }
        int[] words = previous.wordIndex();
        TokenList middle = pipeline.sequence(text.substring(w.from(), w.to()), true);
        int m = middle.size(); // 0 only for a window [0, 0): no words before the tail
        int last = m > 0 ? middle.wordIndex(m - 1) : 0;
        int wordBase = w.head() == first ? 0 : words[w.head() - 1] + (w.joinsHead() ? 0 : 1);
        int middleWords = m == 0 ? 0 : w.joinsTail() ? last : last + 1;
        return EditSplice.splice(pipeline, previous, text, end, w.head(), middle, w.from(), wordBase, middleWords,
                w.tail(), text.length() - previous.text().length());
    }

    /**
     * Stretches of at least {@link HfTokenizer#STRETCH} characters cut at forced cuts (a text with special tokens
     * matched; else null); the next stretch's first word is the last one's when the cut is inside a stretch of text.
     */
    @Override
    public TokenList sequenceInStretches(String text, boolean matchSpecial) {
        if (!matchSpecial) {
            return null;
        }
        TokenList out = new TokenList();
        int wordBase = 0;
        for (int from = 0; from < text.length(); ) {
            int cut = cuts.stretchEnd(text, from, from + HfTokenizer.STRETCH);
            int to = cut < 0 ? -cut - 1 : cut;
            TokenList part = pipeline.sequenceWhole(text.substring(from, to), true);
            wordBase = EditSplice.appendShifted(out, part, from, wordBase) - (cut >= 0 ? 1 : 0);
            from = to;
        }
        return out;
    }
}
