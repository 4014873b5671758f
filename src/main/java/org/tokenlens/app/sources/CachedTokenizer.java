package org.tokenlens.app.sources;

import java.nio.file.Path;

/** A tokenizer.json found in the local Hugging Face cache: {@code repo} as "org/name", one snapshot folder. */
public record CachedTokenizer(String repo, String snapshot, Path folder) {

    /** "org/name (abc1234)": the repository and the first 7 characters of the snapshot's commit. */
    public String label() {
        return repo + " (" + (snapshot.length() > 7 ? snapshot.substring(0, 7) : snapshot) + ")";
    }

    /** What {@code TokenizerRegistry.load} takes: the snapshot folder holding tokenizer.json. */
    public String spec() {
        return folder.toString();
    }
}
