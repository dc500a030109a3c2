package org.medkg.document;

import java.time.LocalDate;
import org.medkg.lang.Language;

/**
 * One document as read from disk: where it came from, a digest of its bytes, and its text.
 *
 * @param sourceFile the path the document was read from, as the user gave it
 * @param sha256     hex digest of the document's bytes; an unchanged document is not loaded again
 * @param language   detected language of the text
 * @param title      the document's own title (front matter, HTML title, PDF metadata), or null
 * @param published  the document's own date, or null
 * @param text       plain text for recognition; offsets of mentions point into it
 */
public record SourceDocument(String sourceFile, String sha256, Language language, String title,
                             LocalDate published, String text) {
}
