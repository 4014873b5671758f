package org.tokenlens.testing;

import java.util.List;
import java.util.SplittableRandom;

/** Random edits for the incremental re-encoding tests: what typing, deleting and pasting do to a text. */
public final class RandomEdits {

    private RandomEdits() {
    }

    /**
     * One random edit of {@code text}: insert one of {@code snippets} (half the time), delete up to 6 characters,
     * or replace up to 10 with up to 40 taken from elsewhere in the text; an emptied text starts over as
     * {@code "restart"}.
     */
    public static void apply(StringBuilder text, SplittableRandom random, List<String> snippets) {
        int at = random.nextInt(text.length() + 1);
        switch (random.nextInt(4)) {
            case 0, 1 -> text.insert(at, snippets.get(random.nextInt(snippets.size())));
            case 2 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(6)));
            default -> {
                int from = random.nextInt(text.length() + 1);
                String piece = text.substring(from, Math.min(text.length(), from + random.nextInt(40)));
                text.replace(at, Math.min(text.length(), at + random.nextInt(10)), piece);
            }
        }
        if (text.length() == 0) {
            text.append("restart");
        }
    }
}
