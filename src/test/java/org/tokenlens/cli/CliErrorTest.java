package org.tokenlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input: exit code 2, one line on stderr naming what and where, nothing on stdout. */
class CliErrorTest {

    private final CliRunner cli = new CliRunner();

    @TempDir
    Path dir;

    private static void assertBadInput(CliRunner.Result r, String... mustMention) {
        assertEquals(2, r.exitCode(), () -> "exit code; stderr: " + r.err());
        assertTrue(r.isOneLineError(), () -> "expected one 'tokenlens: …' line, got: " + r.err());
        for (String s : mustMention) {
            assertTrue(r.err().contains(s), () -> "stderr should mention '" + s + "': " + r.err());
        }
    }

    @Test
    void missingInputFile() {
        Path missing = dir.resolve("nope.txt");
        CliRunner.Result r = cli.run("encode", "--tokenizer", "cl100k_base", "--input", missing.toString());
        assertBadInput(r, missing.toString(), "no such file");
        assertEquals("", r.out());
    }

    @Test
    void inputIsADirectory() {
        assertBadInput(cli.run("count", "--tokenizer", "cl100k_base", "--input", dir.toString()),
                dir.toString(), "directory");
    }

    @Test
    void invalidUtf8NamesFileAndByteOffset() throws IOException {
        Path file = dir.resolve("latin1.txt");
        // "café" in ISO-8859-1: the lone 0xE9 at byte offset 3 is not UTF-8
        Files.write(file, "café ok".getBytes(StandardCharsets.ISO_8859_1));
        assertBadInput(cli.run("encode", "--tokenizer", "cl100k_base", "--input", file.toString()),
                file.toString(), "invalid UTF-8", "byte offset 3");
    }

    @Test
    void truncatedUtf8AtEndOfFile() throws IOException {
        Path file = dir.resolve("cut.txt");
        byte[] euro = "ab€".getBytes(StandardCharsets.UTF_8); // 61 62 E2 82 AC
        Files.write(file, java.util.Arrays.copyOf(euro, 4));
        assertBadInput(cli.run("count", "--tokenizer", "cl100k_base", "--input", file.toString()),
                "invalid UTF-8", "byte offset 2");
    }

    @Test
    void unknownTokenizer() {
        assertBadInput(cli.run("encode", "--tokenizer", "no-such-tokenizer", "--text", "hi"),
                "no-such-tokenizer");
    }

    @Test
    void idsThatAreNotIntegers() {
        assertBadInput(cli.run("decode", "--tokenizer", "cl100k_base", "--ids", "1,2,x3"), "--ids", "'x3'");
    }

    @Test
    void idOutOfRange() {
        assertBadInput(cli.run("decode", "--tokenizer", "cl100k_base", "--ids", "15339,999999999"),
                "999999999", "not in the vocabulary");
        assertBadInput(cli.run("decode", "--tokenizer", "bert-base-uncased", "--ids", "-1"),
                "-1", "not in the vocabulary");
    }

    @Test
    void malformedJsonlLineIsNamedByNumber() throws IOException {
        Path file = dir.resolve("in.jsonl");
        Files.writeString(file, "{\"text\":\"fine\"}\n{\"text\": \"broken\"\n");
        CliRunner.Result r = cli.run("encode", "--tokenizer", "cl100k_base", "--jsonl", "--input", file.toString());
        assertBadInput(r, file + " line 2", "malformed JSON");
    }

    @Test
    void jsonlLineWithoutTextField() throws IOException {
        Path file = dir.resolve("in.jsonl");
        Files.writeString(file, "{\"text\":\"a\"}\n\n{\"body\":\"b\"}\n");
        assertBadInput(cli.run("encode", "--tokenizer", "cl100k_base", "--jsonl", "--input", file.toString()),
                "line 3", "\"text\"");
        Files.writeString(file, "[1,2]\n");
        assertBadInput(cli.run("encode", "--tokenizer", "cl100k_base", "--jsonl", "--input", file.toString()),
                "line 1", "object");
    }

    @Test
    void usageErrorsExitWithTwoAndOneLine() {
        assertBadInput(cli.run("encode", "--text", "hi"), "--tokenizer");
        assertBadInput(cli.run("encode", "--tokenizer", "gpt2", "--text", "a", "--input", "f.txt"));
        assertBadInput(cli.run("encode", "--tokenizer", "gpt2"));
        assertBadInput(cli.run("frobnicate"), "frobnicate");
        assertBadInput(cli.run("count", "--tokenizer", "gpt2", "--text", "a", "--bogus"), "--bogus");
        assertBadInput(cli.run(), "missing command");
    }
}
