package org.tokenlens.cli;

/**
 * Bad input given to a command (a missing or unreadable file, a malformed JSONL line, bad ids). The message is
 * one line naming what and where; the CLI prints it as {@code tokenlens: <message>} and exits with 2.
 */
final class CliInputException extends RuntimeException {
    CliInputException(String message) {
        super(message);
    }

    CliInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
