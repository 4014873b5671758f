package org.tokenlens.app.vocab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tokenlens.engine.tokenize.Tokenizer;

/** Building, filtering and sorting vocabulary rows: plain functions, run off the FX thread, cancellable. */
public final class VocabularySearch {

    /** What a regex is matched against. */
    public enum Field {
        PIECE("piece"), DECODED("decoded text");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Row order. Merge rank puts entries without a rank last, in id order. */
    public enum Sort {
        ID("id", Comparator.comparingInt(VocabularyEntry::id)),
        LENGTH("length", Comparator.comparingInt(VocabularyEntry::length).thenComparingInt(VocabularyEntry::id)),
        MERGE_RANK("merge rank", Comparator.comparingInt((VocabularyEntry e) -> e.hasRank() ? 0 : 1)
                .thenComparingInt(VocabularyEntry::mergeRank).thenComparingInt(VocabularyEntry::id));

        private final String label;
        private final Comparator<VocabularyEntry> order;

        Sort(String label, Comparator<VocabularyEntry> order) {
            this.label = label;
            this.order = order;
        }

        public Comparator<VocabularyEntry> order() {
            return order;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private VocabularySearch() {
    }

    /** Every id the tokenizer knows, in id order (ids without a piece are skipped). */
    public static List<VocabularyEntry> entries(Tokenizer tokenizer, BooleanSupplier cancelled) {
        int[] ranks = MergeRanks.of(tokenizer, cancelled);
        HexFormat hex = HexFormat.ofDelimiter(" ").withUpperCase();
        int n = tokenizer.vocabSize();
        List<VocabularyEntry> out = new ArrayList<>(n);
        for (int id = 0; id < n; id++) {
            if ((id & 4095) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            String piece = tokenizer.idToToken(id);
            if (piece == null) {
                continue;
            }
            byte[] bytes = tokenizer.tokenBytes(id);
            if (bytes == null) {
                bytes = new byte[0];
            }
            out.add(new VocabularyEntry(id, piece, new String(bytes, StandardCharsets.UTF_8), hex.formatHex(bytes),
                    bytes.length, tokenizer.isSpecial(id), ranks == null ? VocabularyEntry.NO_RANK : ranks[id]));
        }
        return out;
    }

    /** Whether any entry has a merge rank (the rank column and sort make sense). */
    public static boolean hasRanks(List<VocabularyEntry> entries) {
        return entries.stream().anyMatch(VocabularyEntry::hasRank);
    }

    /**
     * Entries whose {@code field} contains a match of {@code pattern} (null matches everything), in {@code sort}
     * order.
     *
     * @throws CancellationException when {@code cancelled} turns true
     */
    public static List<VocabularyEntry> filter(List<VocabularyEntry> entries, Pattern pattern, Field field,
                                               Sort sort, BooleanSupplier cancelled) {
        List<VocabularyEntry> out = new ArrayList<>();
        Matcher m = pattern == null ? null : pattern.matcher("");
        for (int i = 0; i < entries.size(); i++) {
            if ((i & 2047) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            VocabularyEntry e = entries.get(i);
            if (m == null || m.reset(field == Field.PIECE ? e.piece() : e.decoded()).find()) {
                out.add(e);
            }
        }
        if (sort != Sort.ID) { // entries are built in id order
            out.sort(sort.order());
        }
        return out;
    }
}
