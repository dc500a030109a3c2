package org.medkg.document;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A document format, defined once with the file extensions that mark it (like Jena's {@code Lang}).
 *
 * @param name       a short name for messages
 * @param extensions lower-case file extensions without the dot; at least one
 */
public record DocumentFormat(String name, List<String> extensions) {

    public static final DocumentFormat MARKDOWN = new DocumentFormat("Markdown", List.of("md", "markdown"));
    public static final DocumentFormat PLAIN_TEXT = new DocumentFormat("plain text", List.of("txt"));
    public static final DocumentFormat HTML = new DocumentFormat("HTML", List.of("html", "htm"));
    public static final DocumentFormat PDF = new DocumentFormat("PDF", List.of("pdf"));
    /** The formats {@link DocumentReaders#standard()} reads. */
    public static final List<DocumentFormat> STANDARD = List.of(MARKDOWN, PLAIN_TEXT, HTML, PDF);

    public DocumentFormat {
        requireNonNull(name, "name");
        extensions = List.copyOf(requireNonNull(extensions, "extensions"));
        if (extensions.isEmpty()) {
            throw new IllegalArgumentException("format " + name + " has no file extension");
        }
        for (String extension : extensions) {
            if (extension.isEmpty() || extension.startsWith(".")
                    || !extension.equals(extension.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("format " + name
                        + ": extension must be lower case without a dot: '" + extension + "'");
            }
        }
    }

    /** Whether the file is named as a document of a standard format: known from its name alone, with no reader built. */
    public static boolean isStandardName(Path path) {
        String extension = extensionOf(path);
        return STANDARD.stream().anyMatch(format -> format.extensions().contains(extension));
    }

    /** The file name's extension in lower case, without the dot; empty when it has none. */
    static String extensionOf(Path path) {
        Path name = path.getFileName();
        String fileName = name == null ? "" : name.toString();
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
