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
        PreTokenizedString pts = preTokenize(text, options.allowSpecialInText());
        List<PreTokenizedString.Split> splits = pts.splits();
        boolean[] isAddedToken = new boolean[splits.size()];
        for (int w = 0; w < splits.size(); w++) {
            isAddedToken[w] = splits.get(w).tokens() != null;
        }
        pts.tokenize(piece -> model.tokenize(piece.get()));
        TokenList list = new TokenList();
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
                AddedToken a = isAddedToken[w] ? added.token(t.id()) : null;
                boolean special = a != null && a.special();
                list.add(t.id(), t.value(), start, end, special, w, 0);
            }
        }
        if (postProcessor != null) {
            list = postProcessor.process(list, text, options.addSpecialTokens());
        }
        int n = list.size();
        byte[][] bytes = new byte[n][];
        for (int i = 0; i < n; i++) {
            byte[] b = tokenBytes(list.id(i));
            bytes[i] = b != null ? b : list.token(i).getBytes(StandardCharsets.UTF_8);
        }
        return new Encoding(text, list.ids(), list.tokens(), bytes, list.starts(), list.ends(), list.specials(),
                list.wordIndexes());
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
        return b.clone();
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

    /** The model stage, for views that explain it (vocabulary browser, merge ranks). */
    public Model model() {
        return model;
    }
}
