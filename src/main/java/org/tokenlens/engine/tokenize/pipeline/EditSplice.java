package org.tokenlens.engine.tokenize.pipeline;

import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.postprocess.TokenList;

/** What the {@linkplain EditPath edit paths} share: finding the previous sequence, and splicing the new one. */
final class EditSplice {

    private EditSplice() {
    }

    /**
     * The previous encoding's sequence {@code [first, end)}: the one run of tokens with a word, between the
     * post-processor's specials; null if there are no such tokens (which specials went before the sequence and
     * which after is then unknown) or they are not one run.
     */
    static int[] sequenceRun(Encoding previous) {
        int size = previous.size();
        int[] words = previous.wordIndex();
        int first = 0;
        while (first < size && words[first] < 0) {
            first++;
        }
        if (first == size) {
            return null;
        }
        int end = first;
        while (end < size && words[end] >= 0) {
            end++;
        }
        for (int i = end; i < size; i++) {
            if (words[i] >= 0) {
                return null;
            }
        }
        return new int[] {first, end};
    }

    /**
     * The previous encoding's tokens before {@code head}, then {@code middle}'s (offsets moved by
     * {@code offset}, words by {@code wordBase}; {@code middleWords} words; bytes from {@code pipeline}), then the
     * previous sequence's tokens from {@code tail} to {@code end} moved by the edit's {@code shift} and renumbered
     * after the middle's words, then the previous specials after the sequence, unmoved.
     */
    static Encoding splice(HfTokenizer pipeline, Encoding previous, String text, int end, int head, TokenList middle,
                           int offset, int wordBase, int middleWords, int tail, int shift) {
        int size = previous.size();
        int[] words = previous.wordIndex();
        int m = middle.size();
        int wordShift = tail < end ? wordBase + middleWords - words[tail] : 0;
        int n = size - (tail - head) + m;
        int[] ids = new int[n];
        String[] tokens = new String[n];
        byte[][] bytes = new byte[n][];
        int[] newStarts = new int[n];
        int[] newEnds = new int[n];
        boolean[] special = new boolean[n];
        int[] newWords = new int[n];
        Encoding.copy(previous, 0, head, 0, 0, 0, ids, tokens, bytes, newStarts, newEnds, special, newWords);
        for (int k = 0; k < m; k++) {
            int at = head + k;
            ids[at] = middle.id(k);
            tokens[at] = middle.token(k);
            bytes[at] = pipeline.bytesOf(middle.id(k), middle.token(k));
            newStarts[at] = middle.start(k) + offset;
            newEnds[at] = middle.end(k) + offset;
            special[at] = middle.special(k);
            newWords[at] = middle.wordIndex(k) + wordBase;
        }
        int at = head + m; // the sequence's tail moves; the specials after it do not
        Encoding.copy(previous, tail, end, at, shift, wordShift, ids, tokens, bytes, newStarts, newEnds, special,
                newWords);
        Encoding.copy(previous, end, size, at + end - tail, 0, 0, ids, tokens, bytes, newStarts, newEnds, special,
                newWords);
        return new Encoding(text, ids, tokens, bytes, newStarts, newEnds, special, newWords,
                new Encoding.Edited(previous, head, size - tail));
    }

    /**
     * Adds {@code part}'s tokens to {@code out}, spans moved by {@code offset}, words by {@code wordBase}; returns
     * the word after the last one added ({@code wordBase} if none).
     */
    static int appendShifted(TokenList out, TokenList part, int offset, int wordBase) {
        int n = part.size();
        for (int i = 0; i < n; i++) {
            out.add(part.id(i), part.token(i), part.start(i) + offset, part.end(i) + offset, part.special(i),
                    part.wordIndex(i) + wordBase, 0);
        }
        return n > 0 ? part.wordIndex(n - 1) + wordBase + 1 : wordBase;
    }
}
