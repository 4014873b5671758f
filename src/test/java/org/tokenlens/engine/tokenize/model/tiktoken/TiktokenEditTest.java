package org.tokenlens.engine.tokenize.model.tiktoken;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.testing.KeptTokens;
import org.tokenlens.testing.RandomEdits;

/**
 * Re-encoding after an edit ({@code encodeEdited}) reuses the previous encoding's pieces: after every one of a
 * long run of random edits — typing, deleting, pasting across words, whitespace runs, digits, contractions,
 * emoji, CJK, lone surrogates — the result equals a fresh {@code encode} of the new text in every field, and its
 * ids equal jtokkit's.
 */
class TiktokenEditTest {

    /** Snippets the edits insert: each exercises a branch of the split patterns at the edit's border. */
    private static final List<String> SNIPPETS = List.of(" ", "  ", "\n", "\r\n", "\n\n  ", "\t", "x", "e", "'s",
            "'LL", "'re", "123", "4567", "1", ".", "...", "!?", " hello", "World", "don't", "naïve", "日本語", "中",
            "🙂", "👍🏽", "\uD83D", "é", "\u0301", "  \n", "—", "()", "{", "}", ";\n", " the", "THE", "ſ", "İ",
            "          ", "\n\n\n        \n", " \t \r\n   ", "'", "''ll", "HTMLParser", "aBc'S", "🇯🇵🇺🇸", "\u00A0\u2003",
            "COLECOLECOLECOLE", "E\u0301", "s", "S", "ÉCOLE");

    @ParameterizedTest
    @EnumSource(TiktokenEncoding.class)
    void everyEditGivesTheFreshEncoding(TiktokenEncoding which) {
        Tokenizer tok = TiktokenDifferentialTest.ours(which);
        com.knuddels.jtokkit.api.Encoding ref = TiktokenDifferentialTest.jtokkit(which);
        SplittableRandom random = new SplittableRandom(which.ordinal() + 7);
        StringBuilder text = new StringBuilder(TiktokenCorpus.long_().get(0));
        text.setLength(Math.min(text.length(), 3000));
        if (Character.isHighSurrogate(text.charAt(text.length() - 1))) {
            text.setLength(text.length() - 1);
        }
        Encoding previous = tok.encode(text.toString());
        long kept = 0;
        long total = 0;
        for (int step = 0; step < 1500; step++) {
            RandomEdits.apply(text, random, SNIPPETS);
            String now = text.toString();
            Encoding edited = tok.encodeEdited(previous, now);
            Encoding fresh = tok.encode(now);
            int s = step;
            assertEquals(fresh, edited, () -> which + " step " + s + ": " + TiktokenDifferentialTest.show(now));
            kept += KeptTokens.assertKept(previous, edited, which + " step " + s);
            total += edited.size();
            if (step % 50 == 0 && isWellFormed(now)) { // jtokkit turns lone surrogates into '?'
                assertArrayEquals(ref.encodeOrdinary(now).toArray(), edited.ids());
            }
            previous = edited;
        }
        // the edits are small: most tokens are kept, and said to be (what spares the chips comparing them)
        assertTrue(kept > total * 9 / 10, kept + " of " + total + " tokens kept");
    }

    /**
     * o200k's letter pieces read through a whole run of letters and marks before they settle where to end
     * ({@code [\p{Lu}…\p{M}]*[\p{Ll}…\p{M}]+}): "É" before capitals is a piece of its own until a lower-case
     * letter far down the run joins them into one. A restart right after a letter or mark would keep the old
     * split of the start of the run.
     */
    @Test
    void anEditFarDownARunOfCapitalsRejoinsItsStartInO200k() {
        Tokenizer tok = TiktokenDifferentialTest.ours(TiktokenEncoding.O200K_BASE);
        String before = "x, E\u0301" + "COLE".repeat(8) + "S rest";
        String after = "x, E\u0301" + "COLE".repeat(8) + "s rest";
        assertEquals(tok.encode(after), tok.encodeEdited(tok.encode(before), after));
        assertEquals(tok.encode(before), tok.encodeEdited(tok.encode(after), before));
    }

    @Test
    void anUnrelatedOrEmptyPreviousEncodingStillGivesTheFreshEncoding() {
        Tokenizer tok = TiktokenDifferentialTest.ours(TiktokenEncoding.CL100K_BASE);
        Encoding other = tok.encode("completely different words 123");
        for (String text : new String[] {"", "x", "completely", "different words 123 and more", "  \n\n 🙂"}) {
            assertEquals(tok.encode(text), tok.encodeEdited(other, text), text);
            assertEquals(tok.encode(text), tok.encodeEdited(tok.encode(""), text), text);
            assertEquals(tok.encode(text), tok.encodeEdited(null, text), text);
        }
    }

    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return false;
            }
        }
        return true;
    }
}
