package org.tokenlens.app.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HF cache discovery on a folder tree laid out as huggingface_hub does; dropped files to specs. */
class HfCacheDiscoveryTest {

    @TempDir
    Path tmp;

    @Test
    void findsSnapshotsHoldingTokenizerJson() throws Exception {
        Path hub = tmp.resolve("hub");
        Path snap = Files.createDirectories(hub.resolve("models--org--name/snapshots/abc1234567"));
        Files.writeString(snap.resolve("tokenizer.json"), "{}");
        Files.createDirectories(hub.resolve("models--org--name/snapshots/def0000000")); // no tokenizer.json
        Path gpt2 = Files.createDirectories(hub.resolve("models--gpt2/snapshots/0123"));
        Files.writeString(gpt2.resolve("tokenizer.json"), "{}");
        Files.createDirectories(hub.resolve("datasets--org--data/snapshots/x")); // not a model
        List<CachedTokenizer> found = HfCacheDiscovery.find(hub);
        assertEquals(List.of(new CachedTokenizer("gpt2", "0123", gpt2),
                new CachedTokenizer("org/name", "abc1234567", snap)), found);
        assertEquals("org/name (abc1234)", found.get(1).label());
        assertEquals(snap.toString(), found.get(1).spec());
        assertEquals(List.of(), HfCacheDiscovery.find(tmp.resolve("absent")));
    }

    @Test
    void hubRootFollowsTheEnvironmentInHfOrder() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/c/hub"), HfCacheDiscovery.hubRoot(Map.of("HF_HUB_CACHE", "/c/hub", "HF_HOME", "/h"),
                home));
        assertEquals(Path.of("/h/hub"), HfCacheDiscovery.hubRoot(Map.of("HF_HOME", "/h"), home));
        assertEquals(Path.of("/x/huggingface/hub"), HfCacheDiscovery.hubRoot(Map.of("XDG_CACHE_HOME", "/x"), home));
        assertEquals(Path.of("/home/u/.cache/huggingface/hub"), HfCacheDiscovery.hubRoot(Map.of(), home));
    }

    @Test
    void droppedFilesBecomeSpecs() throws Exception {
        File json = Files.writeString(tmp.resolve("tokenizer.json"), "{}").toFile();
        File tiktoken = Files.writeString(tmp.resolve("my.tiktoken"), "").toFile();
        File text = Files.writeString(tmp.resolve("notes.txt"), "").toFile();
        File folder = tmp.toFile();
        assertEquals(List.of(json.getPath(), tiktoken.getPath(), folder.getPath()),
                TokenizerFiles.specsFor(List.of(json, text, tiktoken, folder)));
        assertNull(TokenizerFiles.specFor(tmp.resolve("missing.json").toFile()));
    }

    @Test
    void pathsShowAsShortNames() {
        assertEquals("gpt2", TokenizerFiles.displayName("gpt2"));
        assertEquals("qwen3/tokenizer.json", TokenizerFiles.displayName("/work/fixtures/qwen3/tokenizer.json"));
        assertEquals("my-tokenizer.json", TokenizerFiles.displayName("/data/tok/my-tokenizer.json"));
        assertEquals("cl100k_base.tiktoken", TokenizerFiles.displayName("/opt/ranks/cl100k_base.tiktoken"));
        assertEquals("qwen3", TokenizerFiles.displayName("/work/fixtures/qwen3/"));
        String snapshot = "/home/u/.cache/huggingface/hub/models--meta-llama--Llama-3.2-1B/snapshots/4e20de3";
        assertEquals("meta-llama/Llama-3.2-1B", TokenizerFiles.displayName(snapshot));
        assertEquals("meta-llama/Llama-3.2-1B", TokenizerFiles.displayName(snapshot + "/tokenizer.json"));
        assertEquals("meta-llama/Llama-3.2-1B/other.json", TokenizerFiles.displayName(snapshot + "/other.json"));
        assertEquals("gpt2", TokenizerFiles.displayName("/c/hub/models--gpt2/snapshots/0123"));
        assertEquals("tokenizer.json", TokenizerFiles.displayName("/tokenizer.json")); // no folder to name it by
        assertEquals("snapshots", TokenizerFiles.displayName("/x/snapshots")); // not a cache layout
        assertEquals("/", TokenizerFiles.displayName("/"));
    }
}
