package org.tokenlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tokenlens.app.chips.ChipMode;
import org.tokenlens.app.task.CurrentThreadTaskRunner;
import org.tokenlens.app.task.ManualTaskRunner;
import org.tokenlens.engine.tokenize.Encoding;
import org.tokenlens.engine.tokenize.TextEdit;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import org.tokenlens.testing.Fixtures;

/**
 * The keystroke warm-up types into its own sample of the text through the lanes' tokenizers' edit paths, leaves
 * every tokenizer's results as they were, and ends: after its edits, at {@code stop()}, or at the first change of
 * the text; it never starts once the text changed before the lanes were ready.
 */
class KeystrokeWarmupTest {

    private static final TokenizerRegistry REGISTRY = new TokenizerRegistry();
    private static final String DOC = ("The quick brown fox jumps over the lazy dog; tokenizers split words.\n"
            + "def tokenize(text):\n    return [t for t in text.split() if t]  # code\n"
            + "日本語のテキストと中文，还有 emoji 🙂👍🏽 and café naïve.\n\n").repeat(150);

    /** {@code real}, counting its encodeEdited and encode calls. */
    private static Tokenizer counting(Tokenizer real, AtomicInteger edited, AtomicInteger fresh) {
        return (Tokenizer) Proxy.newProxyInstance(Tokenizer.class.getClassLoader(), new Class<?>[] {Tokenizer.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("encodeEdited")) {
                        edited.incrementAndGet();
                    } else if (method.getName().equals("encode")) {
                        fresh.incrementAndGet();
                    }
                    return method.invoke(real, args);
                });
    }

    @Test
    void typesThroughEachLanesEditPathEndsAfterItsEditsAndChangesNoResult() throws InterruptedException {
        List<Tokenizer> real = List.of(REGISTRY.load("bert-base-uncased"), REGISTRY.load("gpt2"),
                REGISTRY.load(Fixtures.tokenizerJson("qwen3").toString()),
                REGISTRY.load(Fixtures.tokenizerJson("gemma3").toString()));
        List<Encoding> before = real.stream().map(t -> t.encode(DOC)).toList();
        List<AtomicInteger> edited = new ArrayList<>();
        List<AtomicInteger> fresh = new ArrayList<>();
        List<KeystrokeWarmup.Lane> lanes = new ArrayList<>();
        for (Tokenizer t : real) {
            edited.add(new AtomicInteger());
            fresh.add(new AtomicInteger());
            lanes.add(new KeystrokeWarmup.Lane(counting(t, edited.get(edited.size() - 1), fresh.get(fresh.size() - 1)),
                    ChipMode.TEXT));
        }
        String sample = KeystrokeWarmup.sample(DOC);
        assertTrue(sample.length() <= KeystrokeWarmup.SAMPLE && DOC.contains(sample) && sample.length() > 8000);
        int edits = 100;
        KeystrokeWarmup warmup = new KeystrokeWarmup(edits, 600_000);
        warmup.start(lanes, sample);
        assertTrue(warmup.join(120_000), "ended");
        assertEquals("bound", warmup.ended());
        assertEquals(edits, warmup.edits());
        // the same typing replayed: where the warm-up's text ended, which every lane's last encoding is of
        KeystrokeWarmup.Typing typing = new KeystrokeWarmup.Typing(sample);
        String text = sample;
        for (int k = 0; k < edits; k++) {
            String next = typing.next();
            assertEquals(1, TextEdit.between(text, next).changed(), "one character per edit");
            text = next;
        }
        assertFalse(text.equals(sample));
        for (int k = 0; k < real.size(); k++) {
            assertEquals(edits, edited.get(k).get(), "every edit through encodeEdited, lane " + k);
            assertEquals(1, fresh.get(k).get(), "one whole encode (the sample), lane " + k);
            assertEquals(real.get(k).encode(text), warmup.last().get(k), "lane " + k);
            assertEquals(before.get(k), real.get(k).encode(DOC), "the tokenizer's results unchanged, lane " + k);
        }
    }

    @Test
    void typingReturnsToTheTextAfterEachPlace() {
        String text = "one two three";
        KeystrokeWarmup.Typing typing = new KeystrokeWarmup.Typing(text);
        for (int place = 0; place < 3; place++) {
            String s = text;
            for (int k = 0; k < 2 * KeystrokeWarmup.TYPED.length(); k++) {
                s = typing.next();
            }
            assertEquals(text, s, "place " + place);
        }
        for (String pairs : List.of("a🙂".repeat(5000), "a🙂".repeat(2801))) { // starts, ends in a pair
            String sample = KeystrokeWarmup.sample(pairs);
            assertFalse(Character.isLowSurrogate(sample.charAt(0)) || Character.isHighSurrogate(
                    sample.charAt(sample.length() - 1)), "the sample splits no pair");
            assertTrue(pairs.contains(sample) && sample.length() >= KeystrokeWarmup.SAMPLE - 2);
        }
    }

    @Test
    void stopEndsItAtOnce() throws InterruptedException {
        KeystrokeWarmup warmup = new KeystrokeWarmup(Integer.MAX_VALUE, Long.MAX_VALUE / 2_000_000);
        warmup.start(List.of(new KeystrokeWarmup.Lane(REGISTRY.load("gpt2"), ChipMode.TEXT)), DOC);
        while (warmup.edits() < 3) {
            Thread.sleep(5);
        }
        warmup.stop();
        assertTrue(warmup.join(10_000), "ended");
        assertEquals("stopped", warmup.ended());
    }

    @Test
    void startsOnceTheLanesAreReadyAndStopsAtTheFirstChangeOfTheText() throws InterruptedException {
        TokenizationViewModel vm = new TokenizationViewModel(REGISTRY::load, new CurrentThreadTaskRunner(), List.of(),
                List.of("bert-base-uncased", "gpt2"), DOC);
        KeystrokeWarmup warmup = KeystrokeWarmup.whenLanesReady(vm, Integer.MAX_VALUE, 600_000);
        while (warmup.edits() < 3) {
            Thread.sleep(5);
        }
        assertEquals("running", warmup.ended());
        vm.textProperty().set(DOC + "x");
        assertTrue(warmup.join(10_000), "ended");
        assertEquals("typing", warmup.ended());
    }

    @Test
    void neverStartsWhenTheTextChangedBeforeTheLanesWereReady() throws InterruptedException {
        ManualTaskRunner runner = ManualTaskRunner.holding(LaneViewModel.class);
        TokenizationViewModel vm = new TokenizationViewModel(REGISTRY::load, runner, List.of(), List.of("gpt2"), DOC);
        KeystrokeWarmup warmup = KeystrokeWarmup.whenLanesReady(vm, Integer.MAX_VALUE, 600_000);
        assertEquals("not started", warmup.ended(), "the lane is still encoding");
        vm.textProperty().set("typed");
        runner.pending().forEach(ManualTaskRunner.Pending::complete);
        assertFalse(vm.busyProperty().get());
        assertTrue(warmup.join(1_000));
        assertEquals("typing", warmup.ended());
        assertEquals(0, warmup.edits());
    }
}
