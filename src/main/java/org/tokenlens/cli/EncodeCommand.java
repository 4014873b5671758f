package org.tokenlens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tokenlens.engine.tokenize.EncodeOptions;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Tokenize text and print {\"ids\":[…],\"tokens\":[…],\"offsets\":[[start,end] or null,…]}.",
                "Offsets are UTF-16 units into the text; null marks an inserted token such as [CLS]."})
final class EncodeCommand implements Callable<Integer> {

    private final TokenizerRegistry registry;
    private final ObjectMapper json;

    @Spec
    CommandSpec spec;

    @Mixin
    TokenizerOptions tokenizerOptions;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TextSource source;

    @Option(names = "--jsonl", description = "each input line is a JSON object with a \"text\" field; "
            + "each output line is that object with ids, tokens and offsets added")
    boolean jsonl;

    EncodeCommand(TokenizerRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        String text = source.read();
        Tokenizer tokenizer = registry.load(tokenizerOptions.spec);
        EncodeOptions options = tokenizerOptions.encodeOptions(tokenizer);
        PrintWriter out = spec.commandLine().getOut();
        if (!jsonl) {
            out.println(json.writeValueAsString(EncodingJson.putInto(json.createObjectNode(),
                    tokenizer.encode(text, options))));
        } else {
            encodeLines(text, tokenizer, options, out);
        }
        out.flush();
        return 0;
    }

    /** Streams line by line, so a bad line N fails after lines 1..N-1 were written (exit code says so). */
    private void encodeLines(String text, Tokenizer tokenizer, EncodeOptions options, PrintWriter out)
            throws JsonProcessingException {
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank()) {
                continue; // a trailing newline or blank separator line is not a record
            }
            ObjectNode record = parseRecord(line, n + 1);
            String recordText = record.get("text").textValue();
            out.println(json.writeValueAsString(EncodingJson.putInto(record, tokenizer.encode(recordText, options))));
        }
    }

    private ObjectNode parseRecord(String line, int lineNumber) {
        String where = source.name() + " line " + lineNumber;
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new CliInputException(where + ": malformed JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (!(node instanceof ObjectNode record)) {
            throw new CliInputException(where + ": expected a JSON object, found " + node.getNodeType());
        }
        JsonNode textField = record.get("text");
        if (textField == null || !textField.isTextual()) {
            throw new CliInputException(where + ": no string field \"text\"");
        }
        return record;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
