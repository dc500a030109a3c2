package org.medkg.document;

import java.time.Duration;
import java.util.Locale;

/**
 * What one document may cost, so that a pathological one is refused with a one-line error and the others go on:
 * the bytes read from its file (checked before reading, and enforced while reading, so that a growing file cannot
 * exceed it), the length of the text extracted from it, and the wall time its reading and analysis may take.
 * PDF files get their own byte limit: their text is compressed and they carry fonts and images, so they are
 * larger than a text file of the same text.
 *
 * @param maxFileBytes  largest Markdown, plain text or HTML file read
 * @param maxPdfBytes   largest PDF file read; its streams (other than images) may decode to four times as much
 * @param maxTextLength most characters of text (title and body) taken from one document
 * @param maxTime       longest a document's reading and analysis may take
 */
public record ReadingLimits(long maxFileBytes, long maxPdfBytes, int maxTextLength, Duration maxTime) {

    /** Defaults, also shown by the command line: a long report is 100,000 characters, a day's news 10,000. */
    public static final int DEFAULT_MAX_FILE_MB = 8;
    public static final int DEFAULT_MAX_PDF_MB = 64;
    public static final int DEFAULT_MAX_TEXT_LENGTH = 500_000;
    public static final int DEFAULT_MAX_SECONDS = 60;

    public static final ReadingLimits DEFAULT = new ReadingLimits(megabytes(DEFAULT_MAX_FILE_MB),
            megabytes(DEFAULT_MAX_PDF_MB), DEFAULT_MAX_TEXT_LENGTH, Duration.ofSeconds(DEFAULT_MAX_SECONDS));

    /** The largest Java array, which holds a file read whole. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;
    /** Decompressed PDF streams per byte of PDF: well above what text and fonts compress by, far below a bomb's. */
    private static final int PDF_EXPANSION = 4;

    public ReadingLimits {
        if (maxFileBytes <= 0 || maxPdfBytes <= 0 || maxTextLength <= 0) {
            throw new IllegalArgumentException("reading limits must be positive");
        }
        if (Math.max(maxFileBytes, maxPdfBytes) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("a file is read into memory whole: its limit must be below 2 GB");
        }
        if (maxTime == null || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive: " + maxTime);
        }
    }

    public static long megabytes(long megabytes) {
        return megabytes << 20;
    }

    /** The byte limit of a file of this format. */
    long maxBytes(DocumentFormat format) {
        return format.equals(DocumentFormat.PDF) ? maxPdfBytes : maxFileBytes;
    }

    /** The most bytes a PDF's streams (images aside) may decode to, each and all together. */
    long maxPdfDecodedBytes() {
        return maxPdfBytes * PDF_EXPANSION;
    }

    /** Refuses a document whose text has grown past the limit; readers call it while they extract. */
    void checkTextLength(String file, long length) throws BadDocumentException {
        if (length > maxTextLength) {
            throw new BadDocumentException(file, String.format(Locale.ROOT,
                    "too much text: more than %,d characters (--max-text-length)", maxTextLength));
        }
    }

    /** The option that raises the byte limit of this format, for error messages. */
    static String byteLimitOption(DocumentFormat format) {
        return format.equals(DocumentFormat.PDF) ? "--max-pdf-size" : "--max-file-size";
    }

    /** A size for people: "52.3 MB", "812 KB", "64 MB". */
    static String size(long bytes) {
        if (bytes >= megabytes(1)) {
            double mb = bytes / (double) megabytes(1);
            return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb))
                    + " MB";
        }
        return (bytes + 1023) / 1024 + " KB";
    }
}
