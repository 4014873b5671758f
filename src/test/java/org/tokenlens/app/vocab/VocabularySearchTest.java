package org.tokenlens.app.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.vocab.VocabularySearch.Field;
import org.tokenlens.app.vocab.VocabularySearch.Sort;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import org.tokenlens.testing.Fixtures;

/** Search results against a brute-force filter over the tokenizer's API; merge ranks against the merges list. */
class VocabularySearchTest {

    private static final TokenizerRegistry REGISTRY = new TokenizerRegistry();

    /** Brute force: every id, the tokenizer's own lookups, the pattern tested with String-level matching. */
    private static List<Integer> bruteForce(Tokenizer t, String regex, Field field) {
        Pattern p = Pattern.compile(regex);
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < t.vocabSize(); id++) {
            String piece = t.idToToken(id);
            if (piece == null) {
                continue;
            }
            String s = field == Field.PIECE ? piece : new String(t.tokenBytes(id), StandardCharsets.UTF_8);
            if (p.matcher(s).find()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static List<Integer> ids(List<VocabularyEntry> entries) {
        return entries.stream().map(VocabularyEntry::id).toList();
    }

    @Test
    void regexResultsEqualBruteForceOnBertAndCl100k() {
        for (String name : List.of("bert-base-uncased", "cl100k_base")) {
            Tokenizer t = REGISTRY.load(name);
            List<VocabularyEntry> all = VocabularySearch.entries(t, () -> false);
            for (String regex : List.of("^##ing$", "ing$", "^\\s+\\d", "[\\p{IsHan}]", "(?i)^\\W?token")) {
                for (Field f : Field.values()) {
                    List<Integer> expected = bruteForce(t, regex, f);
                    if (regex.equals("ing$") || regex.contains("token")) { // found in both fields of both vocabularies
                        assertFalse(expected.isEmpty(), name + " " + regex + " in " + f + " finds nothing");
                    }
                    assertEquals(expected, ids(VocabularySearch.filter(all, Pattern.compile(regex), f, Sort.ID,
                            () -> false)), name + " " + regex + " in " + f);
                }
            }
            assertEquals(t.vocabSize() - countMissing(t), VocabularySearch.filter(all, null, Field.PIECE, Sort.ID,
                    () -> false).size());
        }
    }

    private static int countMissing(Tokenizer t) {
        int missing = 0;
        for (int id = 0; id < t.vocabSize(); id++) {
            missing += t.idToToken(id) == null ? 1 : 0;
        }
        return missing;
    }

    @Test
    void sortsByLengthAndRankAndCancels() {
        Tokenizer cl100k = REGISTRY.load("cl100k_base");
        List<VocabularyEntry> all = VocabularySearch.entries(cl100k, () -> false);
        List<VocabularyEntry> byLength = VocabularySearch.filter(all, Pattern.compile("^Ġ"), Field.PIECE,
                Sort.LENGTH, () -> false);
        for (int i = 1; i < byLength.size(); i++) {
            assertTrue(byLength.get(i - 1).length() <= byLength.get(i).length());
        }
        // tiktoken: a multi-byte token's rank is its id; single bytes are base symbols without a merge.
        List<VocabularyEntry> byRank = VocabularySearch.filter(all, null, Field.PIECE, Sort.MERGE_RANK, () -> false);
        assertEquals(256, byRank.get(0).mergeRank());
        assertEquals(2, byRank.get(0).length());
        assertFalse(byRank.get(byRank.size() - 1).hasRank());
        assertThrows(CancellationException.class, () -> VocabularySearch.filter(all, Pattern.compile("a"),
                Field.PIECE, Sort.ID, () -> true));
    }

    /** Qwen 3's ranks: each reported rank is a merge in tokenizer.json whose two sides join to the piece. */
    @Test
    void hfBpeRanksNameAMergeThatBuildsThePiece() throws Exception {
        Path json = Fixtures.tokenizerJson("qwen3");
        Tokenizer qwen = REGISTRY.load(json.toString());
        JsonNode merges = new ObjectMapper().readTree(Files.readString(json)).path("model").path("merges");
        Map<String, Set<Integer>> ranksByResult = new HashMap<>();
        for (int rank = 0; rank < merges.size(); rank++) {
            JsonNode m = merges.get(rank);
            String joined = m.isArray() ? m.get(0).asText() + m.get(1).asText() : m.asText().replace(" ", "");
            ranksByResult.computeIfAbsent(joined, k -> new HashSet<>()).add(rank);
        }
        List<VocabularyEntry> all = VocabularySearch.entries(qwen, () -> false);
        int ranked = 0;
        for (VocabularyEntry e : all) {
            if (e.hasRank()) {
                ranked++;
                Set<Integer> possible = ranksByResult.get(e.piece());
                assertNotNull(possible, () -> e.piece() + " has a rank but no merge builds it");
                assertTrue(possible.contains(e.mergeRank()), () -> e.piece() + " rank " + e.mergeRank());
            }
        }
        assertTrue(ranked > merges.size() * 9 / 10, "ranks found for " + ranked + " of " + merges.size());
    }
}
