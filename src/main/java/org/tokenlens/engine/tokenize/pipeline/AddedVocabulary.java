package org.tokenlens.engine.tokenize.pipeline;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tokenlens.engine.tokenize.model.Model;
import org.tokenlens.engine.tokenize.model.ModelToken;
import org.tokenlens.engine.tokenize.normalize.NormalizedString;
import org.tokenlens.engine.tokenize.normalize.Normalizer;
import org.tokenlens.engine.tokenize.normalize.UnicodeProps;
import org.tokenlens.engine.tokenize.pretokenize.PreTokenizedString;
import org.tokenlens.engine.tokenize.pretokenize.PreTokenizedString.Split;

/**
 * The added tokens of a tokenizer and how they are cut out of the input before normalization (non-normalized
 * tokens) and after it (normalized tokens), as HF's {@code AddedVocabulary}: leftmost-longest matching, with
 * {@code single_word}, {@code lstrip} and {@code rstrip}.
 */
final class AddedVocabulary {
    private final Map<String, Integer> idByContent = new HashMap<>();
    private final Map<Integer, AddedToken> tokenById = new HashMap<>();
    private final Map<Integer, String> normalizedContent = new HashMap<>();
    private final Trie rawTrie = new Trie();
    private final Trie normalizedTrie = new Trie();

    /**
     * Register tokens in file order, as HF does on load: an added token keeps the id the model gives its content,
     * else takes the next id after the model's vocabulary and the added tokens so far.
     */
    /** Every registered added token. */
    java.util.Collection<AddedToken> all() {
        return tokenById.values();
    }

    AddedVocabulary(List<AddedToken> tokens, Model model, Normalizer normalizer) {
        int nextId = model.vocabSize();
        for (AddedToken t : tokens) {
            if (t.content().isEmpty()) {
                continue;
            }
            Integer known = idByContent.get(t.content());
            if (known != null && t.equals(tokenById.get(known))) {
                continue;
            }
            int id;
            if (known != null) {
                id = known;
            } else {
                int modelId = model.tokenToId(t.content());
                if (modelId >= 0) {
                    id = modelId;
                } else {
                    id = Math.max(nextId, maxId() + 1);
                    nextId = id + 1;
                }
            }
            if (t.normalized() && normalizer != null) {
                NormalizedString s = NormalizedString.of(t.content());
                normalizer.normalize(s);
                if (!s.get().equals(t.content())) {
                    normalizedContent.put(id, s.get());
                } else {
                    normalizedContent.remove(id);
                }
            }
            idByContent.put(t.content(), id);
            tokenById.put(id, t);
        }
        for (Map.Entry<Integer, AddedToken> e : tokenById.entrySet()) {
            AddedToken t = e.getValue();
            if (t.normalized()) {
                normalizedTrie.add(normalizedContent.getOrDefault(e.getKey(), t.content()), e.getKey());
            } else {
                rawTrie.add(t.content(), e.getKey());
            }
        }
    }

    private int maxId() {
        int max = -1;
        for (int id : tokenById.keySet()) {
            max = Math.max(max, id);
        }
        return max;
    }

    boolean isEmpty() {
        return tokenById.isEmpty();
    }

    /** Largest added id + 1, or 0. */
    int endId() {
        return maxId() + 1;
    }

    /** Id of added content, or -1. */
    int idOf(String content) {
        Integer id = idByContent.get(content);
        return id == null ? -1 : id;
    }

    AddedToken token(int id) {
        return tokenById.get(id);
    }

    /** The piece decode uses for an added id: its normalized form when it has one (HF simple_id_to_token). */
    String pieceOf(int id) {
        AddedToken t = tokenById.get(id);
        if (t == null) {
            return null;
        }
        return normalizedContent.getOrDefault(id, t.content());
    }

    boolean isSpecialContent(String content) {
        Integer id = idByContent.get(content);
        return id != null && tokenById.get(id).special();
    }

    /**
     * Cut added tokens out of the input, normalize the rest, cut normalized added tokens out of that (HF
     * {@code extract_and_normalize}). With {@code matchSpecial} false, special tokens are left as text
     * (HF's {@code encode_special_tokens}).
     */
    PreTokenizedString extractAndNormalize(Normalizer normalizer, String text, boolean matchSpecial) {
        PreTokenizedString pts = PreTokenizedString.of(text);
        pts.splitInto((i, piece) -> splitOnMatches(piece, rawTrie, matchSpecial));
        pts.splitInto((i, piece) -> {
            if (normalizer != null) {
                normalizer.normalize(piece);
            }
            return splitOnMatches(piece, normalizedTrie, matchSpecial);
        });
        return pts;
    }

    /** HF {@code find_matches} + {@code split_with_indices}: non-overlapping leftmost-longest matches. */
    private List<Split> splitOnMatches(NormalizedString piece, Trie trie, boolean matchSpecial) {
        List<Split> out = new ArrayList<>(1);
        if (trie.isEmpty() || piece.isEmpty()) {
            out.add(new Split(piece, null));
            return out;
        }
        String s = piece.get();
        int n = s.length();
        int startOffset = 0;
        int i = 0;
        while (i < n) {
            long m = trie.longestAt(s, i);
            if (m < 0) {
                i++;
                continue;
            }
            int id = (int) (m >>> 32);
            int start = i;
            int stop = (int) m;
            i = stop; // the automaton resumes after a match, even one the checks below reject
            AddedToken t = tokenById.get(id);
            if (!matchSpecial && t.special()) {
                continue;
            }
            if (t.singleWord()) {
                boolean startSpace = start == 0 || !isWordChar(s.codePointBefore(start));
                boolean stopSpace = stop == n || !isWordChar(s.codePointAt(stop));
                if (!startSpace || !stopSpace) {
                    continue;
                }
            }
            if (t.lstrip()) {
                int ns = start;
                while (ns > 0 && UnicodeProps.isWhitespace(s.codePointBefore(ns))) {
                    ns -= Character.charCount(s.codePointBefore(ns));
                }
                start = Math.max(ns, startOffset);
            }
            if (t.rstrip()) {
                while (stop < n && UnicodeProps.isWhitespace(s.codePointAt(stop))) {
                    stop += Character.charCount(s.codePointAt(stop));
                }
                i = stop;
            }
            if (startOffset < start) {
                out.add(new Split(piece.slice(startOffset, start), null));
            }
            NormalizedString slice = piece.slice(start, stop);
            out.add(new Split(slice, List.of(new ModelToken(id, slice.get(), 0, slice.length()))));
            startOffset = stop;
        }
        if (startOffset == 0) {
            out.clear();
            out.add(new Split(piece, null));
        } else if (startOffset != n) {
            out.add(new Split(piece.slice(startOffset, n), null));
        }
        return out;
    }

    /** Rust regex {@code \w}: alphabetic, marks, decimal digits, connector punctuation, joiners. */
    static boolean isWordChar(int cp) {
        if (Character.isAlphabetic(cp)) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.CONNECTOR_PUNCTUATION:
                return true;
            default:
                return cp == 0x200C || cp == 0x200D;
        }
    }

    /**
     * A trie over UTF-16 units of the added tokens' contents, with the units they begin with in a bit set: most
     * positions of a text are turned down by one bit test, not a map lookup.
     */
    static final class Trie {
        private final Node root = new Node();
        private final BitSet firstUnits = new BitSet();
        private boolean empty = true;

        private static final class Node {
            Map<Character, Node> next;
            int id = -1;
        }

        void add(String content, int id) {
            if (!content.isEmpty()) {
                firstUnits.set(content.charAt(0));
            }
            Node n = root;
            for (int i = 0; i < content.length(); i++) {
                if (n.next == null) {
                    n.next = new HashMap<>(4);
                }
                n = n.next.computeIfAbsent(content.charAt(i), c -> new Node());
            }
            n.id = id;
            empty = false;
        }

        boolean isEmpty() {
            return empty;
        }

        /** The longest match starting at {@code from}, packed as {@code id << 32 | end}, or -1. */
        long longestAt(String s, int from) {
            if (from >= s.length() || !firstUnits.get(s.charAt(from))) {
                return -1;
            }
            Node n = root;
            long best = -1;
            for (int i = from; i < s.length() && n.next != null; i++) {
                n = n.next.get(s.charAt(i));
                if (n == null) {
                    break;
                }
                if (n.id >= 0) {
                    best = ((long) n.id << 32) | (i + 1);
                }
            }
            return best;
        }
    }
}
