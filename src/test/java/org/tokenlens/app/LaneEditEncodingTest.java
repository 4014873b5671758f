package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.chips.ChipData;
import org.tokenlens.app.chips.ChipMode;
import org.tokenlens.app.chips.TokenMarks;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.app.task.ManualTaskRunner;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;

/**
 * A lane re-encodes an edited text from the encoding it shows (only the merges near the edit are redone) and
 * still shows exactly the fresh encoding; a new tokenizer starts from scratch. A keystroke in a lane whose tokenizer
 * edits incrementally (tiktoken; BERT's, Llama 3's, Qwen 3's and Gemma 3's pipelines) is re-encoded at once,
 * without a worker; a big paste, or a tokenizer that encodes all over again (a pipeline no edit path takes), still
 * goes to the worker.
 */
class LaneEditEncodingTest {

    private static final TokenizerRegistry REGISTRY = new TokenizerRegistry();

    @Test
    void editsReuseTheShownEncodingAndMatchAFreshOne() {
        Tokenizer real = REGISTRY.load("cl100k_base");
        AtomicInteger edited = new AtomicInteger();
        AtomicInteger fresh = new AtomicInteger();
        Tokenizer counting = (Tokenizer) Proxy.newProxyInstance(Tokenizer.class.getClassLoader(),
                new Class<?>[] {Tokenizer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("encodeEdited")) {
                        edited.incrementAndGet();
                    } else if (method.getName().equals("encode")) {
                        fresh.incrementAndGet();
                    }
                    return method.invoke(real, args);
                });
        TokenizationViewModel vm = new TokenizationViewModel(spec -> spec.equals("counted") ? counting
                : REGISTRY.load(spec), new CurrentThreadTaskRunner(), List.of(), List.of("counted"), "Hello world");
        assertEquals(1, fresh.get(), "the first text is encoded from scratch");
        String[] texts = {"Hello world!", "Hello, world!", "Hello, wonderful world!", "", "🙂 again 123"};
        for (String t : texts) {
            vm.textProperty().set(t);
            assertEquals(real.encode(t), vm.lanes().get(0).encodingProperty().get(), t);
        }
        assertEquals(texts.length, edited.get(), "each edit re-encoded from the shown encoding");
        vm.lanes().get(0).tokenizerNameProperty().set("o200k_base");
        assertEquals(REGISTRY.load("o200k_base").encode("🙂 again 123"),
                vm.lanes().get(0).encodingProperty().get(), "another tokenizer: a fresh encoding");
    }

    @Test
    void aKeystrokeIsReEncodedAtOnceAndAPasteOnAWorker() {
        ManualTaskRunner runner = ManualTaskRunner.holding(LaneViewModel.class); // the lanes' tasks; comparisons run
        String doc = "def tokenize(text):\n    return [t for t in text.split() if t]  # 日本語 🙂\n".repeat(200);
        String llama = org.tokenlens.testing.Fixtures.tokenizerJson("llama3").toString();
        String gemma = org.tokenlens.testing.Fixtures.tokenizerJson("gemma3").toString();
        String qwen = org.tokenlens.testing.Fixtures.tokenizerJson("qwen3").toString();
        String whole = org.tokenlens.testing.Fixtures.wholeEncodingTokenizerJson().toString();
        TokenizationViewModel vm = new TokenizationViewModel(REGISTRY::load, runner, List.of(),
                List.of("cl100k_base", "bert-base-uncased", llama, qwen, gemma, whole), doc);
        runner.pending().forEach(ManualTaskRunner.Pending::complete); // the first encodes
        runner.pending().clear();
        List<LaneViewModel> lanes = vm.lanes();
        Encoding wholeBefore = lanes.get(5).encodingProperty().get();

        String typed = doc.substring(0, 500) + "x" + doc.substring(500);
        vm.textProperty().set(typed);
        for (int k = 0; k < 5; k++) { // all but the last lane re-encode near the edit
            LaneViewModel lane = lanes.get(k);
            Tokenizer t = REGISTRY.load(lane.tokenizerNameProperty().get());
            Encoding e = lane.encodingProperty().get();
            assertEquals(t.encode(typed), e, "the keystroke's encoding is shown at once");
            assertEquals(false, lane.busyProperty().get());
            ChipData chips = lane.chipDataProperty().get();
            assertSame(e, chips.encoding());
            ChipData fresh = ChipData.of(e, TokenMarks.unknownId(t), ChipMode.TEXT);
            assertTrue(java.util.Arrays.equals(fresh.clusterStarts(), chips.clusterStarts())
                    && java.util.Arrays.equals(fresh.widths(), chips.widths())
                    && java.util.Arrays.equals(fresh.lineEnds(), chips.lineEnds()), "its chips are the fresh chips");
        }
        assertSame(wholeBefore, lanes.get(5).encodingProperty().get(), "encoded all again: on the worker");
        assertTrue(lanes.get(5).busyProperty().get());
        assertEquals(1, runner.pending().size(), "one task: the whole encode's");

        String pasted = typed.substring(0, 100) + doc.substring(0, 2000) + typed.substring(100);
        vm.textProperty().set(pasted);
        Encoding shown = lanes.get(0).encodingProperty().get();
        assertEquals(REGISTRY.load("cl100k_base").encode(typed), shown, "a paste waits for the worker");
        assertTrue(lanes.get(0).busyProperty().get());
        runner.pending().forEach(ManualTaskRunner.Pending::complete);
        for (LaneViewModel lane : lanes) {
            assertEquals(REGISTRY.load(lane.tokenizerNameProperty().get()).encode(pasted),
                    lane.encodingProperty().get());
        }
        assertNotEquals(wholeBefore, lanes.get(5).encodingProperty().get());
    }

    @Test
    void afterAKeystrokeTheBoundaryMarksAreThoseOfTheNewEncodings() {
        ManualTaskRunner runner = ManualTaskRunner.holding(TokenizationViewModel.class); // hold the comparison
        String doc = "Tokenizers split words: unbelievable, naïve café, 日本語, don't.\n".repeat(100);
        TokenizationViewModel vm = new TokenizationViewModel(REGISTRY::load, runner, List.of(),
                List.of("cl100k_base", "bert-base-uncased"), doc);
        runner.pending().forEach(ManualTaskRunner.Pending::complete);
        runner.pending().clear();
        String typed = doc.substring(0, 700) + "un" + doc.substring(700);
        vm.textProperty().set(typed);
        List<LaneViewModel> lanes = vm.lanes();
        List<Encoding> shown = List.of(lanes.get(0).encodingProperty().get(), lanes.get(1).encodingProperty().get());
        assertEquals(typed, shown.get(0).text());
        assertEquals(typed, shown.get(1).text());
        assertEquals(1, runner.pending().size(), "the keystroke's comparison runs as a task (its boundaries too)");
        runner.pending().get(0).complete();
        List<java.util.BitSet> expected = BoundaryDiff.compute(shown);
        assertTrue(!expected.get(0).isEmpty() && !expected.get(1).isEmpty(), "the lanes disagree somewhere");
        assertEquals(expected.get(0), lanes.get(0).boundaryDiffProperty().get());
        assertEquals(expected.get(1), lanes.get(1).boundaryDiffProperty().get());
    }

    @Test
    void aKeystrokeInTheOnlyLaneStartsNoTaskAtAll() {
        ManualTaskRunner runner = new ManualTaskRunner();
        TokenizationViewModel vm = new TokenizationViewModel(REGISTRY::load, runner, List.of(),
                List.of("bert-base-uncased"), "The app opens with one lane.");
        runner.pending().forEach(ManualTaskRunner.Pending::complete);
        runner.pending().clear();
        vm.textProperty().set("The app opens with one lane!");
        assertEquals(REGISTRY.load("bert-base-uncased").encode("The app opens with one lane!"),
                vm.lanes().get(0).encodingProperty().get());
        assertTrue(runner.pending().isEmpty(), "no encode task, and no comparison of one lane with nothing");
        assertTrue(vm.lanes().get(0).boundaryDiffProperty().get().isEmpty());
    }
}
