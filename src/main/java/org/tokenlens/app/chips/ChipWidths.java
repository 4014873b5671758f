package org.tokenlens.app.chips;

import java.lang.Character.UnicodeBlock;
import java.util.Arrays;
import java.util.Objects;
import org.tokenlens.engine.tokenize.Encoding;

/**
 * Estimated chip widths, in pixels at the base font size (14 px), so that chips can be broken into rows without
 * creating a node per token: the strip then shows only the rows on screen. Estimates err wide (a little space
 * at a row's end rather than a chip cut off); they are computed off the FX thread with the encoding.
 */
public final class ChipWidths {

    /** Base font size the estimates are for; the strip scales them by the actual font size. */
    public static final double BASE_FONT = 14;
    private static final double LABEL_FONT = BASE_FONT * 1.25;
    private static final double HEX_FONT = BASE_FONT * 1.05;
    private static final double ID_FONT = BASE_FONT * 0.85;
    private static final double MONO_ADVANCE = 0.62;
    /** Padding 7 + 7, border 1.5 + 1.5, gap to the next chip 4. */
    private static final double CHROME = 21;

    private ChipWidths() {
    }

    /** One width per cluster. */
    public static float[] estimate(Encoding e, byte[] marks, int[] clusterStarts, ChipMode mode) {
        return estimate(e, marks, clusterStarts, mode, null);
    }

    /**
     * One width per cluster, looked up in {@code cache} (may be null): a keystroke in a
     * 100 KB document re-estimates ~25,000 chips, and building each chip's content to measure it was most of
     * what a lane allocated per keystroke — garbage whose collection pauses stalled the FX thread.
     */
    public static float[] estimate(Encoding e, byte[] marks, int[] clusterStarts, ChipMode mode, Cache cache) {
        float[] out = new float[clusterStarts.length - 1];
        estimate(e, marks, clusterStarts, mode, cache, 0, out.length, out);
        return out;
    }

    /** The widths of clusters {@code [fromCluster, toCluster)} into {@code out}. */
    static void estimate(Encoding e, byte[] marks, int[] clusterStarts, ChipMode mode, Cache cache,
                         int fromCluster, int toCluster, float[] out) {
        for (int c = fromCluster; c < toCluster; c++) {
            int from = clusterStarts[c];
            int to = clusterStarts[c + 1];
            out[c] = cache == null ? (float) estimate(ChipContent.of(e, marks, from, to, mode))
                    : to - from == 1 ? cache.width(e, marks, from, mode)
                    : cache.width(e, marks, from, to, mode);
        }
    }

    /**
     * Chip widths by token ids, per mode. A chip's content depends only on the mode and its tokens' ids, special
     * flags, pieces and bytes (its mark changes the colour, not the size), so an entry is reused only when all of
     * those match — a tokenizer whose bytes for an id vary with context (a decoder that strips the first token's
     * space) simply misses. Single tokens are looked up by id in an array; clusters of several (a character split
     * into byte tokens, thousands per page of CJK under GPT-2) by a hash of their ids. Safe to share between
     * threads: entries are immutable and a lost update only costs a recomputation.
     */
    public static final class Cache {
        private static final int MAX_ID = 1 << 22;
        /** Cluster entries kept before the map starts over (a few MB). */
        private static final int MAX_CLUSTERS = 100_000;

        private record Entry(boolean special, String piece, byte[] bytes, float width) {
        }

        private record ClusterEntry(ChipMode mode, int[] ids, boolean[] special, String[] pieces, byte[][] bytes,
                                    float width) {

            boolean matches(Encoding e, int from, int to, ChipMode m) {
                if (m != mode || to - from != ids.length) {
                    return false;
                }
                for (int k = 0; k < ids.length; k++) {
                    int i = from + k;
                    if (ids[k] != e.ids()[i] || special[k] != e.special()[i]
                            || !Objects.equals(pieces[k], e.tokens()[i]) || !Arrays.equals(bytes[k], e.bytes()[i])) {
                        return false;
                    }
                }
                return true;
            }
        }

        private final Entry[][] byMode = new Entry[ChipMode.values().length][];
        private final java.util.concurrent.ConcurrentHashMap<Long, ClusterEntry> clusters =
                new java.util.concurrent.ConcurrentHashMap<>();

        float width(Encoding e, byte[] marks, int from, int to, ChipMode mode) {
            long key = mode.ordinal();
            for (int i = from; i < to; i++) {
                key = key * 0x9E3779B97F4A7C15L + e.ids()[i];
            }
            ClusterEntry hit = clusters.get(key);
            if (hit != null && hit.matches(e, from, to, mode)) {
                return hit.width;
            }
            float width = (float) estimate(ChipContent.of(e, marks, from, to, mode));
            if (clusters.size() >= MAX_CLUSTERS) {
                clusters.clear();
            }
            clusters.put(key, new ClusterEntry(mode, Arrays.copyOfRange(e.ids(), from, to),
                    Arrays.copyOfRange(e.special(), from, to), Arrays.copyOfRange(e.tokens(), from, to),
                    Arrays.copyOfRange(e.bytes(), from, to), width));
            return width;
        }

        float width(Encoding e, byte[] marks, int i, ChipMode mode) {
            int id = e.ids()[i];
            boolean special = e.special()[i];
            String piece = e.tokens()[i];
            byte[] bytes = e.bytes()[i];
            Entry[] entries = byMode[mode.ordinal()];
            if (entries != null && id >= 0 && id < entries.length) {
                Entry hit = entries[id];
                if (hit != null && hit.special == special && Objects.equals(hit.piece, piece)
                        && Arrays.equals(hit.bytes, bytes)) {
                    return hit.width;
                }
            }
            float width = (float) estimate(ChipContent.of(e, marks, i, i + 1, mode));
            if (id >= 0 && id < MAX_ID) {
                if (entries == null || id >= entries.length) {
                    entries = Arrays.copyOf(entries == null ? new Entry[0] : entries,
                            Math.min(MAX_ID, Math.max(id + 1, (entries == null ? 1024 : entries.length * 2))));
                    byMode[mode.ordinal()] = entries;
                }
                entries[id] = new Entry(special, piece, bytes, width);
            }
            return width;
        }
    }

    public static double estimate(ChipContent content) {
        double label = 0;
        for (ChipLabel.Segment s : content.segments()) {
            label += s.kind() == ChipLabel.Kind.BYTES
                    ? s.text().length() * MONO_ADVANCE * HEX_FONT
                    : proportional(s.text()) * LABEL_FONT;
        }
        double items = content.itemsText().length() * MONO_ADVANCE * ID_FONT;
        return Math.max(label, items) + CHROME;
    }

    /** Advance of {@code s} in ems of a proportional UI font, erring wide. */
    static double proportional(String s) {
        double w = 0;
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            k += Character.charCount(cp);
            w += advance(cp);
        }
        return w;
    }

    private static double advance(int cp) {
        if (cp < 0x80) {
            if ("iljI.,:;'!|`".indexOf(cp) >= 0) {
                return 0.34;
            }
            if (cp == ' ') {
                return 0.34;
            }
            if ("mwMW@%".indexOf(cp) >= 0) {
                return 0.95;
            }
            return Character.isUpperCase(cp) ? 0.75 : 0.64;
        }
        if (Character.getType(cp) == Character.NON_SPACING_MARK || Character.getType(cp) == Character.FORMAT) {
            return 0;
        }
        if (cp == '·') {
            return 0.4;
        }
        if (cp >= 0x1F000 || isWide(cp)) {
            return 1.1;
        }
        return 0.8;
    }

    private static boolean isWide(int cp) {
        UnicodeBlock block = UnicodeBlock.of(cp);
        return block == UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS || block == UnicodeBlock.HIRAGANA
                || block == UnicodeBlock.KATAKANA || block == UnicodeBlock.HANGUL_SYLLABLES
                || block == UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || block == UnicodeBlock.MISCELLANEOUS_SYMBOLS || block == UnicodeBlock.DINGBATS
                || block == UnicodeBlock.ARROWS;
    }
}
