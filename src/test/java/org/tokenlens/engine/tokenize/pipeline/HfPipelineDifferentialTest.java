package org.tokenlens.engine.tokenize.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tokenlens.engine.tokenize.EncodeOptions;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.io.TokenizerJsonLoader;
import org.tokenlens.testing.Corpus;
import org.tokenlens.testing.Fixtures;
import org.tokenlens.testing.HfOracle;
import org.tokenlens.testing.OracleEncoding;

/**
 * The whole tokenizer.json pipeline against HF tokenizers (through DJL), live: ids, pieces, UTF-16 offsets, word
 * indexes and inserted specials identical on the shared corpus, with and without special tokens; decode identical.
 */
class HfPipelineDifferentialTest {

    private record Subject(String name, Tokenizer ours, HfOracle oracle) {
    }

    static Stream<Subject> subjects() {
        List<Subject> out = new ArrayList<>();
        String bert = Fixtures.bertJson();
        out.add(new Subject("bert-base-uncased", load(bert, "bert-base-uncased"), HfOracle.fromJson(bert)));
        for (String name : Fixtures.NAMES) {
            out.add(new Subject(name, TokenizerJsonLoader.load(Fixtures.tokenizerJson(name)),
                    HfOracle.shared(Fixtures.tokenizerJson(name))));
        }
        for (String hand : List.of("unigram-tiny", "wordlevel-tiny")) {
            String json = Fixtures.handBuilt(hand + "/tokenizer.json");
            out.add(new Subject(hand, load(json, hand), HfOracle.fromJson(json)));
        }
        return out.stream();
    }

    private static Tokenizer load(String json, String name) {
        return TokenizerJsonLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), name, name);
    }

    @TestFactory
    Stream<DynamicTest> encodingsMatchTheReference() {
        List<String> corpus = Corpus.all();
        return subjects().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            int failures = 0;
            StringBuilder report = new StringBuilder();
            for (String text : corpus) {
                for (boolean specials : new boolean[] {true, false}) {
                    OracleEncoding want = s.oracle().encode(text, specials);
                    Encoding got = s.ours().encode(text, new EncodeOptions(specials, true));
                    String diff = difference(want, got);
                    if (diff != null && failures++ < 5) {
                        report.append("\n  ").append(specials ? "[specials] " : "").append(diff);
                    }
                    if (diff == null) {
                        String wantText = s.oracle().decode(want.ids(), false);
                        String gotText = s.ours().decode(got.ids(), false);
                        if (!wantText.equals(gotText) && failures++ < 5) {
                            report.append("\n  decode of ").append(Arrays.toString(want.ids())).append(" for ")
                                    .append(show(text)).append(": want ").append(show(wantText)).append(" got ")
                                    .append(show(gotText));
                        }
                    }
                }
            }
            if (failures > 0) {
                fail(s.name() + ": " + failures + " differences from HF tokenizers" + report);
            }
        }));
    }

    /** Lossless pipelines (byte-level, no normalizer) give the text back exactly, whatever it holds. */
    @TestFactory
    Stream<DynamicTest> losslessPipelinesRoundTrip() {
        List<String> corpus = Corpus.all();
        return subjects().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            boolean expectLossless = s.name().equals("llama3") || s.name().equals("gpt4o");
            assertEquals(expectLossless, s.ours().isLossless(), "isLossless of " + s.name());
            if (!expectLossless) {
                return;
            }
            for (String text : corpus) {
                Encoding e = s.ours().encode(text, EncodeOptions.NO_SPECIAL);
                assertEquals(text, s.ours().decode(e.ids(), false), () -> "round trip of " + show(text));
                // special-token strings typed in the text stay text when not allowed, so skipping specials keeps them
                Encoding ordinary = s.ours().encode(text, new EncodeOptions(true, false));
                assertEquals(text, s.ours().decode(ordinary.ids(), true),
                        () -> "round trip skipping specials of " + show(text));
            }
        }));
    }

    /**
     * The trace of every word explains exactly the tokens the encoding gave it: BPE's last symbols, WordPiece's
     * matches and Unigram's best path are that word's pieces, in order.
     */
    @TestFactory
    Stream<DynamicTest> tracesExplainTheTokens() {
        List<String> texts = List.of("This is a input.", "Tokenizers split unbelievably long words: "
                + "antidisestablishmentarianism!", "naïve café 東京タワー 👨‍👩‍👧 x²+y²", "<s> hello </s> [CLS]");
        return subjects().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            for (String text : texts) {
                Encoding e = s.ours().encode(text);
                for (int i = 0; i < e.size(); i++) {
                    int word = e.wordIndex()[i];
                    java.util.Optional<org.tokenlens.engine.tokenize.Trace> trace = s.ours().trace(text, i);
                    if (word < 0) {
                        assertEquals(java.util.Optional.empty(), trace, "inserted token " + i + " has no trace");
                        continue;
                    }
                    List<String> wordPieces = new ArrayList<>();
                    for (int j = 0; j < e.size(); j++) {
                        if (e.wordIndex()[j] == word) {
                            wordPieces.add(e.tokens()[j]);
                        }
                    }
                    List<String> explained = explainedPieces(trace.orElseThrow(), s.ours());
                    assertEquals(wordPieces, explained, () -> s.name() + ": trace of token in word " + word
                            + " of " + show(text));
                }
            }
        }));
    }

    private static List<String> explainedPieces(org.tokenlens.engine.tokenize.Trace trace, Tokenizer tokenizer) {
        if (trace instanceof org.tokenlens.engine.tokenize.Trace.Bpe bpe) {
            return bpe.merges().isEmpty() ? bpe.initial() : bpe.merges().get(bpe.merges().size() - 1).after();
        }
        if (trace instanceof org.tokenlens.engine.tokenize.Trace.WordPiece wp) {
            List<String> out = new ArrayList<>();
            if (wp.unknown()) {
                return List.of("[UNK]");
            }
            wp.steps().forEach(st -> out.add(st.matched()));
            return out;
        }
        if (trace instanceof org.tokenlens.engine.tokenize.Trace.Unigram u) {
            List<String> out = new ArrayList<>();
            for (org.tokenlens.engine.tokenize.Trace.UnigramPiece p : u.path()) {
                if (p.unknown() && tokenizer.tokenToId("<0x00>") >= 0) { // byte fallback spells it in bytes
                    for (byte b : p.piece().getBytes(StandardCharsets.UTF_8)) {
                        out.add(String.format("<0x%02X>", b & 0xFF));
                    }
                } else {
                    out.add(p.piece());
                }
            }
            return out;
        }
        return List.of(((org.tokenlens.engine.tokenize.Trace.Single) trace).piece());
    }

    /** First difference between the reference and ours, or null. */
    static String difference(OracleEncoding want, Encoding got) {
        String text = want.text();
        if (!Arrays.equals(want.ids(), got.ids())) {
            return "ids differ for " + show(text) + "\n    want " + Arrays.toString(want.ids()) + " "
                    + Arrays.toString(want.tokens()) + "\n    got  " + Arrays.toString(got.ids()) + " "
                    + Arrays.toString(got.tokens());
        }
        for (int i = 0; i < want.size(); i++) {
            if (!want.tokens()[i].equals(got.tokens()[i])) {
                return "piece " + i + " differs for " + show(text) + ": want " + show(want.tokens()[i]) + " got "
                        + show(got.tokens()[i]);
            }
            if (want.starts()[i] != got.starts()[i] || want.ends()[i] != got.ends()[i]) {
                return "offsets of token " + i + " (" + show(want.tokens()[i]) + ") differ for " + show(text)
                        + ": want [" + want.starts()[i] + "," + want.ends()[i] + ") got [" + got.starts()[i] + ","
                        + got.ends()[i] + ")";
            }
            if (want.wordIds()[i] != got.wordIndex()[i]) {
                return "word index of token " + i + " differs for " + show(text) + ": want " + want.wordIds()[i]
                        + " got " + got.wordIndex()[i];
            }
            if (want.special()[i] && !got.special()[i]) {
                return "token " + i + " is an inserted special token but not flagged special, for " + show(text);
            }
        }
        return null;
    }

    static String show(String s) {
        StringBuilder b = new StringBuilder("\"");
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        cut.codePoints().forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || Character.isWhitespace(cp) && cp != ' '
                    || cp == 0xA0 || cp == 0x200B || cp == 0xFEFF) {
                b.append(String.format("\\u%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append('"').append(s.length() > 80 ? " (" + s.length() + " chars)" : "").toString();
    }
}
