package org.tokenlens.engine.tokenize.pipeline;

import java.util.Collection;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.TextEdit;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.bpe.BpeModel;
import org.tokenlens.engine.tokenize.model.bpe.CharPairs;
import org.tokenlens.engine.tokenize.normalize.Normalizer;
import org.tokenlens.engine.tokenize.normalize.ReplaceNormalizer;
import org.tokenlens.engine.tokenize.postprocess.PostProcessor;
import org.tokenlens.engine.tokenize.pretokenize.PreTokenizer;
import org.tokenlens.engine.tokenize.pretokenize.SplitPreTokenizer;

/**
 * Where a pipeline whose model sees each stretch between added tokens as one word (Gemma 3's: Replace
 * {@code " "→"▁"}, a Split on {@code " "} that then never matches, byte-fallback BPE) can be cut: between two
 * characters that stand next to each other in no piece of the vocabulary (a "forced cut", {@link
 * BpeModel#innerPairs}), BPE of the word is BPE of either side. {@link ForcedCutEdits} re-encodes only the text
 * between the nearest such cuts around an edit.
 * <p>The pipeline it takes: no normalizer, or a Replace of one literal code point by one code point (each
 * character's output is its own, one unit for one, so offsets within a window are those in the whole text);
 * no pre-tokenizer, or a Split on a literal, not inverted, that contains the replaced character while the
 * replacement does not (it never matches what the normalizer gives); such a BPE; a post-processor that only
 * wraps the sequence; added tokens matched as written (not normalized; no single_word, lstrip, rstrip). The
 * sequence is then: the added tokens found by one left-to-right scan of the raw text (leftmost, longest), each its
 * own word, and between them stretches each one word, split by BPE.
 */
final class ForcedCuts {
    private final CharPairs pairs;
    private final int replaced;
    private final int replacement;
    private final AddedVocabulary.Trie addedTexts;
    /** How far back of a change an added token that the change could alter may start (at least 1). */
    private final int reach;

    private ForcedCuts(CharPairs pairs, int replaced, int replacement, AddedVocabulary.Trie addedTexts,
                       int longestAdded) {
        this.pairs = pairs;
        this.replaced = replaced;
        this.replacement = replacement;
        this.addedTexts = addedTexts;
        this.reach = Math.max(1, longestAdded);
    }

    /** The forced cuts of such a pipeline (see the class), or null. */
    static ForcedCuts of(Normalizer normalizer, PreTokenizer preTokenizer, Model model, PostProcessor postProcessor,
                         Collection<AddedToken> added, AddedVocabulary.Trie addedTexts, int longestAdded) {
        int replaced = -1;
        int replacement = -1;
        if (normalizer instanceof ReplaceNormalizer r && r.literal() != null
                && r.literal().codePointCount(0, r.literal().length()) == 1
                && r.content().codePointCount(0, r.content().length()) == 1) {
            replaced = r.literal().codePointAt(0);
            replacement = r.content().codePointAt(0);
        } else if (normalizer != null) {
            return null;
        }
        int gone = replaced != replacement ? replaced : -1; // a character the normalized text never holds
        boolean wholeWords = preTokenizer == null || preTokenizer instanceof SplitPreTokenizer split
                && split.literal() != null && !split.invert() && gone >= 0
                && split.literal().codePoints().anyMatch(c -> c == gone);
        boolean plainAdded = added.stream().allMatch(a -> !a.normalized() && !a.singleWord() && !a.lstrip()
                && !a.rstrip());
        if (!wholeWords || !plainAdded || !(model instanceof BpeModel bpe)
                || postProcessor != null && !postProcessor.wrapsSequence()) {
            return null;
        }
        CharPairs pairs = bpe.innerPairs();
        return pairs == null ? null
                : new ForcedCuts(pairs, replaced, replacement, addedTexts, longestAdded);
    }

    /**
     * Whether BPE cuts a stretch of {@code text} at {@code p} (a code point boundary): the text ends there, or the
     * characters on either side, normalized, are next to each other in no vocabulary piece.
     */
    boolean isCut(String text, int p) {
        return p == 0 || p == text.length()
                || !pairs.contains(normalized(text.codePointBefore(p)), normalized(text.codePointAt(p)));
    }

    private int normalized(int c) {
        return c == replaced ? replacement : c;
    }

    /** Where the added token the scan finds at {@code p} ends, or -1. */
    private int addedEnd(String text, int p) {
        return (int) addedTexts.longestAt(text, p);
    }

    /**
     * Where a long text's stretch from {@code from} (where the added-token scan stands) ends: the first position at
     * or after {@code min} where the scan stands and the text is cut, or the text's end. Encoded: the position
     * when the cut is a forced cut inside a stretch between added tokens (the word goes on after it), {@code
     * -position - 1} when an added token ends or starts there or the text ends (a new word begins). Each stretch's
     * own scan finds what the whole text's finds in it, and BPE of a word cut at a forced cut is BPE of its sides.
     */
    int stretchEnd(String text, int from, int min) {
        for (Scan scan = new Scan(text, from); scan.at < text.length(); scan.step()) {
            int i = scan.at;
            if (i >= min && !scan.insideCodePoint()) {
                if (scan.atAddedEdge()) {
                    return -i - 1;
                }
                if (isCut(text, i)) {
                    return i;
                }
            }
        }
        return -text.length() - 1;
    }

    /**
     * The added-token scan of a text as {@link AddedVocabulary} runs it, standing at {@link #at}: it steps over the
     * longest added token starting there, else one unit.
     */
    private final class Scan {
        final String text;
        int at;
        private int matchEnd = -1;

        Scan(String text, int at) {
            this.text = text;
            this.at = at;
        }

        void step() {
            int e = addedEnd(text, at);
            if (e >= 0) {
                at = e;
                matchEnd = e;
            } else {
                at++;
            }
        }

        /** Whether an added token ends or starts where the scan stands (inside the text). */
        boolean atAddedEdge() {
            return matchEnd == at || addedEnd(text, at) >= 0;
        }

        /** Whether the scan stands between the two halves of a surrogate pair (inside the text, not at its start). */
        boolean insideCodePoint() {
            return Character.isLowSurrogate(text.charAt(at)) && Character.isHighSurrogate(text.charAt(at - 1));
        }
    }

    /**
     * What to re-encode after an edit: the new text's {@code [from, to)}, in place of the previous tokens {@code
     * [head, tail)}; {@code joinsHead}: the window's first token is in the same word as the token before it (the
     * cut at {@code from} is inside a stretch), {@code joinsTail}: likewise for the kept token after it.
     */
    record Window(int from, int to, int head, int tail, boolean joinsHead, boolean joinsTail) {
    }

    /**
     * The window to re-encode for {@code text}, given {@code previous}, this pipeline's default encoding of the
     * text before the edit, whose sequence is {@code [first, end)}; null to encode it all.
     * <p>Why the tokens outside it stay. {@code from} is a previous token's start at least {@link #reach} before the
     * change, so the added-token scan decides the same up to it in both texts (each decision reads less than
     * {@code reach} characters) and stands at it in both (no token, so no added token, spans it). It is the text's
     * start, a word's (an added token's edge, the same in both texts), or a forced cut between two unchanged
     * characters: the tokens before it are the previous ones. {@code to} is the first position, at or after the
     * change's end in the new text, where the new text's scan (run from {@code from}) stands, a previous token
     * starts at the same place in the unchanged tail, and each text is cut there: an added token ends there or
     * starts there, or a forced cut (checked in each text: the character before may be new). From there on the
     * texts are the same and the scans stand at it in both, so they find the same added tokens; with the cut, the
     * tokens after it are the previous ones, moved. The window's own scan finds what the whole text's finds in it
     * (none of its added tokens reaches past {@code to}).
     */
    Window window(Encoding previous, int first, int end, String text) {
        String old = previous.text();
        TextEdit edit = TextEdit.between(old, text);
        int changed = edit.head();
        int tailStart = edit.tailStart();
        int shift = edit.shift();
        int[] starts = previous.starts();
        int[] words = previous.wordIndex();
        int head = previous.firstStartingAt(first, end, changed - reach + 1) - 1;
        int from;
        boolean joinsHead;
        while (true) {
            if (head <= first) {
                head = first;
                from = 0;
                joinsHead = false;
                break;
            }
            from = starts[head];
            if (changed - from > HfTokenizer.CUT_SEARCH) {
                return null;
            }
            if (starts[head - 1] < from) { // the first token starting there (not a byte piece after another)
                if (words[head - 1] != words[head]) {
                    joinsHead = false;
                    break;
                }
                if (isCut(old, from)) {
                    joinsHead = true;
                    break;
                }
            }
            head--;
        }
        int tail = head;
        for (Scan scan = new Scan(text, from); ; scan.step()) {
            int i = scan.at;
            if (i < tailStart) {
                continue;
            }
            if (i == text.length()) {
                return new Window(from, i, head, end, joinsHead, false);
            }
            if (!scan.insideCodePoint()) {
                int at = i - shift;
                tail = previous.firstStartingAt(tail, end, at);
                if (tail < end && starts[tail] == at
                        && (tail == first || words[tail - 1] != words[tail] || isCut(old, at))) {
                    boolean boundary = scan.atAddedEdge();
                    if (boundary || isCut(text, i)) {
                        return new Window(from, i, head, tail, joinsHead, !boundary);
                    }
                }
            }
            if (i - tailStart > HfTokenizer.CUT_SEARCH) {
                return null;
            }
        }
    }
}
