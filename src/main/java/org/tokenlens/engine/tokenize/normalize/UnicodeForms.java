package org.tokenlens.engine.tokenize.normalize;

import java.text.Normalizer.Form;
import java.util.Arrays;

/**
 * NFD, NFKD, NFC and NFKC as HF tokenizers computes them, with the (char, change) pairs that keep the alignment.
 * HF uses the crate {@code unicode-normalization-alignments}; this follows its algorithm step by step because the
 * alignments depend on its exact choices, not only on the normalized text:
 * <ul>
 * <li>decomposition: the first character of each input character's decomposition replaces it (change 0), the rest
 *     are insertions (+1, aligned to the same original character); then every run of non-starters is stably
 *     sorted by canonical combining class, the changes travelling with their characters;</li>
 * <li>recomposition: when a starter and a following character compose, the composite gets the change
 *     {@code first + second - 1}, so "e" + U+0301 (0, +1) becomes "é" (0) and two original characters composed into
 *     one become a replace-and-remove (-1).</li>
 * </ul>
 * Text that is already in the requested form is left alone: each character then decomposes and recomposes to itself
 * with change 0 (no reordering, since the text is canonically ordered), which is the identity. The oracle tests
 * cover both paths ({@code NormalizersOracleTest} has already-normalized texts, {@code UnicodeExhaustiveTest} not).
 */
final class UnicodeForms {
    private UnicodeForms() {
    }

    static void nfd(NormalizedString s) {
        apply(s, Form.NFD, false, false);
    }

    static void nfkd(NormalizedString s) {
        apply(s, Form.NFKD, true, false);
    }

    static void nfc(NormalizedString s) {
        apply(s, Form.NFC, false, true);
    }

    static void nfkc(NormalizedString s) {
        apply(s, Form.NFKC, true, true);
    }

    private static void apply(NormalizedString s, Form form, boolean compat, boolean compose) {
        String text = s.get();
        if (java.text.Normalizer.isNormalized(text, form)) {
            return;
        }
        NormalizedString.Edit edit = decompose(text, compat);
        if (compose) {
            edit = recompose(edit);
        }
        s.transform(edit, 0);
    }

    /** The decomposition pairs of {@code text}, canonically ordered (crate {@code Decompositions}). */
    static NormalizedString.Edit decompose(String text, boolean compat) {
        NormalizedString.Edit out = new NormalizedString.Edit(text.length() + 8);
        int runStart = 0;   // first index after the last starter: the run of non-starters still to be sorted
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int[] d = UnicodeData.decomposition(cp, compat);
            if (d.length == 0) {
                runStart = push(out, cp, 0, runStart);
            } else {
                for (int k = 0; k < d.length; k++) {
                    runStart = push(out, d[k], k == 0 ? 0 : 1, runStart);
                }
            }
        }
        sortRun(out, runStart, out.size);
        return out;
    }

    private static int push(NormalizedString.Edit out, int cp, int change, int runStart) {
        if (!UnicodeData.isNonStarter(cp)) {
            sortRun(out, runStart, out.size);
            out.add(cp, change);
            return out.size;
        }
        out.add(cp, change);
        return runStart;
    }

    /** Stable insertion sort of {@code [from, to)} by combining class; runs are short (usually 0 or 1). */
    private static void sortRun(NormalizedString.Edit e, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int cp = e.codePoints[i];
            int ch = e.changes[i];
            int j = i - 1;
            while (j >= from && UnicodeData.cccGreater(e.codePoints[j], cp)) {
                e.codePoints[j + 1] = e.codePoints[j];
                e.changes[j + 1] = e.changes[j];
                j--;
            }
            e.codePoints[j + 1] = cp;
            e.changes[j + 1] = ch;
        }
    }

    /** Canonical composition of decomposed pairs (crate {@code Recompositions}), emitting in the crate's order. */
    static NormalizedString.Edit recompose(NormalizedString.Edit in) {
        NormalizedString.Edit out = new NormalizedString.Edit(in.size);
        int[] bufCp = new int[8];
        int[] bufCh = new int[8];
        int buffered = 0;
        boolean hasComposee = false;
        int composee = 0;
        int composeeChange = 0;
        int lastMark = -1;   // the last buffered (blocked) non-starter; -1 when none since the composee
        for (int i = 0; i < in.size; i++) {
            int ch = in.codePoints[i];
            int change = in.changes[i];
            boolean starter = !UnicodeData.isNonStarter(ch);
            if (!hasComposee) {
                if (!starter) {
                    out.add(ch, change);
                } else {
                    hasComposee = true;
                    composee = ch;
                    composeeChange = change;
                }
                continue;
            }
            if (lastMark >= 0 && !UnicodeData.cccGreater(ch, lastMark)) {
                // blocked from the composee by an earlier mark of the same or higher class
                if (starter) {
                    out.add(composee, composeeChange);
                    for (int b = 0; b < buffered; b++) {
                        out.add(bufCp[b], bufCh[b]);
                    }
                    buffered = 0;
                    lastMark = -1;
                    composee = ch;
                    composeeChange = change;
                    continue;
                }
            } else {
                int r = UnicodeData.compose(composee, ch);
                if (r >= 0) {
                    composee = r;
                    composeeChange = composeeChange + change - 1;
                    continue;
                }
                if (starter && lastMark < 0) {
                    out.add(composee, composeeChange);
                    composee = ch;
                    composeeChange = change;
                    continue;
                }
            }
            if (buffered == bufCp.length) {
                bufCp = Arrays.copyOf(bufCp, buffered * 2);
                bufCh = Arrays.copyOf(bufCh, buffered * 2);
            }
            bufCp[buffered] = ch;
            bufCh[buffered] = change;
            buffered++;
            lastMark = ch;
        }
        if (hasComposee) {
            out.add(composee, composeeChange);
        }
        for (int b = 0; b < buffered; b++) {
            out.add(bufCp[b], bufCh[b]);
        }
        return out;
    }
}
