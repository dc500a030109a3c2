package org.medkg.cli;

import java.time.Duration;
import org.medkg.document.ReadingLimits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What one document may cost ({@link ReadingLimits}), for every command that reads documents: a document over a
 * limit is named in one line and left out, and the others go on. Each option falls back on an environment
 * variable, then on the default.
 */
final class ReadingLimitsOptions {

    /** A file is read into memory whole, so it must fit in a Java array. */
    private static final long MAX_MEGABYTES = 2047;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    private long maxFileMegabytes = ReadingLimits.DEFAULT_MAX_FILE_MB;
    private long maxPdfMegabytes = ReadingLimits.DEFAULT_MAX_PDF_MB;
    private int maxTextLength = ReadingLimits.DEFAULT_MAX_TEXT_LENGTH;
    private long maxSeconds = ReadingLimits.DEFAULT_MAX_SECONDS;

    @Option(names = "--max-file-size", paramLabel = "MB",
            defaultValue = "${env:MEDKG_MAX_FILE_SIZE:-" + ReadingLimits.DEFAULT_MAX_FILE_MB + "}",
            description = "Largest Markdown, text or HTML file read, in megabytes. Default: $MEDKG_MAX_FILE_SIZE, else "
                    + ReadingLimits.DEFAULT_MAX_FILE_MB + ".")
    void setMaxFileSize(long megabytes) {
        maxFileMegabytes = inRange("--max-file-size", megabytes, MAX_MEGABYTES);
    }

    @Option(names = "--max-pdf-size", paramLabel = "MB",
            defaultValue = "${env:MEDKG_MAX_PDF_SIZE:-" + ReadingLimits.DEFAULT_MAX_PDF_MB + "}",
            description = "Largest PDF file read, in megabytes; its compressed streams may decode to four times as "
                    + "much. Default: $MEDKG_MAX_PDF_SIZE, else " + ReadingLimits.DEFAULT_MAX_PDF_MB + ".")
    void setMaxPdfSize(long megabytes) {
        maxPdfMegabytes = inRange("--max-pdf-size", megabytes, MAX_MEGABYTES);
    }

    @Option(names = "--max-text-length", paramLabel = "CHARS",
            defaultValue = "${env:MEDKG_MAX_TEXT_LENGTH:-" + ReadingLimits.DEFAULT_MAX_TEXT_LENGTH + "}",
            description = "Most characters of text taken from one document. Default: $MEDKG_MAX_TEXT_LENGTH, else "
                    + ReadingLimits.DEFAULT_MAX_TEXT_LENGTH + ".")
    void setMaxTextLength(int characters) {
        maxTextLength = (int) inRange("--max-text-length", characters, Integer.MAX_VALUE);
    }

    @Option(names = "--max-seconds", paramLabel = "SECONDS",
            defaultValue = "${env:MEDKG_MAX_SECONDS:-" + ReadingLimits.DEFAULT_MAX_SECONDS + "}",
            description = "Longest one document's reading and analysis may take. Default: $MEDKG_MAX_SECONDS, else "
                    + ReadingLimits.DEFAULT_MAX_SECONDS + ".")
    void setMaxSeconds(long seconds) {
        maxSeconds = inRange("--max-seconds", seconds, Long.MAX_VALUE / 1000);
    }

    ReadingLimits limits() {
        return new ReadingLimits(ReadingLimits.megabytes(maxFileMegabytes), ReadingLimits.megabytes(maxPdfMegabytes),
                maxTextLength, Duration.ofSeconds(maxSeconds));
    }

    private long inRange(String option, long value, long max) {
        if (value <= 0 || value > max) {
            throw new ParameterException(command.commandLine(),
                    option + " must be a number from 1 to " + max + ": " + value);
        }
        return value;
    }
}
