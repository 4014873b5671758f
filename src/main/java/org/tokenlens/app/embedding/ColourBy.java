package org.tokenlens.app.embedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.tokenlens.engine.embed.ops.TokenMetadata;

/**
 * What the points are coloured by, and the categories (at most 8, the Okabe–Ito palette's size) each id falls in.
 * Categories are computed for the projected ids only, so the legend counts what is on the map. Word boundaries
 * are named in the tokenizer's own terms ({@link SpaceMarks}): a WordPiece vocabulary has word starts and
 * {@code ##} continuations, a byte-level BPE {@code Ġ} leading spaces, SentencePiece {@code ▁} word starts.
 */
public enum ColourBy {
    SPECIAL("special"),
    BYTE("byte"),
    SPACE("leading space / continuation"),
    SCRIPT("script"),
    LENGTH("length"),
    ID_RANK("id rank");

    /** Per point category and the legend names (index = category). */
    record Categories(byte[] categories, List<String> names) {
    }

    private static final int[] LENGTH_EDGES = {2, 3, 4, 6, 9};
    private static final List<String> LENGTH_NAMES = List.of("0–1 chars", "2 chars", "3 chars", "4–5 chars",
            "6–8 chars", "9+ chars");
    private static final int[] RANK_EDGES = {1_000, 5_000, 10_000, 20_000, 50_000};
    private static final List<String> RANK_NAMES = List.of("id < 1k", "1k–5k", "5k–10k", "10k–20k", "20k–50k",
            "≥ 50k");
    /** Scripts beyond the most frequent ones share one colour. */
    private static final int NAMED_SCRIPTS = 6;

    private final String label;

    ColourBy(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** @param pieces id → vocabulary piece (which space mark the vocabulary uses) */
    Categories categorise(int[] ids, TokenMetadata meta, IntFunction<String> pieces) {
        byte[] c = new byte[ids.length];
        switch (this) {
            case SPECIAL -> {
                for (int i = 0; i < ids.length; i++) {
                    c[i] = (byte) (meta.isSpecial(ids[i]) ? 0 : 1);
                }
                return new Categories(c, List.of("special", "other"));
            }
            case BYTE -> {
                for (int i = 0; i < ids.length; i++) {
                    c[i] = (byte) (meta.isByte(ids[i]) ? 0 : 1);
                }
                return new Categories(c, List.of("byte", "text"));
            }
            case SPACE -> {
                return SpaceMarks.of(meta, pieces).categorise(ids, meta);
            }
            case LENGTH -> {
                for (int i = 0; i < ids.length; i++) {
                    c[i] = (byte) bucket(meta.length(ids[i]), LENGTH_EDGES);
                }
                return new Categories(c, LENGTH_NAMES);
            }
            case ID_RANK -> {
                for (int i = 0; i < ids.length; i++) {
                    c[i] = (byte) bucket(ids[i], RANK_EDGES);
                }
                return new Categories(c, RANK_NAMES);
            }
            default -> {
                return scripts(ids, meta, c);
            }
        }
    }

    /** The most frequent scripts by name, then "other script", then "none" (bytes, gaps). */
    private static Categories scripts(int[] ids, TokenMetadata meta, byte[] c) {
        Character.UnicodeScript[] all = Character.UnicodeScript.values();
        int[] counts = new int[all.length];
        for (int id : ids) {
            Character.UnicodeScript s = meta.script(id);
            if (s != null) {
                counts[s.ordinal()]++;
            }
        }
        Integer[] order = new Integer[all.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(counts[b], counts[a]));
        int[] slot = new int[all.length];
        Arrays.fill(slot, -1);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < NAMED_SCRIPTS && counts[order[k]] > 0; k++) {
            slot[order[k]] = k;
            names.add(scriptName(all[order[k]]));
        }
        int other = names.size();
        names.add("other script");
        int none = names.size();
        names.add("none");
        for (int i = 0; i < ids.length; i++) {
            Character.UnicodeScript s = meta.script(ids[i]);
            c[i] = (byte) (s == null ? none : slot[s.ordinal()] >= 0 ? slot[s.ordinal()] : other);
        }
        return new Categories(c, List.copyOf(names));
    }

    static String scriptName(Character.UnicodeScript s) {
        String n = s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        n = Character.toUpperCase(n.charAt(0)) + n.substring(1);
        return s == Character.UnicodeScript.COMMON ? n + " (digits, punctuation)" : n;
    }

    private static int bucket(int value, int[] edges) {
        int k = 0;
        while (k < edges.length && value >= edges[k]) {
            k++;
        }
        return k;
    }
}
