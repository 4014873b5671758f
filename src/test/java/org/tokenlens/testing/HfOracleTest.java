package org.tokenlens.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The oracle itself must be right, or every comparison built on it proves nothing. */
class HfOracleTest {

    private static HfOracle bert;

    @BeforeAll
    static void load() {
        bert = HfOracle.fromResource(Fixtures.BERT_RESOURCE);
    }

    @AfterAll
    static void close() {
        bert.close();
    }

    @Test
    void bertEncodesTheIssueExample() {
        // the value from the issue, as printed by HF transformers for bert-base-uncased
        OracleEncoding e = bert.encode("This is a input.", true);
        assertArrayEquals(new int[] {101, 2023, 2003, 1037, 7953, 1012, 102}, e.ids());
        assertArrayEquals(new String[] {"[CLS]", "this", "is", "a", "input", ".", "[SEP]"}, e.tokens());
        assertArrayEquals(new int[] {-1, 0, 5, 8, 10, 15, -1}, e.starts());
        assertArrayEquals(new int[] {-1, 4, 7, 9, 15, 16, -1}, e.ends());
        assertArrayEquals(new boolean[] {true, false, false, false, false, false, true}, e.special());
        assertArrayEquals(new int[] {-1, 0, 1, 2, 3, 4, -1}, e.wordIds());
        // offline mode: DJL refuses downloads and uses the CPU native library inside its jar (pom + HfOracle set it)
        assertTrue(ai.djl.util.Utils.isOfflineMode(), "HfOracle puts DJL in offline mode");
    }

    @Test
    void withoutSpecialTokensNothingIsInserted() {
        OracleEncoding e = bert.encode("This is a input.", false);
        assertArrayEquals(new int[] {2023, 2003, 1037, 7953, 1012}, e.ids());
        assertFalse(e.special()[0]);
    }

    @Test
    void offsetsAreUtf16UnitsNotCodePoints() {
        // 😀 is one code point but two UTF-16 units: "b" starts at 3 in UTF-16 (2 in code points)
        String text = "a😀b 😀😀 end";
        OracleEncoding e = bert.encode(text, false);
        for (int i = 0; i < e.size(); i++) {
            assertTrue(e.starts()[i] >= 0 && e.ends()[i] <= text.length(), "offset inside text: " + e);
        }
        int last = e.size() - 1;
        assertEquals("end", e.sourceText(last), e.toString());
        assertEquals(text.length(), e.ends()[last]);
    }

    @Test
    void codePointMapHandlesPairsAndRejectsLoneSurrogates() {
        assertArrayEquals(new int[] {0, 1, 3, 4}, HfOracle.codePointToUtf16("a😀b"));
        assertArrayEquals(new int[] {0}, HfOracle.codePointToUtf16(""));
        assertThrows(IllegalArgumentException.class, () -> bert.encode("a\uD83Db", false));
    }

    @Test
    void insertedSpecialsHaveNoOffsetsButMatchedOnesDo() {
        // [CLS] typed in the text is an added token with a real span; the post-processor's [CLS]/[SEP] have none
        OracleEncoding e = bert.encode("[CLS] hi", true);
        assertArrayEquals(new int[] {101, 101, 7632, 102}, e.ids());
        assertNull(e.sourceText(0));
        assertEquals("[CLS]", e.sourceText(1));
        assertEquals("hi", e.sourceText(2));
        assertNull(e.offsets()[3]);
    }

    @Test
    void decodeKeepsOrSkipsSpecials() {
        int[] ids = {101, 2023, 2003, 1037, 7953, 1012, 102};
        assertEquals("[CLS] this is a input. [SEP]", bert.decode(ids, false));
        assertEquals("this is a input.", bert.decode(ids, true));
    }

    @Test
    void loadsFromAJsonStringAndAPath() throws Exception {
        String json = Fixtures.bertJson();
        try (HfOracle fromString = HfOracle.fromJson(json)) {
            assertArrayEquals(bert.encode("Hello, world!", true).ids(), fromString.encode("Hello, world!", true).ids());
        }
        Path tmp = java.nio.file.Files.createTempFile("bert", ".json");
        try {
            java.nio.file.Files.writeString(tmp, json);
            try (HfOracle fromPath = HfOracle.load(tmp)) {
                assertEquals(bert.encode("Hello!", false), fromPath.encode("Hello!", false));
            }
        } finally {
            java.nio.file.Files.delete(tmp);
        }
    }

    @Test
    void truncationAndPaddingInTheFileAreIgnored() {
        // the bundled file asks for truncation at 128 and padding to 128; make it 4 and 8 so either would show
        String json = Fixtures.bertJson().replaceFirst("\"max_length\":\\s*128", "\"max_length\": 4")
                .replaceFirst("\"Fixed\":\\s*128", "\"Fixed\": 8");
        assertTrue(json.contains("\"max_length\": 4") && json.contains("\"Fixed\": 8"), "test setup rewrote the file");
        try (HfOracle o = HfOracle.fromJson(json)) {
            assertArrayEquals(new int[] {101, 2023, 2003, 1037, 7953, 1012, 102}, o.encode("This is a input.", true).ids());
        }
        // and a long input is not cut at the file's 128 either
        String longText = "word ".repeat(300);
        assertEquals(302, bert.encode(longText, true).size());
    }

    @Test
    void sharedInstanceIsCachedAndSurvivesClose() {
        Path gpt4o = Fixtures.tokenizerJson("gpt4o");
        HfOracle a = HfOracle.shared(gpt4o);
        a.close();
        assertSame(a, HfOracle.shared(gpt4o));
        // o200k via HF: "hello world" → [24912, 2375], same as tiktoken's o200k_base
        assertArrayEquals(new int[] {24912, 2375}, a.encode("hello world", false).ids());
    }

    @Test
    void missingFixtureFailsNamingTheScript() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Fixtures.tokenizerJson("no-such-tokenizer"));
        assertTrue(e.getMessage().contains(".ci/fixtures.sh"), e.getMessage());
    }

    @Test
    void allFetchedFixturesLoad() {
        for (String name : Fixtures.NAMES) {
            OracleEncoding e = HfOracle.shared(Fixtures.tokenizerJson(name)).encode("Hello world", false);
            assertTrue(e.size() >= 2, name + ": " + e);
            assertEquals("Hello world", HfOracle.shared(Fixtures.tokenizerJson(name)).decode(e.ids(), true).strip(), name);
        }
    }
}
