package org.tokenlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tokenlens.engine.tokenize.Tokenizer;
import org.tokenlens.engine.tokenize.TokenizerInfo;
import org.tokenlens.engine.tokenize.TokenizerRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what a tokenizer is made of: each stage as its file describes it, and the settings it "
                + "holds that TokenLens does not apply (padding, truncation)."})
final class InspectCommand implements Callable<Integer> {

    private final TokenizerRegistry registry;
    private final ObjectMapper json;

    @Spec
    CommandSpec spec;

    @Option(names = "--tokenizer", required = true, paramLabel = "SPEC",
            description = "bundled name or alias, tokenizer.json, folder holding one, or .tiktoken file")
    String tokenizerSpec;

    InspectCommand(TokenizerRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    @Override
    public Integer call() throws Exception {
        Tokenizer tokenizer = registry.load(tokenizerSpec);
        TokenizerInfo info = tokenizer.info();
        ObjectNode out = json.createObjectNode();
        out.put("name", tokenizer.name());
        out.put("kind", info.kind());
        out.put("source", info.source());
        out.put("vocab_size", tokenizer.vocabSize());
        out.put("lossless", tokenizer.isLossless());
        ObjectNode stages = out.putObject("stages");
        for (Map.Entry<String, String> e : info.stages().entrySet()) {
            stages.set(e.getKey(), parseOrText(e.getValue()));
        }
        ObjectNode ignored = out.putObject("not_applied");
        for (Map.Entry<String, String> e : info.ignored().entrySet()) {
            ignored.set(e.getKey(), parseOrText(e.getValue()));
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        w.flush();
        return 0;
    }

    /** Stage descriptions are JSON for tokenizer.json files and plain text for tiktoken. */
    private com.fasterxml.jackson.databind.JsonNode parseOrText(String value) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = json.readTree(value);
            if (n != null && (n.isContainerNode() || n.isNull())) {
                return n;
            }
        } catch (Exception e) {
            // not JSON: keep it as text
        }
        return json.getNodeFactory().textNode(value);
    }
}
