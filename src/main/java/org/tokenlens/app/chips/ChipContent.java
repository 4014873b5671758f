package org.tokenlens.app.chips;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.tokenlens.engine.tokenize.Encoding;

/**
 * What one chip shows: the label runs of a cluster of tokens (see {@link TokenClusters}) in a {@link ChipMode},
 * and one item per token under it (its id, plus a hex badge when the token alone is only part of a character).
 * Pure; built only for the chips on screen.
 *
 * @param segments label runs
 * @param items    one per token, in order
 * @param mark     the strongest {@link TokenMarks} mark among the tokens (special > unknown > byte-fallback)
 */
public record ChipContent(List<ChipLabel.Segment> segments, List<Item> items, byte mark) {

    /** One token of the cluster: its id and, if it holds part of a character, its bytes as hex. */
    public record Item(int id, String badge) {
    }

    public static ChipContent of(Encoding e, byte[] marks, int from, int to, ChipMode mode) {
        List<Item> items = new ArrayList<>(to - from);
        boolean partial = false;
        byte mark = TokenMarks.NORMAL;
        for (int i = from; i < to; i++) {
            partial |= !TokenClusters.isWholeUtf8(e.bytes()[i]);
            mark = stronger(mark, marks[i]);
        }
        for (int i = from; i < to; i++) {
            boolean badge = mode == ChipMode.TEXT && partial && to - from > 1;
            items.add(new Item(e.ids()[i], badge ? hex(e.bytes()[i]) : null));
        }
        return new ChipContent(label(e, from, to, mode), items, mark);
    }

    private static byte stronger(byte a, byte b) {
        int ra = rank(a);
        int rb = rank(b);
        return rb > ra ? b : a;
    }

    private static int rank(byte mark) {
        return switch (mark) {
            case TokenMarks.SPECIAL -> 3;
            case TokenMarks.UNKNOWN -> 2;
            case TokenMarks.BYTE_FALLBACK -> 1;
            default -> 0;
        };
    }

    private static List<ChipLabel.Segment> label(Encoding e, int from, int to, ChipMode mode) {
        switch (mode) {
            case RAW: {
                List<ChipLabel.Segment> out = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    if (i > from) {
                        out.add(new ChipLabel.Segment(" ", ChipLabel.Kind.TEXT));
                    }
                    out.addAll(ChipLabel.ofText(e.tokens()[i]));
                }
                return out;
            }
            case HEX: {
                StringBuilder sb = new StringBuilder();
                for (int i = from; i < to; i++) {
                    if (i > from) {
                        sb.append(" │ ");
                    }
                    sb.append(e.special()[i] ? e.tokens()[i] : hex(e.bytes()[i]));
                }
                return List.of(new ChipLabel.Segment(sb.toString(), ChipLabel.Kind.BYTES));
            }
            default: {
                if (to - from == 1 && (e.special()[from] || e.bytes()[from].length == 0)) {
                    // a special token stands for its piece; an empty byte string would leave an empty chip
                    return ChipLabel.ofText(e.tokens()[from]);
                }
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (int i = from; i < to; i++) {
                    all.writeBytes(e.bytes()[i]);
                }
                return ChipLabel.ofBytes(all.toByteArray());
            }
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString().toUpperCase(java.util.Locale.ROOT);
    }

    /** The label as one string, as a reader sees it (tests, accessibility text). */
    public String labelText() {
        StringBuilder sb = new StringBuilder();
        segments.forEach(s -> sb.append(s.text()));
        return sb.toString();
    }

    /** The line under the label: ids, each with its hex badge if any. */
    public String itemsText() {
        StringBuilder sb = new StringBuilder();
        for (Item item : items) {
            if (sb.length() > 0) {
                sb.append("  ");
            }
            sb.append(item.id());
            if (item.badge() != null) {
                sb.append(' ').append('‹').append(item.badge()).append('›');
            }
        }
        return sb.toString();
    }
}
