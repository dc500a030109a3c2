package org.medkg.document;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.medkg.lang.LanguageDetector;
import org.medkg.text.TextNormalizer;

/**
 * Reads a document of any registered format, chosen by file extension, into a {@link SourceDocument}: the reader's
 * title and text normalized by a {@link TextNormalizer}, the language detected from title and text, a SHA-256 of
 * the bytes. Formats are registered once with their extensions (as in Jena's {@code RDFLanguages}); an extension
 * claimed twice fails at registration.
 */
public final class DocumentReaders {

    private static final DocumentReaders STANDARD = standardBuilder().build();

    private final Map<String, Registration> byExtension;
    private final TextNormalizer normalizer;
    private final LanguageDetector languageDetector;

    private record Registration(DocumentFormat format, DocumentReader reader) {
    }

    private DocumentReaders(Builder builder) {
        this.byExtension = Map.copyOf(builder.byExtension);
        this.normalizer = builder.normalizer;
        this.languageDetector = builder.languageDetector;
    }

    /** Markdown, plain text, HTML and PDF with the standard normalizer and language detector. */
    public static DocumentReaders standard() {
        return STANDARD;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with the standard formats already registered, to add more. */
    public static Builder standardBuilder() {
        MarkdownReader markdown = new MarkdownReader();
        return builder()
                .register(DocumentFormat.MARKDOWN, markdown)
                .register(DocumentFormat.PLAIN_TEXT, new PlainTextReader(markdown))
                .register(DocumentFormat.HTML, new HtmlReader())
                .register(DocumentFormat.PDF, new PdfReader());
    }

    public boolean isSupported(Path path) {
        return formatOf(path).isPresent();
    }

    /** The format registered for the path's extension. */
    public Optional<DocumentFormat> formatOf(Path path) {
        return registration(path).map(Registration::format);
    }

    /** Reads under the default limits. */
    public SourceDocument read(Path path) throws BadDocumentException {
        return read(path, ReadingLimits.DEFAULT);
    }

    /**
     * Reads a document under the limits. A document with a title and no body (a photo gallery) is read: its title is
     * its text; one with neither, or an empty file, is refused.
     */
    public SourceDocument read(Path path, ReadingLimits limits) throws BadDocumentException {
        String file = path.toString();
        Registration registration = registration(path).orElseThrow(() -> new BadDocumentException(file,
                "unknown document format (extension '" + DocumentFormat.extensionOf(path) + "'); known extensions: "
                        + String.join(", ", byExtension.keySet().stream().sorted().toList())));
        byte[] bytes = DocumentBytes.read(path, registration.format(), limits);
        if (bytes.length == 0) {
            throw new BadDocumentException(file, "empty file");
        }
        DocumentContent content = registration.reader().read(file, bytes, limits);
        String text = normalizer.normalize(content.text()).strip();
        String title = content.title() == null ? null : normalizer.normalize(content.title()).strip();
        if (text.isEmpty() && (title == null || title.isEmpty())) {
            throw new BadDocumentException(file, "no text in the document (" + registration.format().name() + ")");
        }
        limits.checkTextLength(file, (long) text.length() + (title == null ? 0 : title.length()));
        String sample = title == null ? text : title + "\n" + text;
        return new SourceDocument(file, sha256(bytes), languageDetector.detect(sample), title,
                content.published(), text);
    }

    private Optional<Registration> registration(Path path) {
        return Optional.ofNullable(byExtension.get(DocumentFormat.extensionOf(path)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gathers formats and their readers; {@link #build()} fills in the standard normalizer and detector. */
    public static final class Builder {
        private final Map<String, Registration> byExtension = new HashMap<>();
        private TextNormalizer normalizer = TextNormalizer.standard();
        private LanguageDetector languageDetector = LanguageDetector.standard();

        private Builder() {
        }

        public Builder register(DocumentFormat format, DocumentReader reader) {
            Registration registration = new Registration(requireNonNull(format, "format"),
                    requireNonNull(reader, "reader"));
            for (String extension : format.extensions()) {
                Registration taken = byExtension.get(extension);
                if (taken != null) {
                    throw new IllegalArgumentException("extension '" + extension + "' of " + format.name()
                            + " is already registered for " + taken.format().name());
                }
            }
            format.extensions().forEach(extension -> byExtension.put(extension, registration));
            return this;
        }

        public Builder normalizer(TextNormalizer normalizer) {
            this.normalizer = requireNonNull(normalizer, "normalizer");
            return this;
        }

        public Builder languageDetector(LanguageDetector languageDetector) {
            this.languageDetector = requireNonNull(languageDetector, "languageDetector");
            return this;
        }

        public DocumentReaders build() {
            if (byExtension.isEmpty()) {
                throw new IllegalStateException("no document format registered");
            }
            return new DocumentReaders(this);
        }
    }
}
