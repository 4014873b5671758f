package org.tokenlens.engine.tokenize.model.tiktoken;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hand-written splitters cut exactly where tiktoken's own pattern does, run by java.util.regex with Unicode
 * classes (jtokkit's setting). The pattern is tiktoken's verbatim except {@code $} → {@code \z}: Java's {@code $}
 * also matches before a final line terminator, fancy-regex's only at the end. Region bounds stand for tiktoken
 * splitting the slice between two special tokens.
 */
class SplitterEquivalenceTest {

    static List<String> pieces(Splitter splitter, String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int end = splitter.pieceEnd(text, i, text.length());
            out.add(text.substring(i, end));
            i = end;
        }
        return out;
    }

    static List<String> regexPieces(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        int last = 0;
        while (m.find()) {
            assertEquals(last, m.start(), "pattern skipped text in " + TiktokenDifferentialTest.show(text));
            out.add(m.group());
            last = m.end();
        }
        assertEquals(text.length(), last);
        return out;
    }

    static Pattern javaPattern(TiktokenEncoding e) {
        return Pattern.compile(e.pattern.replace("$", "\\z"), Pattern.UNICODE_CHARACTER_CLASS);
    }

    @ParameterizedTest
    @EnumSource(TiktokenEncoding.class)
    void handSplitterEqualsPattern(TiktokenEncoding e) {
        Pattern p = javaPattern(e);
        Splitter s = e.splitter();
        List<String> inputs = new ArrayList<>(TiktokenCorpus.HAND_PICKED);
        inputs.addAll(TiktokenCorpus.long_());
        inputs.addAll(TiktokenCorpus.random(1, 3000, 40));
        inputs.addAll(dense(2, 5000));
        for (String text : inputs) {
            assertEquals(regexPieces(p, text), pieces(s, text), () -> e + " " + TiktokenDifferentialTest.show(text));
        }
    }

    /**
     * Strings over the few characters each pattern branches on (apostrophe, contraction letters in all cases, long
     * s, marks, upper/lower/other letters, digits, spaces, CR/LF, slash, lone surrogates), so every backtracking
     * path meets every neighbour.
     */
    static List<String> dense(long seed, int count) {
        String[] atoms = {"'", "s", "S", "\u017F", "l", "L", "e", "E", "v", "r", "d", "m", "t", "T", "A", "b", "ǅ",
            "ʰ", "中", "\u0301", "\u20DD", "1", "٣", "Ⅻ", " ", "  ", "\t", "\r", "\n", "\u00A0", "\u3000", "/", "!",
            ".", "\uD835\uDC00", "\uD835\uDC1A", "\uD83D\uDE00", "\uD83D", "\uDE00", "\u0085", "\u2028", "\u200B"};
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + rnd.nextInt(12);
            for (int i = 0; i < n; i++) {
                sb.append(atoms[rnd.nextInt(atoms.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void smallAndLargeMergeAgree() {
        RankTable ranks = new RankTable(RankFileReader.read(resource(TiktokenEncoding.CL100K_BASE), "cl100k"));
        BytePairMerger a = new BytePairMerger(ranks);
        BytePairMerger b = new BytePairMerger(ranks);
        for (String text : TiktokenCorpus.random(9, 400, 90)) {
            byte[] bytes = BpeTracer.utf8(text);
            if (bytes.length < 2) {
                continue;
            }
            int n = a.mergeSmall(bytes, bytes.length);
            int m = b.mergeLarge(bytes, bytes.length);
            assertEquals(n, m, () -> TiktokenDifferentialTest.show(text));
            assertArrayEquals(java.util.Arrays.copyOf(a.bounds, n + 1), java.util.Arrays.copyOf(b.bounds, m + 1));
            assertArrayEquals(java.util.Arrays.copyOf(a.ids, n), java.util.Arrays.copyOf(b.ids, m));
            for (int k = 0; k < n; k++) {
                assertEquals(ranks.rank(bytes, a.bounds[k], a.bounds[k + 1]), a.ids[k]);
            }
        }
    }

    static byte[] resource(TiktokenEncoding e) {
        try (var in = SplitterEquivalenceTest.class.getResourceAsStream(e.resource())) {
            return in.readAllBytes();
        } catch (java.io.IOException ex) {
            throw new AssertionError(ex);
        }
    }
}
