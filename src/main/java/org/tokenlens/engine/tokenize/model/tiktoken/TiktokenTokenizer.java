package org.tokenlens.engine.tokenize.model.tiktoken;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tokenlens.engine.tokenize.EncodeOptions;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.TextEdit;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerInfo;
import org.tokenlens.engine.tokenize.TokenizerException;
import org.tokenlens.engine.tokenize.Trace;

/**
 * tiktoken's byte-pair encoder, exact to {@code encode_ordinary} / {@code encode(allowed_special="all")}: the
 * encoding's split pattern cuts the text into pieces (never across an allowed special token), each piece's UTF-8
 * bytes are one token if they are a token, else byte-pair merged by rank. Tokens are shown as GPT-2 byte-level
 * pieces ({@code Ġhello}), the way HF tokenizer.json files of the same vocabularies spell them.
 */
public final class TiktokenTokenizer implements Tokenizer {
    private final String name;
    private final TiktokenEncoding encoding;
    private final RankTable ranks;
    private final Splitter splitter;
    private final String[] specialTexts;
    private final int[] specialIds;
    private final int vocabSize;
    /** Byte-level piece per id, built on first use (a benign race: Strings are immutable). */
    private final String[] pieces;
    private final String source;

    private TiktokenTokenizer(String name, TiktokenEncoding encoding, RankTable ranks, String source) {
        this.name = name;
        this.source = source;
        this.encoding = encoding;
        this.ranks = ranks;
        this.splitter = encoding.splitter();
        Map<String, Integer> specials = encoding.specials;
        specialTexts = specials.keySet().toArray(new String[0]);
        specialIds = specials.values().stream().mapToInt(Integer::intValue).toArray();
        int limit = ranks.idLimit();
        for (int id : specialIds) {
            limit = Math.max(limit, id + 1);
        }
        vocabSize = limit;
        pieces = new String[limit];
        for (int k = 0; k < specialIds.length; k++) {
            pieces[specialIds[k]] = specialTexts[k];
        }
    }

    /** One of r50k_base (alias gpt2), p50k_base, cl100k_base, o200k_base, ranks read from jtokkit's jar resources. */
    public static Tokenizer bundled(String encodingName) {
        TiktokenEncoding enc = TiktokenEncoding.byName(encodingName);
        if (enc == null) {
            throw new TokenizerException("unknown tiktoken encoding '" + encodingName
                    + "' (known: r50k_base, p50k_base, cl100k_base, o200k_base)");
        }
        try (InputStream in = TiktokenTokenizer.class.getResourceAsStream(enc.resource())) {
            if (in == null) {
                throw new TokenizerException("bundled " + enc.encodingName + " is missing: " + enc.resource()
                        + " not on the class path (jtokkit jar)");
            }
            byte[][] byId = RankFileReader.read(in.readAllBytes(), enc.resource());
            return create(enc.encodingName, enc, byId, enc.resource());
        } catch (IOException e) {
            throw new TokenizerException("cannot read " + enc.resource() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A user's .tiktoken rank file. The split pattern and specials are those of the encoding its name mentions
     * (r50k/gpt2, p50k, cl100k, o200k), else of the encoding whose published file has as many ranks.
     */
    public static Tokenizer fromFile(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TokenizerException("cannot read " + file + ": " + e.getMessage(), e);
        }
        byte[][] byId = RankFileReader.read(content, file.toString());
        String fileName = file.getFileName().toString();
        TiktokenEncoding enc = TiktokenEncoding.fromFileName(fileName);
        if (enc == null) {
            int count = 0;
            for (byte[] b : byId) {
                count += b == null ? 0 : 1;
            }
            enc = TiktokenEncoding.fromRankCount(count);
            if (enc == null) {
                throw new TokenizerException(file + ": cannot tell the encoding: the name mentions none of r50k/gpt2,"
                        + " p50k, cl100k, o200k and its " + count + " ranks match no known encoding");
            }
        }
        return create(fileName, enc, byId, file.toString());
    }

    private static Tokenizer create(String name, TiktokenEncoding enc, byte[][] byId, String source) {
        RankTable table = new RankTable(byId);
        byte[] one = new byte[1];
        for (int b = 0; b < 256; b++) {
            one[0] = (byte) b;
            if (table.rank(one, 0, 1) == RankTable.NONE) {
                throw new TokenizerException(source + ": no rank for the single byte 0x"
                        + String.format("%02X", b) + " (every byte needs one, or some texts cannot be encoded)");
            }
        }
        for (int id : enc.specials.values()) {
            if (table.bytes(id) != null) {
                throw new TokenizerException(source + ": rank " + id + " is taken by an ordinary token but is "
                        + enc.encodingName + "'s special token id");
            }
        }
        return new TiktokenTokenizer(name, enc, table, source);
    }

    @Override
    public String name() {
        return name;
    }

    /** The tiktoken encoding whose pattern and specials are used (r50k_base, p50k_base, cl100k_base, o200k_base). */
    public String encodingName() {
        return encoding.encodingName;
    }

    @Override
    public EncodeOptions defaultOptions() {
        return new EncodeOptions(false, false);
    }

    @Override
    public Encoding encode(String text, EncodeOptions options) {
        PieceEncoder out = new PieceEncoder(ranks, text.length() / 3);
        int word = 0;
        int pos = 0;
        int n = text.length();
        int[] nextSpecial = null;
        if (options.allowSpecialInText()) {
            nextSpecial = new int[specialTexts.length];
            Arrays.fill(nextSpecial, -2);
        }
        while (pos <= n) {
            int segEnd = n;
            int special = -1;
            if (nextSpecial != null) {
                for (int k = 0; k < specialTexts.length; k++) {
                    if (nextSpecial[k] != -1 && nextSpecial[k] < pos) {
                        nextSpecial[k] = text.indexOf(specialTexts[k], pos);
                    }
                    if (nextSpecial[k] >= 0 && nextSpecial[k] < segEnd) {
                        segEnd = nextSpecial[k];
                        special = k;
                    }
                }
            }
            for (int i = pos; i < segEnd; ) {
                int end = splitter.pieceEnd(text, i, segEnd);
                out.encodePiece(text, i, end, word++);
                i = end;
            }
            if (special < 0) {
                break;
            }
            pos = segEnd + specialTexts[special].length();
            out.add(specialIds[special], segEnd, pos, word++);
        }
        return freeze(text, out);
    }

    /**
     * {@code encode(text)} reusing {@code previous} (this tokenizer's default encoding of the text before an edit).
     * Only the text around the change is split and merged again: splitting restarts at a previous piece that starts
     * at least {@link #RESTART_MARGIN} characters before the change, right after a character that is not white
     * space (for o200k not a letter or mark either: {@link TiktokenEncoding#noRestartAfter}), and stops at the first
     * piece inside the unchanged tail that starts where a previous piece started (moved by the edit's length
     * change). Tokens before and after are copied.
     * <p>Why this is {@code encode(text)}: the split patterns have no look-behind, so the pieces from any piece
     * start onwards depend on the text from there alone — the unchanged tail therefore splits as before once a
     * piece start lines up. Looking ahead, deciding where a piece ends reads at most three characters past its end,
     * or past a run of white space (o200k's letter pieces: past a run of letters and marks); the character before
     * the restart ends every such run, so the pieces before the restart read only unchanged text and are split as
     * before. Each piece's tokens depend on its text alone.
     */
    @Override
    public Encoding encodeEdited(Encoding previous, String text) {
        if (previous == null || defaultOptions().allowSpecialInText()) {
            return encode(text);
        }
        int size = previous.size();
        int[] words = previous.wordIndex();
        int[] oldStarts = previous.starts();
        if (size > 0 && (words[0] != 0 || oldStarts[0] < 0)) {
            return encode(text); // not a default encoding (those number their pieces from 0 and give every token a span)
        }
        String old = previous.text();
        int n = text.length();
        int m = old.length();
        TextEdit edit = TextEdit.between(old, text);
        int head = edit.head();
        int shift = edit.shift();
        int tailStart = edit.tailStart();
        // the restart: the first token of the last previous piece starting far enough before the change, after a
        // character it may restart after (pieces are words: found by binary searches over starts and word indexes)
        int restartToken = previous.wordStart(0, previous.firstStartingAt(0, size, head - RESTART_MARGIN + 1) - 1);
        int noRestartAfter = encoding.noRestartAfter();
        while (restartToken > 0 && (Splitter.classAt(old, oldStarts[restartToken] - 1, m) & noRestartAfter) != 0) {
            restartToken = previous.wordStart(0, restartToken - 1);
        }
        int from = restartToken > 0 ? oldStarts[restartToken] : 0;
        if (restartToken < 0) {
            restartToken = 0;
        }
        PieceEncoder out = new PieceEncoder(ranks, 64);
        int word = size == 0 ? 0 : words[restartToken]; // the pieces' running number
        int resumeToken = size; // the first token of the previous piece the unchanged tail resumes at
        for (int i = from; i < n; ) {
            if (i >= tailStart) {
                int t = previous.wordStartingAt(0, size, i - shift);
                if (t >= 0) {
                    resumeToken = t;
                    break;
                }
            }
            int end = splitter.pieceEnd(text, i, n);
            out.encodePiece(text, i, end, word++);
            i = end;
        }
        int resumeWord = resumeToken < size ? words[resumeToken] : word;
        return splice(previous, text, restartToken, out, resumeToken, shift, word - resumeWord);
    }

    /** Edits of a default encoding (no special tokens allowed in the text); see encodeEdited. */
    @Override
    public boolean editsIncrementally() {
        return !defaultOptions().allowSpecialInText();
    }

    /** Characters between the restart of an edited encoding and the first changed character; see encodeEdited. */
    private static final int RESTART_MARGIN = 8;

    /**
     * The previous encoding's tokens {@code [0, headTokens)}, then the newly encoded ones, then the previous
     * tokens from {@code tailFrom} with offsets moved by {@code shift} and word indexes by {@code wordShift}.
     */
    private Encoding splice(Encoding previous, String text, int headTokens, PieceEncoder middle, int tailFrom,
                            int shift, int wordShift) {
        int mid = middle.size;
        int tailTokens = previous.size() - tailFrom;
        int size = headTokens + mid + tailTokens;
        int[] ids = new int[size];
        String[] tokens = new String[size];
        byte[][] bytes = new byte[size][];
        int[] starts = new int[size];
        int[] ends = new int[size];
        boolean[] special = new boolean[size]; // default encodings hold no special tokens
        int[] words = new int[size];
        Encoding.copy(previous, 0, headTokens, 0, 0, 0, ids, tokens, bytes, starts, ends, special, words);
        for (int t = 0; t < mid; t++) {
            int id = middle.ids[t];
            int at = headTokens + t;
            ids[at] = id;
            tokens[at] = idToToken(id);
            bytes[at] = ranks.bytes(id);
            starts[at] = middle.starts[t];
            ends[at] = middle.ends[t];
            words[at] = middle.words[t];
        }
        Encoding.copy(previous, tailFrom, previous.size(), headTokens + mid, shift, wordShift, ids, tokens, bytes,
                starts, ends, special, words);
        return new Encoding(text, ids, tokens, bytes, starts, ends, special, words,
                new Encoding.Edited(previous, headTokens, tailTokens));
    }

    private Encoding freeze(String text, PieceEncoder out) {
        int size = out.size;
        int[] ids = Arrays.copyOf(out.ids, size);
        String[] tokens = new String[size];
        byte[][] bytes = new byte[size][];
        boolean[] special = new boolean[size];
        for (int i = 0; i < size; i++) {
            int id = ids[i];
            tokens[i] = idToToken(id);
            byte[] b = ranks.bytes(id);
            if (b == null) {
                special[i] = true;
                b = tokens[i].getBytes(StandardCharsets.UTF_8);
            }
            bytes[i] = b;
        }
        return new Encoding(text, ids, tokens, bytes, Arrays.copyOf(out.starts, size), Arrays.copyOf(out.ends, size),
                special, Arrays.copyOf(out.words, size));
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        byte[] buf = new byte[ids.length * 4];
        int n = 0;
        for (int id : ids) {
            byte[] b = ranks.bytes(id);
            if (b == null) {
                if (!isSpecial(id)) {
                    throw new TokenizerException(name + ": cannot decode unknown token id " + id);
                }
                if (skipSpecialTokens) {
                    continue;
                }
                b = pieces[id].getBytes(StandardCharsets.UTF_8);
            }
            if (n + b.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + b.length));
            }
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public String idToToken(int id) {
        if (id < 0 || id >= vocabSize) {
            return null;
        }
        String p = pieces[id];
        if (p == null) {
            byte[] b = ranks.bytes(id);
            if (b == null) {
                return null;
            }
            p = ByteLevelAlphabet.piece(b);
            pieces[id] = p;
        }
        return p;
    }

    @Override
    public int tokenToId(String token) {
        for (int k = 0; k < specialTexts.length; k++) {
            if (specialTexts[k].equals(token)) {
                return specialIds[k];
            }
        }
        byte[] b = ByteLevelAlphabet.bytesOf(token);
        if (b == null || b.length == 0) {
            return -1;
        }
        return ranks.rank(b, 0, b.length);
    }

    @Override
    public byte[] tokenBytes(int id) {
        byte[] b = ranks.bytes(id);
        if (b != null) {
            return b.clone();
        }
        return isSpecial(id) ? pieces[id].getBytes(StandardCharsets.UTF_8) : null;
    }

    @Override
    public boolean isSpecial(int id) {
        for (int s : specialIds) {
            if (s == id) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isLossless() {
        return true;
    }

    @Override
    public TokenizerInfo info() {
        Map<String, String> stages = new java.util.LinkedHashMap<>();
        stages.put("encoding", encoding.encodingName);
        stages.put("pattern", encoding.pattern);
        stages.put("ranks", Integer.toString(ranks.idLimit()));
        stages.put("special_tokens", encoding.specials.toString());
        stages.put("special_tokens_in_text", "ordinary text unless allowed (tiktoken's encode_ordinary)");
        return new TokenizerInfo("tiktoken", source, stages, Map.of());
    }

    @Override
    public Optional<Trace> trace(String text, int tokenIndex) {
        Encoding enc = encode(text);
        Objects.checkIndex(tokenIndex, enc.size());
        if (enc.special()[tokenIndex]) {
            return Optional.empty();
        }
        int word = enc.wordIndex()[tokenIndex];
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (int i = 0; i < enc.size(); i++) {
            if (enc.wordIndex()[i] == word) {
                start = Math.min(start, enc.starts()[i]);
                end = Math.max(end, enc.ends()[i]);
            }
        }
        byte[] piece = BpeTracer.utf8(text.substring(start, end));
        return Optional.of(BpeTracer.trace(ranks, piece));
    }

    @Override
    public String toString() {
        return "TiktokenTokenizer[" + name + ", " + encoding.encodingName + "]";
    }
}
