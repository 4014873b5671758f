package org.tokenlens.engine.embed.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Model folders in the local Hugging Face cache: {@code <hub>/models--org--name/snapshots/<revision>/}, where
 * {@code <hub>} is {@code $HF_HUB_CACHE}, else {@code $HF_HOME/hub}, else {@code ~/.cache/huggingface/hub} (the
 * order huggingface_hub resolves it). Files in snapshots are symlinks into {@code blobs/}; they are read through.
 */
public final class HfCache {

    /** A snapshot holding a tokenizer.json and safetensors weights. */
    public record CachedModel(String repoId, String revision, Path folder) {
    }

    private HfCache() {
    }

    /** The hub folder from the environment, as huggingface_hub resolves it. */
    public static Path hubFolder(Map<String, String> env, String userHome) {
        String hub = env.get("HF_HUB_CACHE");
        if (hub != null && !hub.isBlank()) {
            return Path.of(hub);
        }
        String home = env.get("HF_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "hub");
        }
        return Path.of(userHome, ".cache", "huggingface", "hub");
    }

    /** Usable model snapshots in this machine's cache. */
    public static List<CachedModel> list() {
        return list(hubFolder(System.getenv(), System.getProperty("user.home")));
    }

    /** Usable model snapshots under {@code hub}, by repo id then revision; empty if the folder does not exist. */
    public static List<CachedModel> list(Path hub) {
        List<CachedModel> out = new ArrayList<>();
        if (!Files.isDirectory(hub)) {
            return out;
        }
        for (Path repo : children(hub, "models--*")) {
            String repoId = repo.getFileName().toString().substring("models--".length()).replace("--", "/");
            for (Path snap : children(repo.resolve("snapshots"), "*")) {
                if (Files.isRegularFile(snap.resolve("tokenizer.json")) && hasWeights(snap)) {
                    out.add(new CachedModel(repoId, snap.getFileName().toString(), snap));
                }
            }
        }
        out.sort((a, b) -> a.repoId().equals(b.repoId()) ? a.revision().compareTo(b.revision())
                : a.repoId().compareTo(b.repoId()));
        return out;
    }

    /** The cached snapshot of {@code repoId} ({@code org/name}), preferring the one refs/main points at; or null. */
    public static Path find(Path hub, String repoId) {
        Path repo = hub.resolve("models--" + repoId.replace("/", "--"));
        try {
            Path ref = repo.resolve("refs").resolve("main");
            if (Files.isRegularFile(ref)) {
                Path snap = repo.resolve("snapshots").resolve(Files.readString(ref).trim());
                if (Files.isDirectory(snap)) {
                    return snap;
                }
            }
        } catch (IOException e) {
            // fall through to any snapshot
        }
        for (CachedModel m : list(hub)) {
            if (m.repoId().equals(repoId)) {
                return m.folder();
            }
        }
        return null;
    }

    private static boolean hasWeights(Path snap) {
        return Files.isRegularFile(snap.resolve(TensorCatalog.INDEX)) || !children(snap, "*.safetensors").isEmpty();
    }

    private static List<Path> children(Path dir, String glob) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
            ds.forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }
}
