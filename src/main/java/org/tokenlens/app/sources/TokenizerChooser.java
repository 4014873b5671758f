package org.tokenlens.app.sources;

import java.io.File;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The open dialogs: a tokenizer file, or a folder holding tokenizer.json. Remembers the last folder used. */
public final class TokenizerChooser {

    private File lastFolder;

    /** A tokenizer.json (any .json) or .tiktoken file; empty if the user cancelled. */
    public Optional<String> chooseFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a tokenizer");
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter("Tokenizers (tokenizer.json, .tiktoken)", "*.json", "*.tiktoken"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return remember(chooser.showOpenDialog(owner));
    }

    /** A folder holding tokenizer.json (a model download, an HF snapshot); empty if cancelled. */
    public Optional<String> chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder holding tokenizer.json");
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return remember(chooser.showDialog(owner));
    }

    private Optional<String> remember(File chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        lastFolder = chosen.getParentFile();
        return Optional.ofNullable(TokenizerFiles.specFor(chosen)).or(() -> Optional.of(chosen.getPath()));
    }
}
