package org.tokenlens.engine.tokenize.pipeline;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.TextEdit;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.normalize.NormalizedString;
import org.tokenlens.engine.tokenize.normalize.Normalizer;
import org.tokenlens.engine.tokenize.normalize.SplitBehavior;
import org.tokenlens.engine.tokenize.postprocess.PostProcessor;
import org.tokenlens.engine.tokenize.postprocess.TokenList;
import org.tokenlens.engine.tokenize.pretokenize.ByteLevelPreTokenizer;
import org.tokenlens.engine.tokenize.pretokenize.OnigRegex;
import org.tokenlens.engine.tokenize.pretokenize.PreTokenizedString;
import org.tokenlens.engine.tokenize.pretokenize.PreTokenizer;
import org.tokenlens.engine.tokenize.pretokenize.SequencePreTokenizer;
import org.tokenlens.engine.tokenize.pretokenize.SplitPreTokenizer;

/**
 * The {@linkplain EditPath edit path} of a byte-level pipeline split by a resumable pattern (Llama 3's, GPT-4o's;
 * Qwen 3's behind NFC), as tiktoken's: only the pieces around the change are split and encoded again (see
 * {@link #encodeEdited}); a long text goes through the model in batches of pieces.
 */
final class PieceEdits implements EditPath {
    private final HfTokenizer pipeline;
    private final Normalizer normalizer;
    /** The split pattern: its matches are the pieces. */
    private final OnigRegex pieceSplit;
    /** The byte-level stage after the split. */
    private final PreTokenizer byteLevel;
    /** The added tokens' texts: looked for where an edit changed the text. */
    private final AddedVocabulary.Trie addedTexts;
    private final int longestAdded;
    /** The non-special added tokens' ids, none of which the model gives: such an id in an encoding was matched. */
    private final BitSet plainAddedIds = new BitSet();

    private PieceEdits(HfTokenizer pipeline, Normalizer normalizer, SplitPreTokenizer split, PreTokenizer byteLevel,
                       AddedVocabulary added, AddedVocabulary.Trie addedTexts, int longestAdded) {
        this.pipeline = pipeline;
        this.normalizer = normalizer;
        this.pieceSplit = split.regex();
        this.byteLevel = byteLevel;
        this.addedTexts = addedTexts;
        this.longestAdded = longestAdded;
        for (AddedToken a : added.all()) {
            if (!a.special()) {
                plainAddedIds.set(added.idOf(a.content()));
            }
        }
    }

    /**
     * The path for {@code pipeline} if it is such a pipeline (see {@link #resumableSplit}), else null;
     * {@code addedTexts} holds the added tokens' texts, the longest {@code longestAdded} characters.
     */
    static PieceEdits of(HfTokenizer pipeline, Normalizer normalizer, PreTokenizer preTokenizer, Model model,
                         PostProcessor postProcessor, AddedVocabulary added, AddedVocabulary.Trie addedTexts,
                         int longestAdded) {
        SplitPreTokenizer split = resumableSplit(normalizer, preTokenizer, model, postProcessor, added);
        return split == null ? null : new PieceEdits(pipeline, normalizer, split,
                ((SequencePreTokenizer) preTokenizer).steps().get(1), added, addedTexts, longestAdded);
    }

    /**
     * The Split stage of a byte-level pipeline that this path re-encodes piece by piece, or null. It
     * needs: no normalizer, or one that {@linkplain Normalizer#cutsBeforeAscii cuts before ASCII} with a pattern
     * that {@linkplain OnigRegex#stopsReadingAtAnyNonSpace stops reading at any non-space}; a Split with a
     * {@linkplain OnigRegex#resumable resumable} pattern whose matches are the pieces (Isolated, or Removed
     * inverted), then ByteLevel with no prefix space and no regex of its own (each piece's bytes, alone); a
     * post-processor that only {@linkplain PostProcessor#wrapsSequence wraps} the sequence; added tokens matched as
     * they are written (no single_word, lstrip, rstrip; not normalized when there is a normalizer), each special or
     * with an id the model never gives, so a matched one is told by its token: special, or that id.
     */
    private static SplitPreTokenizer resumableSplit(Normalizer normalizer, PreTokenizer preTokenizer, Model model,
                                                    PostProcessor postProcessor, AddedVocabulary added) {
        if (normalizer != null && !normalizer.cutsBeforeAscii() || !(preTokenizer instanceof SequencePreTokenizer seq)
                || seq.steps().size() != 2
                || !(seq.steps().get(0) instanceof SplitPreTokenizer split)
                || !(seq.steps().get(1) instanceof ByteLevelPreTokenizer bytes)
                || (postProcessor != null && !postProcessor.wrapsSequence())) {
            return null;
        }
        boolean piecesAreMatches = split.behavior() == SplitBehavior.ISOLATED && !split.invert()
                || split.behavior() == SplitBehavior.REMOVED && split.invert();
        if (split.regex() == null || !split.regex().resumable() || !piecesAreMatches || bytes.addPrefixSpace()
                || bytes.useRegex() || normalizer != null && !split.regex().stopsReadingAtAnyNonSpace()) {
            return null;
        }
        boolean plainAdded = added.all().stream()
                .allMatch(a -> !a.singleWord() && !a.lstrip() && !a.rstrip() && !a.content().isEmpty()
                        && (normalizer == null || !a.normalized())
                        && (a.special() || model.idToToken(added.idOf(a.content())) == null));
        return plainAdded ? split : null;
    }

    /** Characters between the restart of a piece-by-piece re-encoding and the first changed character. */
    static final int RESTART_MARGIN = OnigRegex.LOOKAHEAD + 2;

    /** Characters past the change a normalized stretch reaches at first (it grows while the pieces go on). */
    private static final int WINDOW_REACH = 64;

    /**
     * Splitting restarts at a previous piece that starts at least {@link #RESTART_MARGIN} characters
     * before the change, right after a character that {@linkplain OnigRegex#stopsReading stops reading}, and stops
     * at the first piece in the unchanged tail that starts where a previous piece started (moved by the edit's
     * length change); the pieces between are encoded, the tokens before and after copied.
     * <p>Why this is {@code encode(text)}: added tokens are matched left to right, each where the scan finds one;
     * with none starting near the change in either text (else all is encoded again), the scan passes the change
     * matching nothing and the matches elsewhere are the previous ones (moved). Each stretch of text between them
     * is split alone into its pattern's matches; the change lies in one such stretch, and the restart is in it
     * too (at its start if need be: the added token before it is kept). The pieces before the restart were decided
     * reading no further than {@link OnigRegex#LOOKAHEAD} past the character before it, all unchanged text, so they
     * are the same; the pieces from a piece start on depend on the text from there to the stretch's end alone (no
     * look-behind), so from a piece start in the unchanged tail that was a piece start before, the pieces are the
     * previous ones, moved, and at the stretch's end the added token and all after it are. Each piece's tokens are
     * its bytes' (ByteLevel then the model, piece by piece); a piece's index among all pieces and added tokens is
     * its word.
     * <p>With a normalizer (Qwen's NFC; one that {@linkplain Normalizer#cutsBeforeAscii cuts before ASCII}) the
     * split reads each stretch normalized, and the same holds of the normalized text, through these facts: a
     * stretch normalizes as its parts between <em>cuts</em> ({@linkplain Normalizer#cutsBefore positions} of ASCII
     * characters and, for NFC, of CJK ones; and its ends) do, each normalized character aligned to its own original
     * ones. The two texts' normalized stretches agree up to the last cut at or before the change ({@code agreed});
     * the restart is a cut at least {@link #RESTART_MARGIN} normalized characters before it, and the normalized
     * character before the restart is white space exactly when the original one is, which is all that stopping
     * reading asks of it for such a pattern
     * ({@linkplain OnigRegex#stopsReadingAtAnyNonSpace}). The pieces from the restart are found in the
     * {@linkplain Window normalized stretch} from it to a later cut, each taken only once the split cannot have read
     * past that stretch deciding it. The resume is a piece start on a cut in the unchanged tail (the only normalized
     * character aligned to that cut): the normalized text from there is the previous one from there, moved by the
     * edit's length change in the original text.
     */
    @Override
    public Encoding encodeEdited(Encoding previous, int first, int end, String text) {
        int[] ids = previous.ids();
        int[] words = previous.wordIndex();
        int[] starts = previous.starts();
        boolean[] specials = previous.special();
        if (words[first] != 0 || starts[first] != 0) {
            return pipeline.encode(text); // not a default encoding
        }
        String old = previous.text();
        TextEdit edit = TextEdit.between(old, text);
        int head = edit.head();
        int shift = edit.shift();
        int tailStart = edit.tailStart();
        // the normalized texts agree before the last cut at or before the change (no normalizer: the change)
        int agreed = head;
        if (!isCut(old, head) || !isCut(text, head)) {
            do {
                agreed--;
            } while (agreed > 0 && !isCut(old, agreed) && head - agreed <= HfTokenizer.CUT_SEARCH);
            if (head - agreed > HfTokenizer.CUT_SEARCH) {
                return pipeline.encode(text);
            }
        }
        // no added token starts near the change in either text: the matches elsewhere are the previous ones
        int near = agreed - Math.max(longestAdded, RESTART_MARGIN); // no added token starts after the restart's piece
        if (addedTokenStartsIn(text, near, tailStart + 1) || addedTokenStartsIn(old, near, tailStart - shift + 1)) {
            return pipeline.encode(text);
        }
        // the restart: walk back over the previous pieces from the last one starting far enough before the change
        int restart = previous.wordStart(first, previous.firstStartingAt(first, end, agreed - RESTART_MARGIN + 1) - 1);
        int from;
        while (true) {
            if (restart <= first) {
                restart = first;
                if (!addedAt(specials, ids, first)) {
                    from = 0;
                    break;
                }
            }
            if (addedAt(specials, ids, restart)) { // an added token (it ends before the change): its segment's text starts after
                from = previous.ends()[restart];
                restart++;
                break;
            }
            from = starts[restart];
            if (addedAt(specials, ids, restart - 1)) {
                break; // a segment's start
            }
            if (isCut(old, from) && pieceSplit.stopsReading(old.codePointBefore(from))
                    && normalizedLength(text, from, agreed) >= RESTART_MARGIN) {
                break; // right after a character the pieces before do not read past, far enough before the change
            }
            if (head - from > HfTokenizer.CUT_SEARCH) {
                return pipeline.encode(text);
            }
            restart = previous.wordStart(first, restart - 1);
        }
        int wordBase = restart > first ? words[restart - 1] + 1 : 0;
        // the segment's end: the next added token (it is after the change), where the split's text ends
        int segmentEnd = restart;
        while (segmentEnd < end && !addedAt(specials, ids, segmentEnd)) {
            segmentEnd++;
        }
        int limit = segmentEnd < end ? starts[segmentEnd] + shift : text.length();
        Pieces pieces = new Pieces(text, 0);
        Window window = new Window(text, from, limit, tailStart);
        pieces.read(window);
        int resume = segmentEnd; // the first token of the previous piece the unchanged tail resumes at
        for (int i = window.start(); i < window.stop() || !window.complete(); ) {
            if (i == window.stop()) {
                i = window.grow(i);
                pieces.read(window);
                continue;
            }
            int at = window.original(i);
            if (at >= tailStart && isCut(text, at)) {
                int t = previous.wordStartingAt(restart, segmentEnd, at - shift);
                if (t >= 0) {
                    resume = t;
                    break;
                }
            }
            int e = pieces.finder.pieceEnd(i, window.stop());
            if (e < 0) {
                return pipeline.encode(text);
            }
            if (!window.complete() && !window.decided(e)) {
                i = window.grow(i); // the split may have read past the stretch: see more of the text
                pieces.read(window);
                continue;
            }
            pieces.add(i, e);
            i = e;
        }
        TokenList middle = pieces.finish();
        return EditSplice.splice(pipeline, previous, text, end, restart, middle, 0, wordBase, pieces.words, resume,
                shift);
    }

    /** Whether token {@code k} (of an encoding's specials and ids) is an added token matched in the text. */
    private boolean addedAt(boolean[] specials, int[] ids, int k) {
        return specials[k] || plainAddedIds.get(ids[k]);
    }

    /**
     * Whether the normalizer (if any) normalizes a stretch of text the same cut at {@code p} or not: a
     * {@linkplain Normalizer#cutsBefore cut} (before an ASCII character, among others). Without one, every
     * position is.
     */
    private boolean isCut(String s, int p) {
        return normalizer == null || p >= s.length() || normalizer.cutsBefore(s.charAt(p));
    }

    /** The length of {@code text[from, to)} normalized, both ends cuts. */
    private int normalizedLength(String text, int from, int to) {
        if (normalizer == null || from >= to || normalizer.leavesAlone(CharBuffer.wrap(text, from, to))) {
            return Math.max(0, to - from);
        }
        return normalizedRange(text, from, to).length();
    }

    /** {@code text[from, to)} normalized, aligned to the text. */
    private NormalizedString normalizedRange(String text, int from, int to) {
        NormalizedString s = NormalizedString.ofRange(text, from, to);
        normalizer.normalize(s);
        return s;
    }

    /**
     * The text the split reads from a restart on ({@code from}, a cut), up to a later cut {@code to} no further
     * than the segment's end ({@code limit}): the text itself where the normalizer leaves that stretch alone (the
     * positions are the text's), else the stretch normalized (its own positions, each character aligned to the
     * original text). Without a normalizer, all of it to the segment's end. Normalizing the stretch gives what
     * normalizing the whole segment gives there, since both ends are cuts; a longer stretch, to a later cut, begins
     * with what the shorter one was.
     */
    private final class Window {
        private final String text;
        private final int from;
        private final int limit;
        private int to;
        /** The stretch normalized, or null: the text itself. */
        private NormalizedString normalized;

        Window(String text, int from, int limit, int changeEnd) {
            this.text = text;
            this.from = from;
            this.limit = limit;
            reach(normalizer == null ? limit : cutAtOrAfter(Math.min(limit, Math.max(from, changeEnd) + WINDOW_REACH)));
        }

        private int cutAtOrAfter(int p) {
            int q = p;
            while (q < limit && !isCut(text, q)) {
                if (q - p > HfTokenizer.CUT_SEARCH) {
                    return limit;
                }
                q++;
            }
            return q;
        }

        private void reach(int newTo) {
            to = newTo;
            if (normalizer == null
                    || normalized == null && normalizer.leavesAlone(CharBuffer.wrap(text, from, to))) {
                normalized = null;
            } else { // once normalized, always: a stretch that was changed stays so, grown
                normalized = normalizedRange(text, from, to);
            }
        }

        /** What the split reads. */
        String seen() {
            return normalized == null ? text : normalized.get();
        }

        int start() {
            return normalized == null ? from : 0;
        }

        int stop() {
            return normalized == null ? to : normalized.length();
        }

        /** Whether it reaches the segment's end. */
        boolean complete() {
            return to == limit;
        }

        /** The original position of what is seen at {@code i}. */
        int original(int i) {
            return normalized == null ? i : normalized.alignStart(i);
        }

        /** The piece seen at {@code [a, b)}, aligned to the original text. */
        NormalizedString piece(int a, int b) {
            return normalized == null ? NormalizedString.ofRange(text, a, b) : normalized.slice(a, b);
        }

        /**
         * Whether a piece the split ended at {@code e} in what is seen ends there in the whole segment too: a code
         * point that stops reading lies at or after its last one, {@link OnigRegex#LOOKAHEAD} units or more before
         * the end of what is seen, so deciding it read nothing past that end.
         */
        boolean decided(int e) {
            String s = seen();
            int stop = stop();
            for (int k = e - Character.charCount(s.codePointBefore(e)); k < stop; ) {
                int cp = s.codePointAt(k);
                int n = Character.charCount(cp);
                if (pieceSplit.stopsReading(cp)) {
                    return k + n + OnigRegex.LOOKAHEAD <= stop;
                }
                k += n;
            }
            return false;
        }

        /** Reach a later cut, about twice as far; returns what position {@code i} of what was seen is now. */
        int grow(int i) {
            int offset = i - start();
            reach(cutAtOrAfter(Math.min(limit, to + Math.max(to - from, WINDOW_REACH))));
            return start() + offset;
        }
    }

    /** Whether an added token's text starts in the text at a position in {@code [from, to)}. */
    private boolean addedTokenStartsIn(String text, int from, int to) {
        if (longestAdded == 0) {
            return false;
        }
        for (int p = Math.max(0, from), stop = Math.min(to, text.length()); p < stop; p++) {
            if (addedTexts.longestAt(text, p) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Pieces found one after the other are encoded in batches: no working set the size of a pasted text. */
    private static final int PIECE_BATCH = 4096;

    /** Pieces of a text given one by one and encoded a batch at a time, each piece's index its word. */
    private final class Pieces {
        OnigRegex.PieceFinder finder;
        private final String text;
        /** What the pieces are read from, or null: the text itself. */
        private Window window;
        private final TokenList out = new TokenList();
        private List<PreTokenizedString.Split> batch = new ArrayList<>();
        private int batchWord;
        /** The word of the next piece. */
        int words;

        Pieces(String text, int firstWord) {
            this.text = text;
            this.finder = pieceSplit.pieceFinder(text);
            this.words = firstWord;
            this.batchWord = firstWord;
        }

        /** Read the pieces from {@code w} from now on (again, after it grew). */
        void read(Window w) {
            window = w;
            finder = pieceSplit.pieceFinder(w.seen());
        }

        void add(int start, int end) {
            NormalizedString piece = window == null ? NormalizedString.ofRange(text, start, end)
                    : window.piece(start, end);
            batch.add(new PreTokenizedString.Split(piece, null));
            words++;
            if (batch.size() == PIECE_BATCH) {
                flush();
            }
        }

        private void flush() {
            PreTokenizedString pts = new PreTokenizedString(text, batch);
            byteLevel.preTokenize(pts);
            pipeline.modelInto(out, pts, null, batchWord);
            batch = new ArrayList<>();
            batchWord = words;
        }

        TokenList finish() {
            flush();
            return out;
        }
    }

    /**
     * A long text with no added token in it (or none to match) that the normalizer leaves alone, else null: the
     * whole text is the split's one piece, its matches encoded in batches.
     */
    @Override
    public TokenList sequenceInStretches(String text, boolean matchSpecial) {
        if (!(!matchSpecial && plainAddedIds.isEmpty() || !addedTokenStartsIn(text, 0, text.length()))
                || normalizer != null && !normalizer.leavesAlone(text)) {
            return null;
        }
        Pieces pieces = new Pieces(text, 0);
        for (int i = 0; i < text.length(); ) {
            int e = pieces.finder.pieceEnd(i, text.length());
            if (e < 0) {
                return null;
            }
            pieces.add(i, e);
            i = e;
        }
        return pieces.finish();
    }
}
