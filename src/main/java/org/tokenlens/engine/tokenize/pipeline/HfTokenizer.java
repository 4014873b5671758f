package org.tokenlens.engine.tokenize.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.tokenlens.engine.tokenize.EncodeOptions;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerInfo;
import org.tokenlens.engine.tokenize.Trace;
import org.tokenlens.engine.tokenize.decode.Decoder;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.ModelToken;
import org.tokenlens.engine.tokenize.normalize.NormalizedString;
import org.tokenlens.engine.tokenize.normalize.Normalizer;
import org.tokenlens.engine.tokenize.postprocess.PostProcessor;
import org.tokenlens.engine.tokenize.postprocess.TokenList;
import org.tokenlens.engine.tokenize.pretokenize.PreTokenizedString;
import org.tokenlens.engine.tokenize.pretokenize.PreTokenizer;

/**
 * A tokenizer.json pipeline, stage by stage as HF tokenizers runs it: added tokens are cut out, the rest is
 * normalized, pre-tokenized and split by the model; the post-processor adds special tokens; the decoder turns
 * ids back into text. Every token keeps its UTF-16 span of the input through the alignments of
 * {@link NormalizedString}.
 */
public final class HfTokenizer implements Tokenizer {
    private final String name;
    private final Normalizer normalizer;
    private final PreTokenizer preTokenizer;
    private final Model model;
    private final PostProcessor postProcessor;
    private final Decoder decoder;
    private final AddedVocabulary added;
    private final int vocabSize;
    private final AtomicReferenceArray<byte[]> bytesCache;
    private final boolean lossless;
    private final TokenizerInfo info;
    /** How an edit is re-encoded around the change only ({@link #encodeEdited}), or null: all of it again. */
    private final EditPath editPath;

    /**
     * Assemble a pipeline; null stages are skipped (as in HF). {@code addedTokens} in the file's order.
     * {@code lossless}: whether decode(encode(x)) == x holds (the loader decides from the components);
     * {@code info}: the file's stages as the inspector shows them.
     */
    public HfTokenizer(String name, Normalizer normalizer, PreTokenizer preTokenizer, Model model,
                       PostProcessor postProcessor, Decoder decoder, List<AddedToken> addedTokens, boolean lossless,
                       TokenizerInfo info) {
        this.name = name;
        this.normalizer = normalizer;
        this.preTokenizer = preTokenizer;
        this.model = model;
        this.postProcessor = postProcessor;
        this.decoder = decoder;
        this.added = new AddedVocabulary(addedTokens, model, normalizer);
        this.vocabSize = Math.max(model.vocabSize(), added.endId());
        this.bytesCache = new AtomicReferenceArray<>(vocabSize);
        this.lossless = lossless;
        this.info = info;
        AddedVocabulary.Trie addedTexts = new AddedVocabulary.Trie(); // looked for where an edit changed the text
        int longestAdded = 0;
        for (AddedToken a : addedTokens) {
            if (!a.content().isEmpty()) {
                addedTexts.add(a.content(), 0);
                longestAdded = Math.max(longestAdded, a.content().length());
            }
        }
        EditPath path = WhiteSpaceEdits.of(this, normalizer, preTokenizer, postProcessor, added);
        if (path == null) {
            path = PieceEdits.of(this, normalizer, preTokenizer, model, postProcessor, added, addedTexts,
                    longestAdded);
        }
        if (path == null) {
            ForcedCuts cuts = ForcedCuts.of(normalizer, preTokenizer, model, postProcessor, added.all(), addedTexts,
                    longestAdded);
            path = cuts == null ? null : new ForcedCutEdits(this, cuts);
        }
        this.editPath = path;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public EncodeOptions defaultOptions() {
        return EncodeOptions.DEFAULT;
    }

    /** Normalize, cut and pre-tokenize without running the model: the words the model will see. */
    PreTokenizedString preTokenize(String text, boolean matchSpecial) {
        PreTokenizedString pts = added.extractAndNormalize(normalizer, text, matchSpecial);
        if (preTokenizer != null) {
            preTokenizer.preTokenize(pts);
        }
        return pts;
    }

    @Override
    public Encoding encode(String text, EncodeOptions options) {
        TokenList list = sequence(text, options.allowSpecialInText());
        if (postProcessor != null) {
            list = postProcessor.process(list, text, options.addSpecialTokens());
        }
        int n = list.size();
        byte[][] bytes = new byte[n][];
        for (int i = 0; i < n; i++) {
            bytes[i] = bytesOf(list.id(i), list.token(i));
        }
        return new Encoding(text, list.ids(), list.tokens(), bytes, list.starts(), list.ends(), list.specials(),
                list.wordIndexes());
    }

    /**
     * A token's bytes for an encoding: the cached array itself, shared by every token with this id (encodings'
     * arrays are read-only). A clone per token, as {@link #tokenBytes} hands out, made a 5 MB text's BERT encoding
     * a million small arrays more, live as long as the encoding.
     */
    byte[] bytesOf(int id, String token) {
        byte[] b = cachedBytes(id);
        return b != null ? b : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean editsIncrementally() {
        return editPath != null;
    }

    /** Characters looked back (and ahead) for white space to cut at before giving up and encoding it all. */
    static final int CUT_SEARCH = 4096;

    /**
     * {@code encode(text)} reusing {@code previous} (this tokenizer's default encoding of the text before an edit):
     * the pipeline's {@linkplain EditPath edit path}, if it has one, re-encodes only the text around the edit, if
     * the previous tokens with a word are one run (the sequence) between the post-processor's specials.
     */
    @Override
    public Encoding encodeEdited(Encoding previous, String text) {
        int[] run = previous == null || editPath == null ? null : EditSplice.sequenceRun(previous);
        return run == null ? encode(text) : editPath.encodeEdited(previous, run[0], run[1], text);
    }

    /** A text longer than this is encoded in stretches at least this long (see {@link #sequence}). */
    static final int STRETCH = 1 << 16;

    /**
     * The sequence's tokens before post-processing: added tokens matched, normalized, pre-tokenized, modelled. A
     * long text goes in {@linkplain EditPath#sequenceInStretches stretches} cut where the pipeline's edit path may
     * cut (white space, forced cuts; a resumable split's pieces in batches): the result is the same, and no
     * stretch's normalizer (or BPE word) builds arrays the size of a pasted 5 MB text (garbage whose collections
     * stop the window).
     */
    TokenList sequence(String text, boolean matchSpecial) {
        if (editPath != null && text.length() > STRETCH) {
            TokenList stretches = editPath.sequenceInStretches(text, matchSpecial);
            if (stretches != null) {
                return stretches;
            }
        }
        return sequenceWhole(text, matchSpecial);
    }

    /** {@link #sequence} in one go. */
    TokenList sequenceWhole(String text, boolean matchSpecial) {
        PreTokenizedString pts = preTokenize(text, matchSpecial);
        List<PreTokenizedString.Split> splits = pts.splits();
        boolean[] isAddedToken = new boolean[splits.size()];
        for (int w = 0; w < splits.size(); w++) {
            isAddedToken[w] = splits.get(w).tokens() != null;
        }
        TokenList list = new TokenList();
        modelInto(list, pts, isAddedToken, 0);
        return list;
    }

    /**
     * Run the model on the pre-tokenized pieces and add their tokens to {@code list}, each with its span of the
     * input and the piece's index plus {@code wordBase} as its word; {@code isAddedToken} (null: none) marks the
     * pieces that were added tokens matched in the text.
     */
    void modelInto(TokenList list, PreTokenizedString pts, boolean[] isAddedToken, int wordBase) {
        List<PreTokenizedString.Split> splits = pts.splits();
        pts.tokenize(piece -> model.tokenize(piece.get()));
        for (int w = 0; w < splits.size(); w++) {
            PreTokenizedString.Split split = splits.get(w);
            NormalizedString piece = split.normalized();
            for (ModelToken t : split.tokens()) {
                int start;
                int end;
                if (t.start() < t.end()) {
                    start = piece.alignStart(t.start());
                    end = piece.alignEnd(t.end() - 1);
                } else {
                    start = piece.originalStart();
                    end = start;
                }
                // a model may produce an added token's id too (BERT's [UNK]); only a matched one is special here
                AddedToken a = isAddedToken != null && isAddedToken[w] ? added.token(t.id()) : null;
                boolean special = a != null && a.special();
                list.add(t.id(), t.value(), start, end, special, w + wordBase, 0);
            }
        }
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        List<String> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            String piece = added.pieceOf(id);
            if (piece == null) {
                piece = model.idToToken(id);
            }
            if (piece == null) {
                continue;
            }
            if (skipSpecialTokens && added.isSpecialContent(piece)) {
                continue;
            }
            tokens.add(piece);
        }
        if (decoder == null) {
            return String.join(" ", tokens);
        }
        return String.join("", decoder.decodeChain(tokens));
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public String idToToken(int id) {
        String piece = added.pieceOf(id);
        return piece != null ? piece : model.idToToken(id);
    }

    @Override
    public int tokenToId(String token) {
        int id = added.idOf(token);
        return id >= 0 ? id : model.tokenToId(token);
    }

    @Override
    public byte[] tokenBytes(int id) {
        byte[] b = cachedBytes(id);
        return b == null ? null : b.clone();
    }

    /** {@link #tokenBytes}, not copied: callers must not write into it. */
    private byte[] cachedBytes(int id) {
        if (id < 0 || id >= vocabSize) {
            return null;
        }
        byte[] b = bytesCache.get(id);
        if (b == null) {
            String piece = idToToken(id);
            if (piece == null) {
                return null;
            }
            AddedToken a = added.token(id);
            if (a != null && a.special() || decoder == null) {
                b = piece.getBytes(StandardCharsets.UTF_8);
            } else {
                b = decoder.pieceBytes(piece);
            }
            bytesCache.set(id, b);
        }
        return b;
    }

    @Override
    public boolean isSpecial(int id) {
        AddedToken a = added.token(id);
        return a != null && a.special();
    }

    @Override
    public boolean isLossless() {
        return lossless;
    }

    @Override
    public TokenizerInfo info() {
        return info;
    }

    @Override
    public Optional<Trace> trace(String text, int tokenIndex) {
        Encoding enc = encode(text);
        if (tokenIndex < 0 || tokenIndex >= enc.size() || enc.wordIndex()[tokenIndex] < 0) {
            return Optional.empty();
        }
        PreTokenizedString pts = preTokenize(text, true);
        PreTokenizedString.Split split = pts.splits().get(enc.wordIndex()[tokenIndex]);
        String word = split.normalized().get();
        if (split.tokens() != null) {
            ModelToken t = split.tokens().get(0);
            return Optional.of(new Trace.Single(word, t.value(), t.id()));
        }
        return Optional.of(model.trace(word));
    }

    /** The forced cuts {@link #encodeEdited} re-encodes between, or null. */
    ForcedCuts forcedCuts() {
        return editPath instanceof ForcedCutEdits f ? f.cuts() : null;
    }

    /** The model stage, for views that explain it (vocabulary browser, merge ranks). */
    public Model model() {
        return model;
    }
}
