package org.tokenlens.engine.tokenize.pipeline;

import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.TextEdit;
import org.tokenlens.engine.tokenize.normalize.Normalizer;
import org.tokenlens.engine.tokenize.postprocess.PostProcessor;
import org.tokenlens.engine.tokenize.postprocess.TokenList;
import org.tokenlens.engine.tokenize.pretokenize.PreTokenizer;

/**
 * The {@linkplain EditPath edit path} of a pipeline that cuts at ASCII white space (BERT's): the stretch from just
 * after the last ASCII white space before the change to the first one after it is encoded alone; the tokens before
 * and after are the previous ones (moved by the edit's length change, their words renumbered), between the same
 * special tokens. Normalizer, pre-tokenizer and added tokens treat the text on either side of such a character
 * independently and the model sees one word at a time, so this is what encoding the whole text gives.
 */
final class WhiteSpaceEdits implements EditPath {
    private final HfTokenizer pipeline;

    private WhiteSpaceEdits(HfTokenizer pipeline) {
        this.pipeline = pipeline;
    }

    /** The path for {@code pipeline} if its stages cut at ASCII white space, else null. */
    static WhiteSpaceEdits of(HfTokenizer pipeline, Normalizer normalizer, PreTokenizer preTokenizer,
                              PostProcessor postProcessor, AddedVocabulary added) {
        boolean cuts = (normalizer == null || normalizer.cutsAtAsciiWhitespace()) && preTokenizer != null
                && preTokenizer.cutsAtAsciiWhitespace() && (postProcessor == null || postProcessor.wrapsSequence())
                && added.all().stream().noneMatch(a -> a.lstrip() || a.rstrip() || a.content().isBlank()
                        || a.content().chars().anyMatch(WhiteSpaceEdits::isAsciiWhitespace));
        return cuts ? new WhiteSpaceEdits(pipeline) : null;
    }

    static boolean isAsciiWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    @Override
    public Encoding encodeEdited(Encoding previous, int first, int end, String text) {
        int[] words = previous.wordIndex();
        String old = previous.text();
        TextEdit edit = TextEdit.between(old, text);
        int from = edit.head();
        while (from > 0 && !isAsciiWhitespace(old.charAt(from - 1))) {
            if (edit.head() - from > HfTokenizer.CUT_SEARCH) {
                return pipeline.encode(text);
            }
            from--;
        }
        int to = edit.tailStart();
        while (to < text.length() && !isAsciiWhitespace(text.charAt(to))) {
            if (to - edit.tailStart() > HfTokenizer.CUT_SEARCH) {
                return pipeline.encode(text);
            }
            to++;
        }
        int shift = edit.shift();
        int head = previous.firstStartingAt(first, end, from); // previous tokens before the cut
        int tail = previous.firstStartingAt(head, end, to - shift); // the first previous token after the stretch
        TokenList middle = pipeline.sequence(text.substring(from, to), true);
        int m = middle.size();
        int wordBase = head > first ? words[head - 1] + 1 : 0;
        int middleWords = m > 0 ? middle.wordIndex(m - 1) + 1 : 0;
        return EditSplice.splice(pipeline, previous, text, end, head, middle, from, wordBase, middleWords, tail,
                shift);
    }

    /** Stretches of at least {@link HfTokenizer#STRETCH} characters, each cut right after ASCII white space. */
    @Override
    public TokenList sequenceInStretches(String text, boolean matchSpecial) {
        TokenList out = new TokenList();
        int wordBase = 0;
        for (int from = 0; from < text.length(); ) {
            int to = Math.min(text.length(), from + HfTokenizer.STRETCH);
            while (to < text.length() && !isAsciiWhitespace(text.charAt(to - 1))) {
                to++;
            }
            wordBase = EditSplice.appendShifted(out, pipeline.sequenceWhole(text.substring(from, to), matchSpecial),
                    from, wordBase);
            from = to;
        }
        return out;
    }
}
