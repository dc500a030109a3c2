package org.medkg.document;

import static java.util.Objects.requireNonNull;

import org.medkg.text.LineUnwrapper;

/**
 * Plain text, usually extracted from a PDF: hard-wrapped lines are joined and line-end hyphenation undone by
 * {@link LineUnwrapper}. Some {@code .txt} files are Grav pages saved under the wrong extension; a file that opens
 * with a front matter line {@code ---} is handed to the Markdown reader. Title and date come from the text's heading ({@link PlainTextMetadata}).
 */
final class PlainTextReader implements DocumentReader {

    private final MarkdownReader markdown;

    PlainTextReader(MarkdownReader markdown) {
        this.markdown = requireNonNull(markdown, "markdown");
    }

    @Override
    public DocumentContent read(String file, byte[] bytes, ReadingLimits limits) throws BadDocumentException {
        String text = TextDecoding.decode(file, bytes);
        if (FrontMatter.startsWithFrontMatter(text.replace("\r\n", "\n"))) {
            return markdown.readText(file, text);
        }
        return PlainTextMetadata.of(LineUnwrapper.standard().unwrap(text));
    }
}
