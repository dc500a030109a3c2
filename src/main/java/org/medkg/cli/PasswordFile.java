package org.medkg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A password given as a file ({@code --password-file}): its first line, stripped. A file keeps the password out of the
 * command line, which every user of the machine can read ({@code ps}).
 */
final class PasswordFile {
    private PasswordFile() {
    }

    /** The file's first line; a missing or unreadable file is a usage error naming it. */
    static String firstLine(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UnusableInputException("--password-file: no such file: " + file);
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0).strip();
        } catch (IOException e) {
            throw new UnusableInputException("--password-file: cannot read " + file + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UnusableInputException("--password-file: cannot read " + file + ": " + e.getMessage());
        }
    }
}
