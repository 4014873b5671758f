package org.tokenlens.app;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tokenlens.engine.tokenize.EncodeOptions;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.Trace;

/**
 * A tokenizer simple enough to compute by hand: {@code words} splits at spaces (each space starts the next
 * token, GPT-style), {@code chars} gives one token per UTF-16 unit. Ids are the first char's code; a
 * {@code [CLS]}-like special (id 1) is inserted first when {@code withSpecial}.
 */
final class FakeTokenizer implements Tokenizer {

    private final String name;
    private final boolean perChar;
    private final boolean withSpecial;

    FakeTokenizer(String name, boolean perChar, boolean withSpecial) {
        this.name = name;
        this.perChar = perChar;
        this.withSpecial = withSpecial;
    }

    static FakeTokenizer words() {
        return new FakeTokenizer("words", false, true);
    }

    static FakeTokenizer chars() {
        return new FakeTokenizer("chars", true, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Encoding encode(String text, EncodeOptions options) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || perChar || text.charAt(i) == ' ') {
                if (i > start) {
                    spans.add(new int[] {start, i});
                }
                start = i;
            }
        }
        int extra = withSpecial && options.addSpecialTokens() ? 1 : 0;
        int n = spans.size() + extra;
        int[] ids = new int[n];
        String[] tokens = new String[n];
        byte[][] bytes = new byte[n][];
        int[] starts = new int[n];
        int[] ends = new int[n];
        boolean[] special = new boolean[n];
        int[] words = new int[n];
        if (extra == 1) {
            ids[0] = 1;
            tokens[0] = "[CLS]";
            bytes[0] = "[CLS]".getBytes(StandardCharsets.UTF_8);
            starts[0] = -1;
            ends[0] = -1;
            special[0] = true;
            words[0] = -1;
        }
        for (int k = 0; k < spans.size(); k++) {
            int i = k + extra;
            String piece = text.substring(spans.get(k)[0], spans.get(k)[1]);
            ids[i] = piece.charAt(0);
            tokens[i] = piece;
            bytes[i] = piece.getBytes(StandardCharsets.UTF_8);
            starts[i] = spans.get(k)[0];
            ends[i] = spans.get(k)[1];
            words[i] = k;
        }
        return new Encoding(text, ids, tokens, bytes, starts, ends, special, words);
    }

    @Override
    public EncodeOptions defaultOptions() {
        return EncodeOptions.DEFAULT;
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int vocabSize() {
        return 0x10000;
    }

    @Override
    public String idToToken(int id) {
        return null;
    }

    @Override
    public int tokenToId(String token) {
        return -1;
    }

    @Override
    public byte[] tokenBytes(int id) {
        return null;
    }

    @Override
    public boolean isSpecial(int id) {
        return id == 1;
    }

    @Override
    public boolean isLossless() {
        return !withSpecial;
    }

    @Override
    public Optional<Trace> trace(String text, int tokenIndex) {
        return Optional.empty();
    }
}
