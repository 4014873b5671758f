package org.tokenlens.engine.tokenize.normalize;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.OracleEncoding;

/**
 * Shows what HF's normalizer does, through DJL, which has no "normalize" call: the tokenizer.json built here has
 * the normalizer under test, no pre-tokenizer and a BPE model whose vocabulary holds only the 256 byte-fallback
 * tokens {@code <0x00>…<0xFF>}. Every normalized character then comes out as its UTF-8 bytes, each token carrying
 * that character's original span, which is exactly the normalized text plus its alignments.
 *
 * <p>Both sides are rendered the same way, one line per normalized character: {@code U+0066 'f' [0,1)}.
 */
final class NormalizerOracle implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HfOracle oracle;
    final Normalizer ours;

    NormalizerOracle(String normalizerJson) {
        this.oracle = HfOracle.fromJson(tokenizerJson(normalizerJson));
        try {
            this.ours = Normalizers.fromJson(JSON.readTree(normalizerJson), "$.normalizer");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(normalizerJson, e);
        }
    }

    static String tokenizerJson(String normalizerJson) {
        StringBuilder vocab = new StringBuilder();
        for (int b = 0; b < 256; b++) {
            vocab.append(b == 0 ? "" : ",").append(String.format("\"<0x%02X>\":%d", b, b));
        }
        return "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":[],"
                + "\"normalizer\":" + normalizerJson + ",\"pre_tokenizer\":null,\"post_processor\":null,"
                + "\"decoder\":null,\"model\":{\"type\":\"BPE\",\"dropout\":null,\"unk_token\":null,"
                + "\"continuing_subword_prefix\":null,\"end_of_word_suffix\":null,\"fuse_unk\":false,"
                + "\"byte_fallback\":true,\"vocab\":{" + vocab + "},\"merges\":[]}}";
    }

    /** HF's normalized characters with their original spans (UTF-16, into {@code text}). */
    String expected(String text) {
        OracleEncoding e = oracle.encode(text, false);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < e.size()) {
            int lead = Integer.parseInt(e.tokens()[i].substring(3, 5), 16);
            int n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            byte[] bytes = new byte[n];
            for (int k = 0; k < n; k++) {
                bytes[k] = (byte) Integer.parseInt(e.tokens()[i + k].substring(3, 5), 16);
            }
            String c = new String(bytes, StandardCharsets.UTF_8);
            line(out, c.codePointAt(0), e.starts()[i], e.ends()[i]);
            i += n;
        }
        return out.toString();
    }

    /** Ours, rendered the same way. */
    String actual(String text) {
        NormalizedString s = NormalizedString.of(text);
        if (ours != null) {
            ours.normalize(s);
        }
        return render(s);
    }

    static String render(NormalizedString s) {
        StringBuilder out = new StringBuilder();
        String n = s.get();
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            line(out, cp, s.alignStart(i), s.alignEnd(i));
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, int cp, int start, int end) {
        out.append(String.format("U+%04X '%s' [%d,%d)%n", cp, new String(Character.toChars(cp)), start, end));
    }

    @Override
    public void close() {
        oracle.close();
    }
}
