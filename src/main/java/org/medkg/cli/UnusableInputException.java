package org.medkg.cli;

/**
 * An input named on the command line that a command cannot work without (a malformed --gazetteer file): told in
 * one line, {@code medkg COMMAND: message}, with the exit status of a wrong command line.
 */
final class UnusableInputException extends RuntimeException {
    UnusableInputException(String message) {
        super(message);
    }
}
