package org.tokenlens.engine.tokenize.pretokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tokenlens.engine.tokenize.decode.ByteLevelAlphabet;
import org.tokenlens.engine.tokenize.normalize.NormalizedString;
import org.tokenlens.testing.Corpus;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.OracleEncoding;

/**
 * Makes HF's pre-tokenizer visible through DJL: a tokenizer.json with only the pre-tokenizer under test and a
 * character-level BPE (no merges, every character of the inputs in the vocabulary). Each character of each
 * pre-token then becomes one token carrying its normalized text, its original span and the pre-token's index
 * (word id), and our pre-tokenizer must give exactly the same list.
 */
final class PreTokenizerOracle implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNK = "[UNK]";

    private final Set<Integer> vocab;
    private final HfOracle oracle;
    private final PreTokenizer ours;

    /** {@code preTokenizerJson}: the {@code pre_tokenizer} object; {@code texts}: inputs whose characters to know. */
    PreTokenizerOracle(String preTokenizerJson, Collection<String> texts) {
        this(parse(preTokenizerJson), texts);
    }

    PreTokenizerOracle(JsonNode preTokenizer, Collection<String> texts) {
        vocab = new TreeSet<>();
        for (String t : texts) {
            t.codePoints().forEach(vocab::add);
        }
        for (int b = 0; b < 256; b++) {
            vocab.add((int) ByteLevelAlphabet.byteToChar(b));
        }
        vocab.add(0x2581);
        vocab.add((int) ' ');
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.putArray("added_tokens");
        root.putNull("normalizer");
        root.set("pre_tokenizer", preTokenizer);
        root.putNull("post_processor");
        root.putNull("decoder");
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.put("unk_token", UNK);
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        ObjectNode v = model.putObject("vocab");
        v.put(UNK, 0);
        int id = 1;
        for (int cp : vocab) {
            v.put(new String(Character.toChars(cp)), id++);
        }
        model.putArray("merges");
        oracle = HfOracle.fromJson(root.toString());
        ours = PreTokenizers.fromJson(preTokenizer, "$.pre_tokenizer");
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** HF's pieces: {@code "char@start-end#word"} per token. */
    List<String> expected(String text) {
        OracleEncoding e = oracle.encode(text, false);
        List<String> out = new ArrayList<>(e.size());
        for (int k = 0; k < e.size(); k++) {
            out.add(e.tokens()[k] + "@" + e.starts()[k] + "-" + e.ends()[k] + "#" + e.wordIds()[k]);
        }
        return out;
    }

    /** Ours, in the same form. */
    List<String> actual(String text) {
        PreTokenizedString s = PreTokenizedString.of(text);
        ours.preTokenize(s);
        List<String> out = new ArrayList<>();
        int word = 0;
        for (PreTokenizedString.Split split : s.splits()) {
            NormalizedString n = split.normalized();
            String t = n.get();
            for (int i = 0; i < t.length(); ) {
                int cp = t.codePointAt(i);
                int w = Character.charCount(cp);
                String tok = vocab.contains(cp) ? new String(Character.toChars(cp)) : UNK;
                out.add(tok + "@" + n.alignStart(i) + "-" + n.alignEnd(i + w - 1) + "#" + word);
                i += w;
            }
            word++;
        }
        return out;
    }

    /** Null if ours equals HF's on every text, else a description of the first few differences. */
    String compare(Collection<String> texts) {
        StringBuilder failures = new StringBuilder();
        int failed = 0;
        for (String text : texts) {
            List<String> exp = expected(text);
            List<String> act = actual(text);
            if (!exp.equals(act)) {
                if (failed++ < 3) {
                    int k = 0;
                    while (k < exp.size() && k < act.size() && exp.get(k).equals(act.get(k))) {
                        k++;
                    }
                    failures.append("\n  ").append(Corpus.describe(text)).append(": first difference at token ")
                            .append(k).append(": HF ").append(window(exp, k)).append(" ours ").append(window(act, k));
                }
            }
        }
        return failed == 0 ? null : failed + " of " + texts.size() + " inputs differ" + failures;
    }

    private static List<String> window(List<String> l, int k) {
        return l.subList(Math.min(k, l.size()), Math.min(k + 4, l.size()));
    }

    @Override
    public void close() {
        oracle.close();
    }
}
