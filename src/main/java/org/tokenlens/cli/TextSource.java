package org.tokenlens.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the text comes from: exactly one of {@code --text} or {@code --input}. Used as an exclusive ArgGroup. */
final class TextSource {

    @Option(names = "--text", paramLabel = "TEXT", required = true, description = "the text itself")
    String text;

    @Option(names = "--input", paramLabel = "FILE", required = true, description = "a UTF-8 text file")
    Path input;

    String read() {
        return input != null ? StrictUtf8.readFile(input) : text;
    }

    /** How error messages name this source. */
    String name() {
        return input != null ? input.toString() : "--text";
    }
}
