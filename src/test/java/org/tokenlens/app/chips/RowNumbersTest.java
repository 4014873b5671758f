package org.tokenlens.app.chips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The chip list's row numbers: each resize is one add or remove at the end, reported like any list's. */
class RowNumbersTest {

    @Test
    void growingAndShrinkingReportOneRangeAtTheEnd() {
        RowNumbers rows = new RowNumbers();
        List<String> changes = new ArrayList<>();
        List<Integer> removedSizes = new ArrayList<>();
        rows.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                removedSizes.add(c.getRemovedSize());
                changes.add((c.wasAdded() ? "+" + c.getFrom() + ".." + c.getTo() : "")
                        + (c.wasRemoved() ? "-" + c.getFrom() + ":" + c.getRemoved() : ""));
            }
        });
        rows.resize(100_000);
        assertEquals(100_000, rows.size());
        assertEquals(99_999, rows.get(99_999));
        rows.resize(100_000); // no change, no event
        rows.resize(3);
        assertEquals(List.of(0, 1, 2), new ArrayList<>(rows));
        rows.resize(5);
        rows.resize(0);
        assertEquals(4, changes.size(), changes.toString());
        assertEquals("+0..100000", changes.get(0));
        assertTrue(changes.get(1).startsWith("-3:[3, 4, 5,"), changes.get(1));
        assertEquals(List.of(0, 99_997, 0, 5), removedSizes);
        assertEquals("+3..5", changes.get(2));
        assertEquals("-0:[0, 1, 2, 3, 4]", changes.get(3));
        assertThrows(IndexOutOfBoundsException.class, () -> rows.get(0));
        assertThrows(IllegalArgumentException.class, () -> rows.resize(-1));
    }
}
