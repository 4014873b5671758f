package org.tokenlens.app.sources;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds tokenizers in the local Hugging Face hub cache. Its layout ({@code huggingface_hub}'s file_download):
 * {@code <hub>/models--<org>--<name>/snapshots/<commit>/tokenizer.json}; the hub folder is {@code $HF_HUB_CACHE},
 * else {@code $HF_HOME/hub}, else {@code $XDG_CACHE_HOME/huggingface/hub}, else {@code ~/.cache/huggingface/hub}.
 */
public final class HfCacheDiscovery {
    private HfCacheDiscovery() {
    }

    /** The hub folder the environment points at (it may not exist). */
    public static Path hubRoot(Map<String, String> env, Path home) {
        if (notBlank(env.get("HF_HUB_CACHE"))) {
            return Path.of(env.get("HF_HUB_CACHE"));
        }
        if (notBlank(env.get("HF_HOME"))) {
            return Path.of(env.get("HF_HOME"), "hub");
        }
        if (notBlank(env.get("XDG_CACHE_HOME"))) {
            return Path.of(env.get("XDG_CACHE_HOME"), "huggingface", "hub");
        }
        return home.resolve(".cache").resolve("huggingface").resolve("hub");
    }

    /** The hub folder of this process's environment. */
    public static Path defaultHubRoot() {
        return hubRoot(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Every snapshot holding a tokenizer.json, sorted by repository then snapshot; an absent or unreadable hub
     * gives an empty list (a cache is optional, not an error).
     */
    public static List<CachedTokenizer> find(Path hub) {
        List<CachedTokenizer> found = new ArrayList<>();
        if (!Files.isDirectory(hub)) {
            return found;
        }
        try (DirectoryStream<Path> models = Files.newDirectoryStream(hub, "models--*")) {
            for (Path model : models) {
                String repo = repoName(model.getFileName().toString());
                Path snapshots = model.resolve("snapshots");
                if (repo == null || !Files.isDirectory(snapshots)) {
                    continue;
                }
                try (DirectoryStream<Path> commits = Files.newDirectoryStream(snapshots, Files::isDirectory)) {
                    for (Path commit : commits) {
                        if (Files.isRegularFile(commit.resolve("tokenizer.json"))) {
                            found.add(new CachedTokenizer(repo, commit.getFileName().toString(), commit));
                        }
                    }
                }
            }
        } catch (IOException e) {
            return found; // what was listed so far; a cache we cannot read is not worth a dialog
        }
        found.sort(Comparator.comparing(CachedTokenizer::repo).thenComparing(CachedTokenizer::snapshot));
        return found;
    }

    /** {@code models--meta-llama--Llama-3.2-1B} → {@code meta-llama/Llama-3.2-1B}; {@code models--gpt2} → gpt2. */
    static String repoName(String folder) {
        String rest = folder.substring("models--".length());
        if (rest.isEmpty()) {
            return null;
        }
        return rest.replace("--", "/");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
